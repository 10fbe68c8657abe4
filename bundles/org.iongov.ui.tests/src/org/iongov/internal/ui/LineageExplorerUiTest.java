package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;
import org.iongov.internal.ui.graph.GraphCanvas;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.graph.SampleGraphs;
import org.iongov.ui.model.lineage.LineageGraph;
import org.iongov.ui.model.lineage.LineageView;
import org.junit.jupiter.api.Test;

/**
 * The lineage explorer in the running workbench, over the workbench's store filled the way the
 * server fills it (ingest, then the real model propagation and people's approvals): what it shows
 * for a prediction is what the lineage API answers.
 */
class LineageExplorerUiTest {

    private final Display display = Display.getDefault();

    @Test
    void aPredictionsLineageShowsTheModelDigestAndTheApproversRecordedInTheStore() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String suffix = Long.toString(System.nanoTime());
        String prediction = recordApprovedPrediction(store, suffix);
        PredictionLineage api = new Lineage(store, 0.05).ofPrediction(prediction).orElseThrow();
        ModelLineage model = api.models().get(0);
        List<String> approvers = model.policySteps().get(0).humanActions().stream().map(h -> h.actor()).toList();
        assertEquals(List.of("olivia", "oscar"), approvers);

        LineageExplorerPart part = (LineageExplorerPart) window.getContext().get(EPartService.class)
                .showPart("org.iongov.ui.part.lineage", PartState.ACTIVATE).getObject();
        part.search().setText(prediction);
        part.search().notifyListeners(SWT.DefaultSelection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);

        LineageView view = part.view();
        assertEquals(LineageGraph.nodeId(NodeKind.PREDICTION, prediction), view.root(), part.message());
        assertTrue(part.message().startsWith("Lineage of prediction made "), part.message());
        GraphCanvas canvas = part.canvas();
        assertEquals(view.layout(), canvas.graph(), "the canvas draws what the presenter laid out");
        String modelNode = LineageGraph.nodeId(NodeKind.MODEL, model.model().id());
        GraphNode drawnModel = canvas.graph().box(modelNode).node();
        assertEquals(model.model().sha256(), drawnModel.detail("sha256"));
        assertTrue(drawnModel.sublabel().contains(model.model().sha256().substring(0, 12)), drawnModel.sublabel());
        Set<String> drawnApprovers = canvas.graph().boxes().values().stream().map(LaidOutGraph.Box::node)
                .filter(n -> n.kind() == NodeKind.APPROVAL).map(GraphNode::label).collect(Collectors.toSet());
        assertEquals(Set.copyOf(approvers), drawnApprovers);
        assertEquals(canvas.graph().box(view.root()).node().id(), canvas.selection(), "the start is selected");

