package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;
import org.iongov.internal.ui.designer.StoredDefinitionsDialog;
import org.iongov.ui.model.approval.ApprovalQueuePresenter;
import org.junit.jupiter.api.Test;

/**
 * Runs inside the real IonGov workbench (tycho-surefire's UI harness starts the product's e4
 * application on the test store) and checks what the main window and each view show.
 */
class WorkbenchUiTest {

    private static final Map<String, Class<?>> PARTS = Map.of(
            "org.iongov.ui.part.designer", IonDesignerPart.class,
            "org.iongov.ui.part.lineage", LineageExplorerPart.class,
            "org.iongov.ui.part.statistics", StatisticsTimelinePart.class,
            "org.iongov.ui.part.iontimeline", IonTimelinePart.class,
            "org.iongov.ui.part.approvals", ApprovalQueuePart.class,
            "org.iongov.ui.part.compliance", CompliancePart.class,
            "org.iongov.ui.part.connections", ConnectionsPart.class);

    private final Display display = Display.getDefault();

    @Test
    void mainWindowShowsTheGovernancePerspectiveAndEveryViewRenders() {
        MTrimmedWindow window = mainWindow();
        assertEquals("IonGov", window.getLabel());
        Shell shell = (Shell) window.getWidget();
        assertTrue(shell.isVisible(), "main window is visible");

        EModelService models = window.getContext().get(EModelService.class);
        MPerspective perspective = models.getActivePerspective(window);
        assertEquals("org.iongov.ui.perspective.governance", perspective.getElementId());

        EPartService parts = window.getContext().get(EPartService.class);
        for (Map.Entry<String, Class<?>> expected : PARTS.entrySet()) {
            MPart part = parts.showPart(expected.getKey(), PartState.ACTIVATE);
            assertNotNull(part, expected.getKey());
            processEvents();
            assertInstanceOf(expected.getValue(), part.getObject(), expected.getKey());
            Control control = (Control) part.getWidget();
            assertTrue(control.isVisible() && control.getSize().x > 0 && control.getSize().y > 0,
                    expected.getKey() + " is drawn with a size, was " + control.getSize());
        }
    }

    @Test
    void designerOpensADefinitionKeptInTheStore() {
        IEclipseContext context = mainWindow().getContext();
        GovernanceStore store = context.get(GovernanceStore.class);
        String name = "ui-test-" + System.nanoTime();
        store.addIonDefinition(name, "{\"formatVersion\": 1, \"name\": \"" + name + "\", \"version\": \"7\", \"nodes\": [{\"type\": "
                + "\"policy\", \"name\": \"gate\", \"kind\": \"automatic-approval\"}]}");

        IonDesignerPart designer = (IonDesignerPart) context.get(EPartService.class)
                .showPart(IonDesignerPart.ID, PartState.ACTIVATE).getObject();
        designer.confirmDiscard = what -> true;
        designer.button("Open from store…").notifyListeners(SWT.Selection, new Event());
        waitUntil(() -> dialog() != null, 30_000); // the store is read in a job, then the dialog opens
        Shell dialog = dialog();
        Table table = find(dialog, Table.class);
        assertEquals(List.of("Name", "Version", "Uploaded"), Arrays.stream(table.getColumns()).map(TableColumn::getText).toList());
        assertEquals(store.ionDefinitions().size(), table.getItemCount(), "every stored version is listed");
        int row = Arrays.asList(table.getItems()).indexOf(Arrays.stream(table.getItems()).filter(i -> i.getText(0).equals(name))
                .findFirst().orElseThrow());
        table.setSelection(row);
        table.notifyListeners(SWT.DefaultSelection, new Event());
        processEvents();

        assertTrue(dialog.isDisposed(), "opening closes the dialog");
        assertEquals(name, designer.designer().ion().getName());
        assertEquals("ION Designer: " + name + " (store: " + name + " version 1)", designer.title());
        assertEquals(1, designer.canvas().graph().boxes().size(), "its node is drawn");
    }

