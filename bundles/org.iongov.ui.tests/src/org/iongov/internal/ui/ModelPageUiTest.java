package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.lineage.DatasetImpact.ModelUse;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageGraph;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Grouping;
import org.junit.jupiter.api.Test;

/**
 * The model page in the running workbench, over its store filled the way the server fills it:
 * reached from the lineage explorer, the approval queue and a search, it shows the digest, the
 * approvers and the deployments the store API answers, and its links open the other views on the
 * model, its training run and its ION instance.
 */
class ModelPageUiTest {

    private final Display display = Display.getDefault();

    private ModelPages pages(MTrimmedWindow window) {
        return new ModelPages(window.getContext().get(EPartService.class), window.getContext().get(EModelService.class),
                window.getContext().get(MApplication.class));
    }

    private ModelPagePart loaded(MTrimmedWindow window, String modelId) {
        WorkbenchWindow.waitUntil(display, () -> pages(window).find(modelId) != null, 30_000);
        ModelPagePart part = (ModelPagePart) pages(window).find(modelId).getObject();
        WorkbenchWindow.waitUntil(display, () -> !part.busy() && part.page() != null, 30_000);
        return part;
    }

    private static List<String> column(org.eclipse.swt.widgets.Table table, int column) {
        return Arrays.stream(table.getItems()).map(i -> i.getText(column)).toList();
    }

    @Test
    void theModelPageShowsTheDigestApproversAndDeploymentsTheStoreRecords() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String suffix = "mp" + System.nanoTime();
        ApprovalScenario clinic = ApprovalScenario.record(store, WorkbenchWindow.retrainingWithApproval(), suffix,
                Instant.now().minusSeconds(3600));
        clinic.predict(7, Instant.now().minusSeconds(1800));
        String modelId = clinic.productionModel();

        // From the lineage explorer: the model's node, opened as a person double-clicks it.
        EPartService parts = window.getContext().get(EPartService.class);
        LineageExplorerPart lineage = (LineageExplorerPart) parts.showPart(LineageExplorerPart.ID, PartState.ACTIVATE).getObject();
        lineage.search().setText(modelId);
        lineage.search().notifyListeners(SWT.DefaultSelection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !lineage.busy(), 30_000);
        String modelNode = LineageGraph.nodeId(NodeKind.MODEL, modelId);
        assertEquals(modelNode, lineage.view().root(), lineage.message());
        lineage.canvas().reveal(modelNode);
        WorkbenchWindow.processEvents(display);
        var bounds = lineage.canvas().boundsOf(modelNode);
        Event doubleClick = new Event();
        doubleClick.x = bounds.x + bounds.width / 2;
        doubleClick.y = bounds.y + bounds.height / 2;
        doubleClick.button = 1;
        lineage.canvas().notifyListeners(SWT.MouseDoubleClick, doubleClick);
        ModelPagePart page = loaded(window, modelId);
        MPart mpart = pages(window).find(modelId);
        assertEquals("Model " + modelId, mpart.getLabel());

        // The digest the store has.
        ModelRecord stored = store.model(modelId).orElseThrow();
        assertEquals(stored.sha256(), page.property("digest (sha256)"));
        assertEquals(stored.runId(), page.property("training run"));
        assertEquals("PMML", page.property("format"));
        // The approvers the store has, each with their decision at the policy node.
        List<String> approvers = store.humanActions(new RecordQuery(null, null, "approve", modelId, null, 10)).stream()
                .map(HumanActionRecord::actor).sorted().toList();
        assertEquals(List.of("olivia", "oscar"), approvers);
        List<String> shownApprovers = Arrays.stream(page.decisions().getItems()).filter(i -> i.getText(2).equals("approve"))
                .map(i -> i.getText(3).substring(0, i.getText(3).indexOf(" ("))).sorted().toList();
        assertEquals(approvers, shownApprovers);
        TableItem step = page.decisions().getItem(0);
        assertEquals(List.of(clinic.instance(), ApprovalScenario.POLICY_NODE, "approved", "policy"),
                List.of(step.getText(0), step.getText(1), step.getText(2), step.getText(3)));
        // The deployments the lineage API has: the run, since when, its predictions, serving now.
        List<ModelUse> uses = new Lineage(store, 0).usesOfModel(modelId);
        assertEquals(uses.stream().map(u -> u.run().start().id()).toList(), column(page.uses(), 2));
        assertEquals(List.of(ApprovalScenario.INFERENCE_NODE), column(page.uses(), 1));
        assertEquals(List.of("7"), column(page.uses(), 4));
        assertEquals(List.of("serving"), column(page.uses(), 5));
        // Its training statistics.
        assertEquals(List.of("auc", "log-loss", "recall-at-3"), column(page.metrics(), 0));
        assertEquals("0.8800", page.metrics().getItem(0).getText(1));
        assertTrue(page.summary().contains("by olivia and oscar"), page.summary());
        assertTrue(page.graph().paintedNodes() >= 0 && page.graph().graph().box(modelNode) != null, "the lineage graph holds the model");

