package org.iongov.ui.model.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreException;
import org.iongov.ui.model.graph.EdgeKind;
import org.iongov.ui.model.graph.Graph;
import org.iongov.ui.model.graph.GraphEdge;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageExplorerPresenter.Match;
import org.iongov.ui.model.lineage.LineageExplorerPresenter.Refusal;
import org.iongov.ui.model.lineage.LineageExplorerPresenter.Search;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lineage explorer's presenter over a real embedded store filled through ingest and the real model propagation. */
class LineageExplorerPresenterTest {

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovedPredictionFixture recorded;

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        recorded = ApprovedPredictionFixture.record(store, "p1", 15);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Set<String> ids(Graph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).map(GraphNode::id).collect(Collectors.toSet());
    }

    private static String node(NodeKind kind, String id) {
        return LineageGraph.nodeId(kind, id);
    }

    @Test
    void aPredictionShowsItsModelDigestApproversTrainingDataAndDeploymentAsTheApiDoes() {
        String predictionId = recorded.predictions.get(0);
        PredictionLineage api = new Lineage(store, 0.05).ofPrediction(predictionId).orElseThrow();
        ModelLineage model = api.models().get(0);

        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        String root = presenter.open(NodeKind.PREDICTION, predictionId);
        Graph g = presenter.graph();

        assertEquals(node(NodeKind.PREDICTION, predictionId), root);
        GraphNode modelNode = g.node(node(NodeKind.MODEL, recorded.model));
        assertNotNull(modelNode, "the model is shown");
        assertEquals(model.model().sha256(), modelNode.detail("sha256"));
        assertEquals(recorded.sha256, modelNode.detail("sha256"));
        assertTrue(modelNode.sublabel().contains("sha256 " + recorded.sha256.substring(0, 12)), modelNode.sublabel());
        assertEquals("0.91", modelNode.detail("statistic auc"));

        List<String> approvers = model.policySteps().get(0).humanActions().stream().map(h -> h.actor()).toList();
        assertEquals(List.of("olivia", "oscar"), approvers);
        assertEquals(Set.copyOf(approvers), g.nodes().stream().filter(n -> n.kind() == NodeKind.APPROVAL).map(GraphNode::label)
                .collect(Collectors.toSet()));
        String step = node(NodeKind.POLICY_STEP, model.policySteps().get(0).messageId());
        assertEquals("clinical-approval", g.node(step).label());
        assertEquals("approval", g.node(step).sublabel());

        // The provenance chain, left to right.
        assertEdge(g, node(NodeKind.DATASET, recorded.dataset), node(NodeKind.RUN, recorded.trainingRun), EdgeKind.READ);
        assertEdge(g, node(NodeKind.RUN, recorded.trainingRun), node(NodeKind.MODEL, recorded.model), EdgeKind.TRAINED);
        assertEdge(g, node(NodeKind.MODEL, recorded.model), step, EdgeKind.PASSED);
        String deployment = node(NodeKind.DEPLOYMENT, model.deployment().messageId());
        assertEdge(g, step, deployment, EdgeKind.DEPLOYED);
        assertEdge(g, deployment, node(NodeKind.RUN, recorded.inferenceRun), EdgeKind.SERVED);
        assertEdge(g, node(NodeKind.RUN, recorded.inferenceRun), root, EdgeKind.MADE);
        assertEquals(9, g.size(), g.nodes().toString());

        LineageView view = presenter.view(new GraphLayout());
        LaidOutGraph laid = view.layout();
        assertEquals(root, view.root());
        assertEquals(9, laid.boxes().size());
        assertTrue(laid.box(node(NodeKind.DATASET, recorded.dataset)).x() < laid.box(root).x(), "data on the left, the prediction on the right");
        assertTrue(view.expandableUpstream().contains(node(NodeKind.RUN, recorded.inferenceRun)), "other models it received");
        assertFalse(view.expandableUpstream().contains(node(NodeKind.MODEL, recorded.model)), "the model's path is shown");
        assertTrue(view.expandableDownstream().contains(node(NodeKind.MODEL, recorded.model)), "where else it served");
        assertFalse(view.expandableDownstream().contains(root));
    }

    @Test
    void selectingANodeListsItsDetails() {
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        presenter.open(NodeKind.PREDICTION, recorded.predictions.get(0));
        String approval = presenter.graph().nodes().stream().filter(n -> n.kind() == NodeKind.APPROVAL && n.label().equals("olivia"))
                .findFirst().orElseThrow().id();
        presenter.select(approval);
        List<GraphNode.Detail> details = presenter.details();
        assertEquals(new GraphNode.Detail("kind", "approval"), details.get(0));
        assertTrue(details.contains(new GraphNode.Detail("actor", "olivia")), details.toString());
        assertTrue(details.contains(new GraphNode.Detail("comment", "fine")), details.toString());
        assertTrue(details.contains(new GraphNode.Detail("policy node", "clinical-approval")), details.toString());
        assertTrue(details.stream().noneMatch(d -> d.value().isEmpty()), "empty rows are left out");

        presenter.select(node(NodeKind.RUN, recorded.trainingRun));
        assertTrue(presenter.details().contains(new GraphNode.Detail("started by", "dana")));
        assertTrue(presenter.details().contains(new GraphNode.Detail("engine", "spark 4.0.1")));
        assertThrows(IllegalArgumentException.class, () -> presenter.select("model:nope"));
    }

    @Test
    void aModelShowsWhereItCameFromAndWhereItServedWithABoundedNumberOfPredictions() {
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        String root = presenter.open(NodeKind.MODEL, recorded.model);
        Graph g = presenter.graph();
        assertTrue(g.contains(node(NodeKind.DATASET, recorded.dataset)));
        assertTrue(g.contains(node(NodeKind.RUN, recorded.inferenceRun)));
        assertEquals(LineageExplorerPresenter.PREDICTIONS_SHOWN, ids(g, NodeKind.PREDICTION).size(), "15 made, a dozen shown");
        assertEquals(1, ids(g, NodeKind.DEPLOYMENT).size());
        String deployment = ids(g, NodeKind.DEPLOYMENT).iterator().next();
        assertEquals(NodeKind.POLICY_STEP, g.node(g.incoming(deployment).iterator().next().from()).kind(),
                "the deployment follows the approval step, as in the prediction's lineage");
        assertFalse(presenter.canExpandUpstream(root));
        assertFalse(presenter.canExpandDownstream(root));

        // Collapsing downstream of the start hides deployments and predictions; expanding brings them back.
        assertTrue(presenter.collapse(root, false));
        Graph collapsed = presenter.graph();
        assertTrue(ids(collapsed, NodeKind.PREDICTION).isEmpty() && ids(collapsed, NodeKind.DEPLOYMENT).isEmpty()
                && ids(collapsed, NodeKind.POLICY_STEP).isEmpty() && ids(collapsed, NodeKind.APPROVAL).isEmpty(), collapsed.nodes().toString());
        assertTrue(collapsed.contains(node(NodeKind.DATASET, recorded.dataset)), "upstream stays");
        assertTrue(presenter.canExpandDownstream(root));
        assertTrue(presenter.expandDownstream(root));
        assertEquals(LineageExplorerPresenter.PREDICTIONS_SHOWN, ids(presenter.graph(), NodeKind.PREDICTION).size());

        assertTrue(presenter.collapse(root, true));
        assertFalse(presenter.graph().contains(node(NodeKind.DATASET, recorded.dataset)));
        assertFalse(presenter.graph().contains(node(NodeKind.RUN, recorded.trainingRun)));
    }

    @Test
    void thePathToTheStartIsNeverCollapsed() {
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        String root = presenter.open(NodeKind.PREDICTION, recorded.predictions.get(1));
        String model = node(NodeKind.MODEL, recorded.model);
        assertFalse(presenter.canCollapse(model, false), "downstream of the model lies the prediction itself");
        assertFalse(presenter.collapse(model, false));
        assertTrue(presenter.collapse(model, true));
        Graph g = presenter.graph();
        assertFalse(g.contains(node(NodeKind.RUN, recorded.trainingRun)));
        assertFalse(g.contains(node(NodeKind.DATASET, recorded.dataset)));
        assertTrue(g.contains(model) && g.contains(root));
        assertTrue(presenter.canExpandUpstream(model));
        assertTrue(presenter.expandUpstream(model));
        assertTrue(presenter.graph().contains(node(NodeKind.DATASET, recorded.dataset)));
    }

    @Test
    void aDatasetShowsItsImpactAndARunWhatItReadAndMade() {
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        presenter.open(NodeKind.DATASET, recorded.dataset);
        Graph impact = presenter.graph();
        assertEdge(impact, node(NodeKind.DATASET, recorded.dataset), node(NodeKind.RUN, recorded.trainingRun), EdgeKind.READ);
        assertTrue(impact.contains(node(NodeKind.MODEL, recorded.model)));
        assertTrue(impact.contains(node(NodeKind.RUN, recorded.inferenceRun)), "where the model served");
        assertFalse(ids(impact, NodeKind.PREDICTION).isEmpty());

        presenter.open(NodeKind.RUN, recorded.inferenceRun);
        Graph run = presenter.graph();
        assertTrue(run.contains(node(NodeKind.MODEL, recorded.model)), "the model the run received");
        assertEquals(LineageExplorerPresenter.PREDICTIONS_SHOWN, ids(run, NodeKind.PREDICTION).size());
        assertEquals(1, ids(run, NodeKind.DEPLOYMENT).size());

        presenter.open(NodeKind.RUN, recorded.trainingRun);
        Graph training = presenter.graph();
        assertEdge(training, node(NodeKind.DATASET, recorded.dataset), node(NodeKind.RUN, recorded.trainingRun), EdgeKind.READ);
        assertEdge(training, node(NodeKind.RUN, recorded.trainingRun), node(NodeKind.MODEL, recorded.model), EdgeKind.TRAINED);
    }

    @Test
    void searchFindsExactIdsFirstThenPrefixes() {
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        Search exact = presenter.search(" " + recorded.model + " ");
        assertEquals(List.of(new Match(NodeKind.MODEL, recorded.model, "model lr trained by run " + recorded.trainingRun)), exact.matches());
        assertTrue(exact.exact());
        assertEquals("Lineage of model lr trained by run " + recorded.trainingRun + ".", exact.message());
        assertEquals(NodeKind.RUN, presenter.search(recorded.inferenceRun).matches().get(0).kind());
        assertEquals(NodeKind.DATASET, presenter.search(recorded.dataset).matches().get(0).kind());
        List<Match> prefixed = presenter.search("enc-1").matches();
        assertTrue(prefixed.size() >= 2 && prefixed.stream().allMatch(m -> m.kind() == NodeKind.PREDICTION && m.id().startsWith("enc-1")),
                prefixed.toString());
        assertTrue(presenter.search("no-such-thing").matches().isEmpty());
        assertTrue(presenter.search("  ").matches().isEmpty());
        Refusal e = assertThrows(Refusal.class, () -> presenter.open(NodeKind.PREDICTION, "nope"));
        assertEquals("no prediction 'nope' is recorded in this store", e.getMessage());
    }

    @Test
    void theSearchSaysWhichRecordItShowsAndHowManyOthersMatched() throws Exception {
        ApprovedPredictionFixture other = ApprovedPredictionFixture.record(store, "searchable", 10);
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);

        Search none = presenter.search("zz-nothing");
        assertEquals("No prediction, model, run or dataset has the id 'zz-nothing', nor an id starting with it among the latest "
                + LineageExplorerPresenter.PREFIX_SCAN + " of each kind.", none.message());

        // "model-searchabl" starts exactly one id: the model's.
        Search one = presenter.search("model-searchabl");
        assertEquals(List.of(other.model), one.matches().stream().map(Match::id).toList());
        assertEquals("Lineage of model lr trained by run " + other.trainingRun + ". It is the only record whose id starts with "
                + "'model-searchabl'.", one.message());

        // "enc-" starts the ten predictions of this fixture and the fifteen of the other: more than are offered.
        Search many = presenter.search("enc-");
        assertTrue(many.capped(), "25 match, " + LineageExplorerPresenter.MAX_MATCHES + " are offered");
        assertEquals(LineageExplorerPresenter.MAX_MATCHES, many.matches().size());
        assertEquals("Lineage of " + many.matches().get(0).summary() + ". " + LineageExplorerPresenter.MAX_MATCHES
                + " or more other records' ids start with 'enc-'; type more of the id to trace another.", many.message());
        assertFalse(many.message().contains("newest"), "the first match is the first prediction found, not the newest record");

        Search mixed = presenter.search("dataset:batch-");
        assertEquals(2, mixed.matches().size(), mixed.toString());
        assertEquals("Lineage of " + mixed.matches().get(0).summary() + ". 1 other record's id starts with 'dataset:batch-' (a dataset);"
                + " type more of the id to trace another.", mixed.message());
    }

    @Test
    void theExplorerOffersToCollapseOnlyWhereSomethingWouldBeHidden() throws Exception {
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(store);
        String root = presenter.open(NodeKind.PREDICTION, recorded.predictions.get(2));
        LineageView view = presenter.view(new GraphLayout());
        String model = node(NodeKind.MODEL, recorded.model);
        assertTrue(view.canCollapse(model, true), "its training run and data can be hidden");
        assertFalse(view.canCollapse(model, false), "downstream of the model lies only the path to the prediction");
        assertFalse(view.canCollapse(root, false), "nothing follows the prediction");
        assertTrue(view.canCollapse(root, true));
        assertFalse(view.canCollapse(node(NodeKind.DATASET, recorded.dataset), true), "nothing is upstream of the data");
        for (GraphNode n : view.layout().graph().nodes()) {
            assertEquals(presenter.canCollapse(n.id(), true), view.canCollapse(n.id(), true), n.id());
            assertEquals(presenter.canCollapse(n.id(), false), view.canCollapse(n.id(), false), n.id());
        }
        presenter.collapse(model, true);
        assertFalse(presenter.view(new GraphLayout()).canCollapse(model, true), "once collapsed, nothing is left to collapse");
    }

    @Test
    void anOpenThatFailsHalfWayLeavesTheGraphShownBefore() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        // The store stops answering after the start was found: as a server going away mid-read.
        GovernanceStore flaky = (GovernanceStore) Proxy.newProxyInstance(GovernanceStore.class.getClassLoader(),
                new Class<?>[] { GovernanceStore.class }, (proxy, method, args) -> {
                    if (failing.get() && method.getName().equals("messages")) {
                        throw new StoreException(StoreException.Reason.UNREACHABLE, "the server stopped answering");
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        LineageExplorerPresenter presenter = new LineageExplorerPresenter(flaky);
        String root = presenter.open(NodeKind.PREDICTION, recorded.predictions.get(3));
        Graph before = presenter.graph();
        failing.set(true);
        assertThrows(StoreException.class, () -> presenter.open(NodeKind.MODEL, recorded.model));
        assertEquals(root, presenter.root(), "still the prediction");
        assertEquals(Set.copyOf(before.nodes()), Set.copyOf(presenter.graph().nodes()));
        assertEquals(Set.copyOf(before.edges()), Set.copyOf(presenter.graph().edges()));
        assertEquals(root, presenter.selection());

        String model = node(NodeKind.MODEL, recorded.model);
        assertTrue(presenter.canExpandDownstream(model));
        assertThrows(StoreException.class, () -> presenter.expandDownstream(model));
        assertEquals(Set.copyOf(before.nodes()), Set.copyOf(presenter.graph().nodes()), "a failed expansion adds nothing");
        assertTrue(presenter.canExpandDownstream(model), "and can be tried again");
        failing.set(false);
        assertTrue(presenter.expandDownstream(model));
    }

    @Test
    void aModelPathToARunNotShownGetsNoEdgeRatherThanAFailure() {
        PredictionLineage api = new Lineage(store, 0.05).ofPrediction(recorded.predictions.get(4)).orElseThrow();
        ModelLineage model = api.models().get(0);
        LineageGraph graph = new LineageGraph();
        String modelNode = graph.add(model, node(NodeKind.RUN, "hidden-meanwhile"));
        assertTrue(graph.graph().contains(modelNode));
        assertFalse(graph.graph().contains(node(NodeKind.RUN, "hidden-meanwhile")));
        assertTrue(graph.graph().edges().stream().noneMatch(e -> e.to().endsWith("hidden-meanwhile")));
    }

    private static void assertEdge(Graph g, String from, String to, EdgeKind kind) {
        assertTrue(g.edges().contains(new GraphEdge(from, to, kind)), from + " -" + kind + "-> " + to + " in " + g.edges());
    }
}