        // Clicking the model selects it and lists its details.
        canvas.reveal(modelNode);
        WorkbenchWindow.processEvents(display);
        Rectangle bounds = canvas.boundsOf(modelNode);
        click(canvas, bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        assertEquals(modelNode, canvas.selection());
        assertEquals(model.model().sha256(), detail(part, "sha256"));
        assertEquals("model", detail(part, "kind"));
        assertEquals(model.trainingRun().start().id(), detail(part, "training run"));
        assertTrue(canvas.paintedNodes() > 0, "the graph was painted");
        // Its path is shown (no more upstream); where else it served is not yet (downstream). Its training can be
        // hidden, but downstream of it lies only the path to the prediction: nothing to collapse there.
        assertEquals(List.of(false, true, true, false),
                part.expandCollapseButtons().stream().map(b -> b.isEnabled()).toList(), "expand up, down, collapse up, down");

        Shell shell = (Shell) window.getWidget();
        shell.forceActive();
        long paints = canvas.paints();
        canvas.redraw();
        WorkbenchWindow.waitUntil(display, () -> canvas.paints() > paints, 10_000);
        assertTrue(part.message().startsWith("Lineage of prediction made "), part.message());
        WorkbenchWindow.screenshot(shell, "lineage-explorer");
        assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "lineage-explorer.png")) > 1000);

        // Double-clicking the model opens its page; the explorer keeps its lineage.
        Event doubleClick = new Event();
        doubleClick.x = bounds.x + bounds.width / 2;
        doubleClick.y = bounds.y + bounds.height / 2;
        doubleClick.button = 1;
        canvas.notifyListeners(SWT.MouseDoubleClick, doubleClick);
        ModelPages pages = new ModelPages(window.getContext().get(EPartService.class),
                window.getContext().get(org.eclipse.e4.ui.workbench.modeling.EModelService.class), window.getContext()
                        .get(org.eclipse.e4.ui.model.application.MApplication.class));
        assertNotNull(pages.find(model.model().id()), "the model's page opened");
        ModelPagePart page = (ModelPagePart) pages.find(model.model().id()).getObject();
        WorkbenchWindow.waitUntil(display, () -> !page.busy() && page.page() != null, 30_000);
        assertEquals(model.model().sha256(), page.page().sha256());
        assertEquals(LineageGraph.nodeId(NodeKind.PREDICTION, prediction), part.view().root());
        window.getContext().get(EPartService.class).hidePart(pages.find(model.model().id()), true);

        // Trace from here (the context menu) starts again from the model: its training, its approval and where it served.
        part.trace(drawnModel);
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertEquals(modelNode, part.view().root(), part.message());
        assertEquals(model.model().id(), part.search().getText());
        assertTrue(part.view().layout().boxes().containsKey(LineageGraph.nodeId(NodeKind.PREDICTION, prediction)),
                "the prediction is downstream of its model");
    }

    @Test
    void expandingANodeKeepsTheZoomAndTheNodeInPlaceAndThenOffersToCollapseWhatItAdded() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String suffix = Long.toString(System.nanoTime());
        String prediction = recordApprovedPrediction(store, suffix);
        String inference = "infer-" + suffix;
        // Three more predictions of the same run: what expanding it downstream brings.
        PredictionRecord first = store.prediction(prediction).orElseThrow();
        List<MetadataRecord> more = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            more.add(new PredictionRecord("enc-" + (50 + i) + "@" + suffix, inference, first.time().plusMillis(10 + i), first.modelIds(),
                    "digest-" + i + suffix, "{\"age\":" + (50 + i) + "}", "{\"probability\":0.5}"));
        }
        store.ingest(new IngestBatch(more));

        LineageExplorerPart part = (LineageExplorerPart) window.getContext().get(EPartService.class)
                .showPart(LineageExplorerPart.ID, PartState.ACTIVATE).getObject();
        part.search().setText(prediction);
        part.search().notifyListeners(SWT.DefaultSelection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        GraphCanvas canvas = part.canvas();
        String run = LineageGraph.nodeId(NodeKind.RUN, inference);
        canvas.setZoom(0.9);
        canvas.reveal(run);
        canvas.select(run);
        WorkbenchWindow.processEvents(display);
        Rectangle before = canvas.boundsOf(run);
        assertEquals(List.of(true, true, true, false), part.expandCollapseButtons().stream().map(b -> b.isEnabled()).toList(),
                "the run: expand up, down, collapse up (its model's path), not down (only the prediction traced)");

        part.expandCollapseButtons().get(1).notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertTrue(part.message().startsWith("Expanded downstream"), part.message());
        assertEquals(4, part.view().layout().boxes().values().stream().filter(b -> b.node().kind() == NodeKind.PREDICTION).count());
        assertEquals(0.9, canvas.zoom(), 1e-9, "the zoom stays");
        Rectangle after = canvas.boundsOf(run);
        Rectangle area = canvas.getClientArea();
        assertTrue(area.contains(after.x, after.y) && area.contains(after.x + after.width - 1, after.y + after.height - 1),
                "the run stays in view: " + after + " in " + area);
        // Where it was drawn, unless the graph around it moved more than the view can scroll: then only as far as it must.
        ScrollBar h = canvas.getHorizontalBar();
        ScrollBar v = canvas.getVerticalBar();
        assertTrue(Math.abs(after.x - before.x) <= 1 || h.getSelection() == 0 || h.getSelection() == h.getMaximum() - h.getThumb(),
                "kept in place horizontally: " + before + " then " + after);
        assertTrue(Math.abs(after.y - before.y) <= 1 || v.getSelection() == 0 || v.getSelection() == v.getMaximum() - v.getThumb(),
                "kept in place vertically: " + before + " then " + after + ", scrolled to " + v.getSelection());
        assertEquals(run, canvas.selection());
        assertEquals(List.of(true, false, true, true), part.expandCollapseButtons().stream().map(b -> b.isEnabled()).toList(),
                "now the predictions it added can be hidden again");

        part.expandCollapseButtons().get(3).notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertEquals(1, part.view().layout().boxes().values().stream().filter(b -> b.node().kind() == NodeKind.PREDICTION).count(),
                "the prediction traced stays");
        assertEquals(0.9, canvas.zoom(), 1e-9);
    }

    @Test
    void doubleClickingAModelInTheApprovalQueueTracesItsLineage() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        WaitingModel waiting = recordWaitingModel(store, Long.toString(System.nanoTime()));
        EPartService parts = window.getContext().get(EPartService.class);
        ApprovalQueuePart queue = (ApprovalQueuePart) parts.showPart("org.iongov.ui.part.approvals", PartState.ACTIVATE).getObject();
        queue.refresh();
        WorkbenchWindow.waitUntil(display, () -> !queue.busy(), 30_000); // the store is read in a job
        TableItem row = Arrays.stream(queue.table().getItems()).filter(i -> i.getText(0).equals(waiting.model())).findFirst().orElseThrow();
        queue.table().setSelection(row);
        queue.table().notifyListeners(SWT.DefaultSelection, new Event());

        LineageExplorerPart lineage = (LineageExplorerPart) parts.findPart(LineageExplorerPart.ID).getObject();
        String modelNode = LineageGraph.nodeId(NodeKind.MODEL, waiting.model());
        WorkbenchWindow.waitUntil(display, () -> !lineage.busy() && modelNode.equals(lineage.view().root()), 30_000);
        assertEquals(waiting.model(), lineage.search().getText());
        GraphNode step = lineage.view().layout().boxes().values().stream().map(LaidOutGraph.Box::node)
                .filter(n -> n.kind() == NodeKind.POLICY_STEP).findFirst().orElseThrow();
        assertEquals("clinical-approval", step.label());
        assertEquals("approval-pending", step.sublabel(), "the model still waits for people");
    }

    @Test
    void aTwoThousandNodeGraphIsLaidOutAndPaintedAndItsTimingsPrinted() {
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1400, 900);
            GraphCanvas canvas = new GraphCanvas(shell, SWT.NONE);
            shell.open();
            WorkbenchWindow.waitUntil(display, () -> canvas.paints() > 0, 10_000);

            long start = System.nanoTime();
            LaidOutGraph laid = new GraphLayout().layout(SampleGraphs.lineageShaped(2_000));
            long laidOut = System.nanoTime();
            long before = canvas.paints();
            canvas.setGraph(laid);
            canvas.update();
            WorkbenchWindow.waitUntil(display, () -> canvas.paints() > before, 10_000);
            long painted = System.nanoTime();
            int inView = canvas.paintedNodes();
            double zoom = canvas.zoom();
            long paintItself = canvas.lastPaintNanos();
            long beforeFit = canvas.paints();
            long fitStart = System.nanoTime();
            canvas.fitToView();
            canvas.update();
            WorkbenchWindow.waitUntil(display, () -> canvas.paints() > beforeFit, 10_000);
            long fitPainted = System.nanoTime();
            // Timings are printed (and analysed in docs/benchmarks.md), never asserted.
            System.out.printf("lineage explorer, 2,000 nodes: layout %d ms + first paint %d ms (%d boxes in view at zoom %.2f, paint itself "
                    + "%d ms); whole graph fitted: %d ms (%d boxes)%n", (laidOut - start) / 1_000_000, (painted - laidOut) / 1_000_000,
                    inView, zoom, paintItself / 1_000_000, (fitPainted - fitStart) / 1_000_000, canvas.paintedNodes());

            assertEquals(2_000, canvas.graph().boxes().size());
            assertTrue(inView > 0 && inView < 2_000, "at 100 % only the boxes in view are painted, were " + inView);
            assertEquals(2_000, canvas.paintedNodes(), "fitted, every box is in view");
            assertNotNull(canvas.nodeAt(canvas.boundsOf(laid.boxes().keySet().iterator().next()).x + 1,
                    canvas.boundsOf(laid.boxes().keySet().iterator().next()).y + 1));
        } finally {
            shell.dispose();
        }
    }

    private void click(GraphCanvas canvas, int x, int y) {
        Event down = new Event();
        down.x = x;
        down.y = y;
        down.button = 1;
        canvas.notifyListeners(SWT.MouseDown, down);
        Event up = new Event();
        up.x = x;
        up.y = y;
        up.button = 1;
        canvas.notifyListeners(SWT.MouseUp, up);
        WorkbenchWindow.processEvents(display);
    }

    private static String detail(LineageExplorerPart part, String name) {
        return Arrays.stream(part.details().getItems()).filter(i -> i.getText(0).equals(name)).map(i -> i.getText(1)).findFirst()
                .orElse(null);
    }

    /** A model published by dana's training run, waiting at Figure 1(c)'s clinical-approval node. */
    private record WaitingModel(String instance, String model, String candidateMessage) {
    }

    private static WaitingModel recordWaitingModel(GovernanceStore store, String suffix) throws Exception {
        String ion = "test-recommendation-approved-retraining";
        if (store.ionDefinition(ion, 1).isEmpty()) {
            Path sample = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
            store.addIonDefinition(ion, Files.readString(sample));
        }
        byte[] bytes = ("<PMML lineage=\"" + suffix + "\"/>").getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        WaitingModel waiting = new WaitingModel("lineage-ui-" + suffix, "model-lineage-" + suffix, "candidate-" + suffix);
        String training = "train-" + suffix;
        Instant t0 = Instant.now().minusSeconds(30);
        List<MetadataRecord> trained = List.of(new IonInstanceRecord(waiting.instance(), ion, 1, t0, null),
                new RunRecord(training, waiting.instance(), "train-recommender", RunRecord.NodeKind.PIPELINE, t0, "h", "spark", "4.0.1",
                        "agent-spark", "git://clinic", "4a58347", null, "dana"),
                new DatasetRecord("dataset:encounters-" + suffix, "file:///data/encounters-" + suffix + ".csv", 2048, "feed" + suffix, null, t0),
                new DatasetUseRecord("use-" + suffix, training, "dataset:encounters-" + suffix, DatasetUseRecord.Direction.READ,
                        t0.plusMillis(1)),
                new ModelRecord(waiting.model(), training, "lr", ModelRecord.ModelFormat.PMML, sha, bytes.length, t0.plusMillis(2), bytes,
                        null, null),
                new MessageRecord(waiting.candidateMessage(), waiting.instance(), "candidate-model", MessageRecord.MessageType.MODEL,
                        training, null, t0.plusMillis(3), null, waiting.model(), null));
        store.ingest(new IngestBatch(trained));
        new ModelPropagation(store, Clock.systemUTC()).afterIngest(trained);
        return waiting;
    }

    /**
     * Figure 1(c) as the server records it: dana's training run reads a dataset and publishes a
     * model; the clinical-approval node parks it until olivia and oscar approve; the propagation
     * delivers it to the inference run, which predicts with it.
     *
     * @return the prediction's id
     */
    private static String recordApprovedPrediction(GovernanceStore store, String suffix) throws Exception {
        WaitingModel waiting = recordWaitingModel(store, suffix);
        ModelPropagation propagation = new ModelPropagation(store, Clock.systemUTC());
        propagation.decideByPeople(waiting.candidateMessage(), "olivia", "operator", true, "checked the recall");
        propagation.decideByPeople(waiting.candidateMessage(), "oscar", "operator", true, null);
        MessageRecord delivery = propagation.deliveries(waiting.instance(), "recommend-tests", null, null).get(0);
        Instant t1 = Instant.now();
        String inference = "infer-" + suffix;
        String prediction = "enc-42@" + suffix;
        List<MetadataRecord> served = List.of(
                new RunRecord(inference, waiting.instance(), "recommend-tests", RunRecord.NodeKind.PIPELINE, t1, "h", "flink", "2.1.1",
                        "agent-flink", "git://clinic", "4a58347", null, "scheduler"),
                new MessageReceivedRecord("rcv-" + suffix, delivery.id(), inference, t1.plusMillis(1)),
                new PredictionRecord(prediction, inference, t1.plusMillis(5), List.of(waiting.model()), "digest-" + suffix, "{\"age\":40}",
                        "{\"probability\":0.42}"));
        store.ingest(new IngestBatch(served));
        propagation.afterIngest(served);
        return prediction;
    }
}