        ((Shell) window.getWidget()).forceActive();
        WorkbenchWindow.screenshotMaximized(mpart, "model-page");
        assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "model-page.png")) > 1000);

        // Its links: the training run's statistics, the ION timeline, the lineage explorer.
        assertTrue(page.links().getText().contains("training statistics of run " + stored.runId()), page.links().getText());
        follow(page, ModelPagePart.LINK_STATISTICS);
        StatisticsTimelinePart statistics = (StatisticsTimelinePart) parts.findPart(StatisticsTimelinePart.ID).getObject();
        WorkbenchWindow.waitUntil(display, () -> !statistics.busy() && statistics.shown() != null
                && clinic.instance().equals(statistics.shown().selection().instanceId()), 30_000);
        assertEquals(ApprovalScenario.TRAINING_NODE, statistics.shown().selection().node());
        assertEquals("auc", statistics.shown().selection().statistic());
        assertEquals(Grouping.RUN, statistics.shown().selection().grouping());
        assertTrue(statistics.shown().series().stream().anyMatch(s -> s.key().contains(stored.runId())),
                "the training run is one of the lines: " + statistics.shown().series().stream().map(s -> s.key()).toList());

        follow(page, ModelPagePart.LINK_TIMELINE);
        IonTimelinePart timeline = (IonTimelinePart) parts.findPart(IonTimelinePart.ID).getObject();
        WorkbenchWindow.waitUntil(display, () -> !timeline.busy() && timeline.timeline() != null
                && clinic.instance().equals(timeline.timeline().instance().id()), 30_000);

        follow(page, ModelPagePart.LINK_LINEAGE);
        WorkbenchWindow.waitUntil(display, () -> !lineage.busy() && modelNode.equals(lineage.view().root()), 30_000);

        // Opening the same model again shows the same page.
        assertEquals(mpart, pages(window).open(modelId));
        parts.hidePart(mpart, true);
    }

    @Test
    void theApprovalQueueAndASearchOpenAModelsPage() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String suffix = "mq" + System.nanoTime();
        ApprovalScenario clinic = ApprovalScenario.record(store, WorkbenchWindow.retrainingWithApproval(), suffix,
                Instant.now().minusSeconds(3600));
        Candidate waiting = clinic.candidate(suffix + "-2", "dana", Instant.now().minusSeconds(600), "beef" + "00".repeat(30),
                Map.of("auc", 0.9));
        new ModelPropagation(store, Clock.systemUTC()).decideByPeople(waiting.message(), "olivia", "clinical-lead", true, "good");

        // The approval queue's selected model.
        EPartService parts = window.getContext().get(EPartService.class);
        ApprovalQueuePart queue = (ApprovalQueuePart) parts.showPart(ApprovalQueuePart.ID, PartState.ACTIVATE).getObject();
        queue.refresh();
        WorkbenchWindow.waitUntil(display, () -> !queue.busy(), 30_000);
        TableItem row = Arrays.stream(queue.table().getItems()).filter(i -> i.getText(0).equals(waiting.model())).findFirst().orElseThrow();
        queue.table().setSelection(row);
        queue.table().notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !queue.busy(), 30_000);
        assertTrue(queue.modelPageButton().isEnabled());
        queue.modelPageButton().notifyListeners(SWT.Selection, new Event());
        ModelPagePart page = loaded(window, waiting.model());
        assertEquals("waiting (1 of 2 approvals)", page.decisions().getItem(0).getText(2));
        assertEquals(List.of(), column(page.uses(), 0), "not deployed");
        assertTrue(page.summary().endsWith("Not deployed."), page.summary());
        parts.hidePart(pages(window).find(waiting.model()), true);

        // File > Open Model Page… asks for an id; its beginning finds the newest model that starts so.
        window.getContext().get(EHandlerService.class).executeHandler(window.getContext().get(ECommandService.class)
                .createCommand("org.iongov.ui.command.openModel", null));
        MPart empty = pages(window).pages().stream().filter(p -> !p.getPersistedState().containsKey(ModelPages.MODEL_KEY)).findFirst()
                .orElseThrow();
        ModelPagePart search = (ModelPagePart) empty.getObject();
        assertNull(search.page());
        assertEquals(ModelPagePart.HINT, search.summary());
        search.search().setText("model-" + suffix + "-");
        search.search().notifyListeners(SWT.DefaultSelection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !search.busy() && search.page() != null, 30_000);
        assertEquals(waiting.model(), search.page().modelId(), "the newest of the two models whose id starts so");
        assertTrue(search.summary().contains("2 models start with 'model-" + suffix + "-'"), search.summary());
        assertEquals(waiting.model(), empty.getPersistedState().get(ModelPages.MODEL_KEY));
        assertEquals("Model " + waiting.model(), empty.getLabel());

        // An id nothing has.
        search.search().setText("model-none-" + suffix);
        search.search().notifyListeners(SWT.DefaultSelection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !search.busy(), 30_000);
        assertEquals("No model 'model-none-" + suffix + "' is recorded in this store.", search.summary());
        assertNotNull(search.page(), "the page keeps its model");
        parts.hidePart(empty, true);
    }

    private void follow(ModelPagePart page, String link) {
        Event click = new Event();
        click.text = link;
        page.links().notifyListeners(SWT.Selection, click);
        WorkbenchWindow.processEvents(display);
    }
}
