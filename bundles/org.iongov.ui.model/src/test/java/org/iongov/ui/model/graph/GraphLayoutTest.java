package org.iongov.ui.model.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GraphLayoutTest {

    private static Graph chain() {
        Graph g = new Graph();
        g.add(GraphNode.of("dataset:d", NodeKind.DATASET, "batch-0.csv", "digest abc", List.of()));
        g.add(GraphNode.of("run:t", NodeKind.RUN, "train-recommender", "run t", List.of()));
        g.add(GraphNode.of("model:m", NodeKind.MODEL, "m", "lr sha256 0123", List.of()));
        g.add(GraphNode.of("policy_step:s", NodeKind.POLICY_STEP, "clinical-approval", "approval", List.of()));
        g.add(GraphNode.of("approval:a", NodeKind.APPROVAL, "olivia", "approve (operator)", List.of()));
        g.add(GraphNode.of("run:i", NodeKind.RUN, "recommend-tests", "run i", List.of()));
        g.add(GraphNode.of("prediction:p", NodeKind.PREDICTION, "enc-7", "{\"probability\":0.42}", List.of()));
        g.connect("dataset:d", "run:t", EdgeKind.READ).connect("run:t", "model:m", EdgeKind.TRAINED)
                .connect("model:m", "policy_step:s", EdgeKind.PASSED).connect("approval:a", "policy_step:s", EdgeKind.DECIDED)
                .connect("policy_step:s", "run:i", EdgeKind.SERVED).connect("run:i", "prediction:p", EdgeKind.MADE);
        return g;
    }

    @Test
    void laysUpstreamLeftOfDownstreamWithoutOverlapsAndRoutesEveryEdge() {
        Graph g = chain();
        LaidOutGraph laid = new GraphLayout().layout(g);
        assertEquals(g.size(), laid.boxes().size());
        assertEquals(g.edges().size(), laid.paths().size());
        for (GraphEdge e : g.edges()) {
            LaidOutGraph.Box from = laid.box(e.from());
            LaidOutGraph.Box to = laid.box(e.to());
            assertTrue(from.x() + from.width() < to.x(), e + ": upstream box ends left of the downstream box");
        }
        assertNoOverlaps(laid);
        for (LaidOutGraph.EdgePath path : laid.paths()) {
            double[] p = path.points();
            LaidOutGraph.Box to = laid.box(path.edge().to());
            assertTrue(p.length >= 4 && p.length % 2 == 0);
            assertEquals(to.x(), p[p.length - 2], 1e-6, "the edge ends at the target's left side");
            assertTrue(p[p.length - 1] >= to.y() && p[p.length - 1] <= to.y() + to.height());
        }
        LaidOutGraph.Box model = laid.box("model:m");
        assertSame(model, laid.boxAt(model.x() + 1, model.y() + 1));
        assertTrue(laid.width() >= model.x() + model.width() && laid.height() >= model.y() + model.height());
        assertEquals(GraphNode.HEIGHT, model.height());
    }

    @Test
    void theSameGraphGetsTheSameCoordinates() {
        LaidOutGraph first = new GraphLayout().layout(SampleGraphs.lineageShaped(300));
        LaidOutGraph second = new GraphLayout().layout(SampleGraphs.lineageShaped(300));
        assertEquals(300, first.boxes().size());
        for (String id : first.boxes().keySet()) {
            LaidOutGraph.Box a = first.box(id);
            LaidOutGraph.Box b = second.box(id);
            assertEquals(a.x(), b.x(), id);
            assertEquals(a.y(), b.y(), id);
        }
        for (int i = 0; i < first.paths().size(); i++) {
            assertArrayEquals(first.paths().get(i).points(), second.paths().get(i).points());
        }
        assertNoOverlaps(first);
    }

    @Test
    void aLargeGraphIsLaidOutWithoutOverlaps() {
        LaidOutGraph laid = new GraphLayout().layout(SampleGraphs.lineageShaped(GraphLayout.LARGE + 100));
        assertEquals(GraphLayout.LARGE + 100, laid.boxes().size());
        assertNoOverlaps(laid);
    }

    @Test
    void anEmptyGraphHasNothingToDraw() {
        LaidOutGraph laid = new GraphLayout().layout(new Graph());
        assertTrue(laid.boxes().isEmpty());
        assertEquals(0, laid.width());
    }

    @Test
    void theGraphKnowsWhatIsUpstreamAndConnected() {
        Graph g = chain();
        assertEquals(Set.of("dataset:d", "run:t", "model:m", "policy_step:s", "approval:a", "run:i"), g.reachable("prediction:p", true));
        assertEquals(Set.of("policy_step:s", "run:i", "prediction:p"), g.reachable("model:m", false));
        assertFalse(g.connected("prediction:p", "policy_step:s").contains("model:m"), "the model hangs off the policy step");
        g.remove("policy_step:s");
        assertEquals(6, g.size());
        assertTrue(g.incoming("run:i").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> g.connect("model:m", "nowhere", EdgeKind.PASSED));
        Graph copy = g.copy();
        copy.remove("model:m");
        assertNotNull(g.node("model:m"), "a copy is independent");
    }

    @Test
    void aLaidOutGraphCannotBeChangedThroughWhatItWasMadeFromNorWhatItHandsOut() {
        Graph source = chain();
        LaidOutGraph laid = new GraphLayout().layout(source);
        source.remove("model:m");
        assertTrue(laid.graph().contains("model:m"), "laid out from a copy");
        assertThrows(UnsupportedOperationException.class, () -> laid.graph().remove("model:m"));
        assertThrows(UnsupportedOperationException.class, () -> laid.graph().add(GraphNode.of("run:x", NodeKind.RUN, "x", "", List.of())));
        assertThrows(UnsupportedOperationException.class, () -> laid.graph().connect("dataset:d", "model:m", EdgeKind.READ));
        assertThrows(UnsupportedOperationException.class, () -> laid.boxes().remove("model:m"));
        assertThrows(UnsupportedOperationException.class, () -> laid.paths().clear());
        Graph editable = laid.graph().copy();
        editable.remove("model:m");
        assertTrue(laid.graph().contains("model:m"), "a copy of a frozen graph can be changed, the graph cannot");

        double[] route = laid.paths().get(0).points();
        double first = route[0];
        route[0] = -1000;
        assertEquals(first, laid.paths().get(0).points()[0], "points are handed out as copies");

        Map<String, LaidOutGraph.Box> boxes = new LinkedHashMap<>(laid.boxes());
        List<LaidOutGraph.EdgePath> paths = new ArrayList<>(laid.paths());
        double[] points = { 0, 0, 10, 10 };
        paths.add(new LaidOutGraph.EdgePath(new GraphEdge("dataset:d", "model:m", EdgeKind.READ), points));
        LaidOutGraph made = new LaidOutGraph(laid.graph(), boxes, paths, laid.width(), laid.height());
        boxes.clear();
        paths.clear();
        points[2] = 99;
        assertEquals(laid.boxes().keySet(), made.boxes().keySet(), "the boxes were copied in, in the graph's order");
        assertEquals(laid.paths().size() + 1, made.paths().size());
        assertEquals(10, made.paths().get(made.paths().size() - 1).points()[2], "the points were copied in");
        assertEquals(new LaidOutGraph.EdgePath(new GraphEdge("dataset:d", "model:m", EdgeKind.READ), new double[] { 0, 0, 10, 10 }),
                made.paths().get(made.paths().size() - 1), "routes compare by their points");
    }

    @Test
    void anExpandedNodeStaysWhereItWasDrawnWhenItCanAndInViewWhenItCannot() {
        LaidOutGraph.Box before = new LaidOutGraph.Box(null, 400, 300, 160, 44);
        LaidOutGraph.Box after = new LaidOutGraph.Box(null, 900, 500, 160, 44);
        // At 50 %, scrolled to (100, 50): the box was drawn at (100, 100) in the view.
        Viewport.Origin kept = Viewport.keepInPlace(before, new Viewport.Origin(100, 50), after, 0.5, 800, 600, 3000, 2000);
        assertEquals(new Viewport.Origin(350, 150), kept);
        assertEquals(100, after.x() * 0.5 - kept.x(), 1e-9, "drawn where it was");
        assertEquals(100, after.y() * 0.5 - kept.y(), 1e-9);

        // A graph that fits the view cannot scroll: the box moves, but stays in view.
        Viewport.Origin small = Viewport.keepInPlace(before, new Viewport.Origin(100, 50), after, 0.5, 800, 600, 1200, 900);
        assertEquals(new Viewport.Origin(0, 0), small);
        assertTrue(Viewport.inView(after, small.x(), small.y(), 0.5, 800, 600));

        // Kept in place it would be cut off at the right edge: it is centred instead.
        LaidOutGraph.Box nearEdge = new LaidOutGraph.Box(null, 1500, 300, 160, 44);
        LaidOutGraph.Box movedFar = new LaidOutGraph.Box(null, 2800, 300, 160, 44);
        Viewport.Origin centred = Viewport.keepInPlace(nearEdge, new Viewport.Origin(800, 0), movedFar, 1, 800, 600, 3000, 2000);
        assertTrue(Viewport.inView(movedFar, centred.x(), centred.y(), 1, 800, 600), centred.toString());
        assertEquals(2200, centred.x(), "as far right as the drawing goes");
    }

    static void assertNoOverlaps(LaidOutGraph laid) {
        List<LaidOutGraph.Box> boxes = new ArrayList<>(laid.boxes().values());
        boxes.sort((a, b) -> Double.compare(a.x(), b.x()));
        for (int i = 0; i < boxes.size(); i++) {
            LaidOutGraph.Box a = boxes.get(i);
            for (int j = i + 1; j < boxes.size() && boxes.get(j).x() < a.x() + a.width(); j++) {
                LaidOutGraph.Box b = boxes.get(j);
                assertFalse(a.intersects(b.x(), b.y(), b.width(), b.height()), a.node().id() + " overlaps " + b.node().id());
            }
        }
    }
}
