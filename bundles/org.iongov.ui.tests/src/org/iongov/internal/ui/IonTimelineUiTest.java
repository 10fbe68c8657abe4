package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.timeline.IonTimeline;
import org.iongov.core.timeline.IonTimeline.Arrow;
import org.iongov.core.timeline.IonTimeline.Lane;
import org.iongov.core.timeline.IonTimeline.RunBar;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageGraph;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.iongov.ui.model.timeline.IonTimelinePresenter.ArrowLine;
import org.iongov.ui.model.timeline.IonTimelinePresenter.BarBox;
import org.junit.jupiter.api.Test;

/**
 * The ION timeline in the running workbench: its lanes, runs and arrows are what
 * {@link IonTimeline#of} answers for the store; the wheel and a drag zoom and pan; clicking a
 * model's arrow or a run's bar traces it in the lineage explorer.
 */
class IonTimelineUiTest {

    private final Display display = Display.getDefault();

    @Test
    void lanesAndArrowsAreTheStoresAndClickingTracesTheModelOrRun() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String suffix = "tl" + System.nanoTime();
        String ion = WorkbenchWindow.retrainingWithApproval();
        ApprovalScenario clinic = ApprovalScenario.record(store, ion, suffix, Instant.now().minusSeconds(3600));
        Candidate retrained = clinic.candidate(suffix + "-2", "dana", Instant.now().minusSeconds(1800), "beef" + "00".repeat(30),
                Map.of("auc", 0.9));

        EPartService parts = window.getContext().get(EPartService.class);
        MPart mpart = parts.showPart(IonTimelinePart.ID, PartState.ACTIVATE);
        IonTimelinePart part = (IonTimelinePart) mpart.getObject();
        part.refresh();
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        part.show(clinic.instance());
        WorkbenchWindow.waitUntil(display, () -> !part.busy() && part.timeline() != null
                && part.timeline().instance().id().equals(clinic.instance()), 30_000);
        ((Shell) window.getWidget()).forceActive();
        repaint(part);

        IonTimeline api = IonTimeline.of(store, clinic.instance(), TimeRange.ALL, 10_000);
        assertEquals(api.lanes().stream().map(Lane::node).toList(), part.layout().lanes().stream().map(l -> l.lane().node()).toList(),
                "one lane per node, in the definition's order");
        assertEquals(List.of(ApprovalScenario.TRAINING_NODE, ApprovalScenario.POLICY_NODE, ApprovalScenario.INFERENCE_NODE),
                part.layout().lanes().stream().map(l -> l.lane().node()).toList());
        assertEquals(api.lanes().stream().flatMap(l -> l.runs().stream()).map(RunBar::runId).sorted().toList(),
                part.layout().bars().stream().map(b -> b.run().runId()).sorted().toList(), "every run is a bar");
        assertEquals(api.arrows().stream().map(Arrow::messageId).toList(), part.layout().arrows().stream().map(a -> a.arrow().messageId()).toList(),
                "every message is an arrow");
        for (ArrowLine a : part.layout().arrows()) {
            assertEquals(part.layout().lane(a.arrow().senderNode()).orElseThrow().centerY(), a.y1(), 1e-9, "starts in its sender's lane");
            if (a.received()) {
                assertEquals(part.layout().lane(a.arrow().receiverNode()).orElseThrow().centerY(), a.y2(), 1e-9, "ends in its receiver's lane");
                assertEquals(part.axis().x(a.arrow().receivedAt()), a.x2(), 1e-6);
            }
            assertEquals(part.axis().x(a.arrow().sentAt()), a.x1(), 1e-6);
        }
        assertTrue(part.message().startsWith(clinic.instance() + " (" + ApprovalScenario.ION + "): 3 nodes"), part.message());

        // The mouse wheel zooms around the pointer; a drag pans; Fit shows everything again.
        double span = part.axis().toMillis() - part.axis().fromMillis();
        Event wheel = new Event();
        wheel.x = part.canvas().getSize().x / 2;
        wheel.y = 60;
        wheel.count = 1;
        part.canvas().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(span / 1.5, part.axis().toMillis() - part.axis().fromMillis(), span * 1e-9);
        double from = part.axis().fromMillis();
        mouse(part, SWT.MouseDown, 400, 60);
        mouse(part, SWT.MouseMove, 500, 60);
        mouse(part, SWT.MouseUp, 500, 60);
        assertEquals(from - 100 * part.axis().millisPerPixel(), part.axis().fromMillis(), 1e-3, "dragged 100 px to the right");
        part.fit();
        repaint(part);
        WorkbenchWindow.screenshotMaximized(mpart, "ion-timeline");
        assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "ion-timeline.png")) > 1000);
        repaint(part);

        // Clicking the approved model's arrow (policy to inference) traces the model.
        ArrowLine delivery = part.layout().arrows().stream().filter(a -> a.received() && clinic.productionModel().equals(a.arrow().modelId())
                && ApprovalScenario.INFERENCE_NODE.equals(a.arrow().receiverNode())).findFirst().orElseThrow();
        int x = (int) Math.round((delivery.x1() + delivery.x2()) / 2);
        int y = (int) Math.round((delivery.y1() + delivery.y2()) / 2);
        assertEquals(clinic.productionModel(), part.layout().hit(x, y).orElseThrow().traceId());
        click(part, x, y);
        assertEquals(clinic.productionModel(), part.lastTraced());
        LineageExplorerPart lineage = (LineageExplorerPart) parts.findPart(LineageExplorerPart.ID).getObject();
        String modelNode = LineageGraph.nodeId(NodeKind.MODEL, clinic.productionModel());
        WorkbenchWindow.waitUntil(display, () -> !lineage.busy() && modelNode.equals(lineage.view().root()), 30_000);

        // Clicking the retraining run's bar traces the run.
        parts.showPart(IonTimelinePart.ID, PartState.ACTIVATE);
        repaint(part);
        BarBox small = part.layout().bars().stream().filter(b -> b.run().runId().equals(retrained.trainingRun())).findFirst().orElseThrow();
        // The 8 s run is a few pixels wide in the whole timeline: zoom in on it first.
        part.zoom(300 / small.width(), small.x());
        repaint(part);
        BarBox bar = part.layout().bars().stream().filter(b -> b.run().runId().equals(retrained.trainingRun())).findFirst().orElseThrow();
        assertTrue(bar.width() > 100, "zoomed in: " + bar.width() + " px");
        int bx = (int) Math.round(bar.x() + 10);
        int by = (int) Math.round(bar.y() + 2);
        assertEquals(retrained.trainingRun(), part.layout().hit(bx, by).orElseThrow().traceId());
        click(part, bx, by);
        String runNode = LineageGraph.nodeId(NodeKind.RUN, retrained.trainingRun());
        WorkbenchWindow.waitUntil(display, () -> !lineage.busy() && runNode.equals(lineage.view().root()), 30_000);
    }

    private void repaint(IonTimelinePart part) {
        long before = part.paints();
        part.canvas().redraw();
        WorkbenchWindow.waitUntil(display, () -> {
            part.canvas().update();
            return part.paints() > before;
        }, 10_000);
    }

    private void click(IonTimelinePart part, int x, int y) {
        mouse(part, SWT.MouseDown, x, y);
        mouse(part, SWT.MouseUp, x, y);
        WorkbenchWindow.processEvents(display);
    }

    private static void mouse(IonTimelinePart part, int type, int x, int y) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = type == SWT.MouseMove ? 0 : 1;
        part.canvas().notifyListeners(type, e);
    }
}