    private Shell dialog() {
        return Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && StoredDefinitionsDialog.TITLE.equals(s.getText()))
                .findFirst().orElse(null);
    }

    private static <T> T find(Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void approvalQueueLineageAndTimelinesSayWhatTheStoreHolds() throws Exception {
        EPartService parts = mainWindow().getContext().get(EPartService.class);
        ApprovalQueuePart queue = (ApprovalQueuePart) parts.showPart("org.iongov.ui.part.approvals", PartState.ACTIVATE)
                .getObject();
        assertEquals(ApprovalQueuePresenter.QUEUE_COLUMNS,
                Arrays.stream(queue.table().getColumns()).map(TableColumn::getText).toList());
        GovernanceStore store = mainWindow().getContext().get(GovernanceStore.class);
        ModelPropagation propagation = new ModelPropagation(store, Clock.systemUTC());
        queue.refresh();
        waitUntil(() -> !queue.busy(), 30_000); // the store is read in a job
        int before = propagation.pending(null).size();
        assertEquals(before, queue.table().getItemCount(), "the queue lists what the store has waiting");

        // A model reaches the human-approval node of the paper's Figure 1(c): it waits in the queue.
        String modelId = parkModelForApproval(store, propagation);
        queue.refresh();
        waitUntil(() -> !queue.busy(), 30_000);
        assertEquals(before + 1, queue.table().getItemCount());
        TableItem parked = Arrays.stream(queue.table().getItems()).filter(i -> i.getText(0).equals(modelId)).findFirst().orElseThrow();
        assertEquals("clinical-approval", parked.getText(2));
        assertEquals("0 of 2", parked.getText(4));
        assertEquals(ApprovalQueuePresenter.queueMessage(before + 1), queue.message());

        LineageExplorerPart lineage = (LineageExplorerPart) parts.showPart("org.iongov.ui.part.lineage",
                PartState.ACTIVATE).getObject();
        lineage.search().setText(" ");
        lineage.search().notifyListeners(SWT.DefaultSelection, null);
        assertEquals(LineageExplorerPart.HINT, lineage.message(), "an empty search explains what to enter");
        lineage.search().setText("pred-42");
        lineage.search().notifyListeners(SWT.DefaultSelection, null);
        waitUntil(() -> !lineage.busy(), 30_000); // the store is searched in a job
        assertEquals("No prediction, model, run or dataset has the id 'pred-42', nor an id starting with it among the latest 1000 of each "
                + "kind.", lineage.message());

        StatisticsTimelinePart statistics = (StatisticsTimelinePart) parts.showPart(StatisticsTimelinePart.ID, PartState.ACTIVATE).getObject();
        waitUntil(() -> !statistics.busy(), 30_000);
        assertEquals(store.instances().isEmpty(), StatisticsTimelinePart.EMPTY_MESSAGE.equals(statistics.message()), statistics.message());
        IonTimelinePart timeline = (IonTimelinePart) parts.showPart(IonTimelinePart.ID, PartState.ACTIVATE).getObject();
        waitUntil(() -> !timeline.busy(), 30_000);
        assertEquals(store.instances().isEmpty(), IonTimelinePart.EMPTY_MESSAGE.equals(timeline.message()), timeline.message());
    }

    @Test
    void statusLineShowsTheStoreLocationAndSchemaVersion() {
        MTrimmedWindow window = mainWindow();
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        MToolControl status = (MToolControl) window.getContext().get(EModelService.class)
                .find("org.iongov.ui.status.store", window);
        String text = ((StoreStatusControl) status.getObject()).text();
        assertEquals("Embedded store: " + store.info().summary(), text, "the active connection: the embedded store");
        String expectedStore = Path.of(System.getProperty("iongov.test.output")).resolveSibling("test-store").toString();
        assertTrue(text.startsWith("Embedded store: embedded store " + expectedStore + ", schema v"), text);
        assertTrue(store.info().schemaVersion() >= 1);
    }

    @Test
    void aboutDialogNamesTheProductItsLicenceAndTheStore() {
        IEclipseContext context = mainWindow().getContext();
        List<String> seen = new ArrayList<>();
        // The dialog is modal: inspect and close it from the event loop it runs.
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                Shell about = Arrays.stream(display.getShells())
                        .filter(s -> !s.isDisposed() && AboutHandler.TITLE.equals(s.getText())).findFirst().orElse(null);
                if (about == null) {
                    display.timerExec(100, this);
                    return;
                }
                collectLabels(about, seen);
                about.close();
            }
        });
        ECommandService commands = context.get(ECommandService.class);
        context.get(EHandlerService.class).executeHandler(commands.createCommand("org.iongov.ui.command.about", null));

        String text = String.join("\n", seen);
        GovernanceStore store = context.get(GovernanceStore.class);
        assertTrue(text.startsWith("IonGov 0.1.0"), text);
        assertTrue(text.contains("EPL-2.0") && text.contains("Store: Embedded store: " + store.info().summary()), text);
    }

    @Test
    void screenshotOfTheMainWindowShowsItDrawn() throws Exception {
        Shell shell = (Shell) mainWindow().getWidget();
        shell.forceActive();
        waitUntil(() -> shell.isVisible(), 5_000);
        processEvents();
        ImageData data = WorkbenchWindow.screenshot(shell, "workbench");
        Path out = Path.of(System.getProperty("iongov.test.output"), "screenshots", "workbench.png");
        assertTrue(Files.size(out) > 1000, "screenshot written to " + out);
        // A drawn window has text, borders and backgrounds: many colours, not a blank rectangle.
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 3) {
            for (int x = 0; x < data.width; x += 3) {
                colours.add(data.getPixel(x, y));
            }
        }
        assertTrue(colours.size() > 10, "window has only " + colours.size() + " colours: not drawn");
    }

    /** Stores what a training pipeline reports when it publishes a model on sample (c)'s candidate channel. */
    private static String parkModelForApproval(GovernanceStore store, ModelPropagation propagation) throws Exception {
        String suffix = Long.toString(System.nanoTime());
        Path sample = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
        if (store.ionDefinition("test-recommendation-approved-retraining", 1).isEmpty()) {
            store.addIonDefinition("test-recommendation-approved-retraining", Files.readString(sample));
        }
        Instant now = Instant.now();
        byte[] bytes = ("<PMML " + suffix + "/>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        String modelId = "model-" + suffix;
        List<MetadataRecord> records = List.of(
                new IonInstanceRecord("ui-" + suffix, "test-recommendation-approved-retraining", 1, now, null),
                new RunRecord("run-" + suffix, "ui-" + suffix, "train-recommender", RunRecord.NodeKind.PIPELINE, now, "h", "spark", "4.0.1",
                        "agent", "git://r", "c", null, "dana"),
                new ModelRecord(modelId, "run-" + suffix, "lr", ModelRecord.ModelFormat.PMML, sha, bytes.length, now, bytes, null, null),
                new MessageRecord("msg-" + suffix, "ui-" + suffix, "candidate-model", MessageRecord.MessageType.MODEL, "run-" + suffix, null,
                        now, null, modelId, null));
        store.ingest(new IngestBatch(records));
        propagation.afterIngest(records);
        return modelId;
    }

    private MTrimmedWindow mainWindow() {
        return WorkbenchWindow.main(display);
    }

    private void waitUntil(BooleanSupplier condition, long timeoutMillis) {
        WorkbenchWindow.waitUntil(display, condition, timeoutMillis);
    }

    private void processEvents() {
        WorkbenchWindow.processEvents(display);
    }

    private static void collectLabels(Control control, List<String> into) {
        if (control instanceof Label label && !label.getText().isBlank()) {
            into.add(label.getText());
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                collectLabels(child, into);
            }
        }
    }
}
