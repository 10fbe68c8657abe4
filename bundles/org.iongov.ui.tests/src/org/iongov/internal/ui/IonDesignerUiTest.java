package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.internal.ui.graph.GraphCanvas;
import org.iongov.model.Ion;
import org.iongov.model.json.IonJson;
import org.iongov.ui.model.designer.DesignMarker;
import org.iongov.ui.model.graph.Badge;
import org.junit.jupiter.api.Test;

/**
 * The ION designer in the running workbench, driven through its widgets as a person uses it: the
 * paper's Figure 1(c) is built from the palette and connections on the canvas, its values typed
 * into the properties form, checked by the validation markers, saved as JSON that means what the
 * sample means, undone and redone with the keyboard, and uploaded to the workbench's store.
 */
class IonDesignerUiTest {

    private static final String ION = "test-recommendation-approved-retraining";

    private final Display display = Display.getDefault();

    @Test
    void figure1cBuiltFromThePaletteIsValidSavedAsTheSampleUndoneRedoneAndUploaded() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        MPart mpart = window.getContext().get(EPartService.class).showPart(IonDesignerPart.ID, PartState.ACTIVATE);
        IonDesignerPart part = (IonDesignerPart) mpart.getObject();
        Shell shell = (Shell) window.getWidget();
        Rectangle size = shell.getBounds();
        MElementContainer<MUIElement> stack = mpart.getParent();
        shell.setBounds(0, 0, 1560, 960);
        stack.getTags().add(IPresentationEngine.MAXIMIZED); // room for the canvas, as double-clicking the tab gives
        try {
            part.confirmDiscard = what -> true;
            press(part.button("New"));
            assertFalse(mpart.isDirty());
            GraphCanvas canvas = part.canvas();

            // Level 2: the ION, its three nodes placed from the palette, their values typed into the form.
            type(part, "name", ION);
            type(part, "version", "1.0");
            String train = place(part, "node:TRAINING", 130, 90);
            type(part, "name", "train-recommender");
            type(part, "schedule.cron", "0 2 * * *");
            type(part, "code.uri", "https://git.example.org/clinic-ml/test-recommendation.git");
            type(part, "code.commit", "4a58347d1430a73e89fafe6c570cf53c774ac05c");
            type(part, "code.entryPoint", "org.example.clinic.train.TrainLogisticRegressionJob");
            addParameters(part, "label", "test_ordered", "seed", "42");
            assertTrue(mpart.isDirty(), "the tab says there are unsaved changes");

            String approval = place(part, "node:HUMAN_APPROVAL", 420, 90);
            type(part, "name", "clinical-approval");
            type(part, "approverRole", "clinical-lead");
            type(part, "approvalsRequired", "2");
            choose(part, "separationOfDuties", "true");

            String infer = place(part, "node:INFERENCE", 730, 90);
            type(part, "name", "recommend-tests");
            type(part, "code.uri", "https://git.example.org/clinic-ml/test-recommendation.git");
            type(part, "code.commit", "151e90e3e4adf94f1606eeac1284f88c1f91ff4c");
            type(part, "code.entryPoint", "org.example.clinic.recommend.RecommendTestsJob");
            addParameters(part, "threshold", "0.35", "maxRecommendations", "3");
            assertEquals("streaming", ((Combo) part.properties().field("mode")).getText(), "the inference palette entry's default");

            // Level 1: double-click a pipeline to edit its component DAG with its own palette.
            doubleClick(canvas, train);
            assertTrue(part.level().startsWith("ION " + ION + " › train-recommender (components)"), part.level());
            assertNull(part.palette().button("node:TRAINING"), "the ION's palette gives way to the components'");
            String read = place(part, "component:reader", 90, 70);
            type(part, "name", "read-history");
            addParameters(part, "table", "warehouse.encounter_outcomes", "lookbackDays", "365");
            String features = place(part, "component:feature-step", 270, 70);
            type(part, "name", "build-features");
            addParameters(part, "featureSet", "encounter-v3");
            String fit = place(part, "component:trainer", 480, 70);
            type(part, "name", "fit-logistic-regression");
            addParameters(part, "algorithm", "logistic-regression", "maxIter", "10", "regParam", "0.01", "elasticNetParam", "0.0");
            String evaluate = place(part, "component:evaluator", 480, 190);
            type(part, "name", "evaluate");
            addParameters(part, "metrics", "auc,recall-at-3", "holdoutFraction", "0.2");
            String export = place(part, "component:writer", 720, 130);
            type(part, "name", "export-model");
            arm(part, "input");
            connect(canvas, read, features);
            connect(canvas, features, fit);
            connect(canvas, fit, evaluate);
            connect(canvas, features, evaluate);
            connect(canvas, fit, export);
            connect(canvas, evaluate, export);
            assertEquals(6, canvas.graph().paths().size());
            // A cycle is refused with the model editor's reason, and nothing changes.
            connect(canvas, export, read);
            assertTrue(part.message().contains("cycle"), part.message());
            assertEquals(6, canvas.graph().paths().size());
            WorkbenchWindow.screenshot(shell, "ion-designer-components");
            press(part.button("◀ Back to the ION"));
            assertEquals(train, canvas.selection(), "back at the ION, the pipeline is selected");

            doubleClick(canvas, infer);
            String encounters = place(part, "component:reader", 90, 70);
            type(part, "name", "read-encounters");
            addParameters(part, "topic", "ehr.encounters");
            String inferFeatures = place(part, "component:feature-step", 300, 70);
            type(part, "name", "build-features");
            addParameters(part, "featureSet", "encounter-v3");
            String score = place(part, "component:scorer", 510, 70);
            type(part, "name", "score");
            String publish = place(part, "component:writer", 740, 70);
            type(part, "name", "publish-recommendations");
            addParameters(part, "topic", "clinic.test-recommendations");
            arm(part, "input");
            connect(canvas, encounters, inferFeatures);
            connect(canvas, inferFeatures, score);
            connect(canvas, score, publish);
            press(part.button("◀ Back to the ION"));

            // Channels: pick one in the palette, click the sender, then the receiver.
            assertTrue(part.markers().getItemCount() > 0, "before its channels the ION has problems");
            arm(part, "channel:model");
            connect(canvas, train, approval);
            type(part, "name", "candidate-model");
            dragConnect(canvas, approval, infer); // pressed on one node, released on the other
            type(part, "name", "approved-model");
            arm(part, "channel:event");
            connect(canvas, infer, train);
            type(part, "name", "input-drift");

            // Validated: no marker left, nothing badged.
            assertEquals(0, part.markers().getItemCount(), Arrays.toString(part.markers().getItems()));
            assertTrue(part.level().endsWith("3 nodes, 3 channels: valid"), part.level());
            assertEquals(3, canvas.graph().boxes().size());
            assertEquals(List.of("candidate-model", "approved-model", "input-drift"),
                    canvas.graph().paths().stream().map(p -> p.edge().label()).toList());
            arm(part, "select");
            press(part.button("Auto layout"));
            canvas.select(approval);
            WorkbenchWindow.processEvents(display);
            WorkbenchWindow.screenshot(shell, "ion-designer");
            assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "ion-designer.png")) > 1000);

            // A node dragged elsewhere stays there, its channels following; moving is no edit of the ION.
            Rectangle before = canvas.boundsOf(infer);
            drag(canvas, infer, 0, 160);
            assertEquals(before.y + 160, canvas.boundsOf(infer).y);
            assertEquals(before.x, canvas.boundsOf(infer).x);
            assertEquals(3, canvas.graph().paths().size());

            // Saved as JSON, reread through the model's reader, it means what the sample means.
            Path output = Path.of(System.getProperty("iongov.test.output"));
            Files.createDirectories(output);
            Path saved = Files.createTempDirectory(output, "designer-").resolve("c.json");
            part.saveTo(saved);
            WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
            assertFalse(mpart.isDirty(), part.message());
            assertEquals("ION Designer: " + ION + " (c.json)", part.title());
            Ion sample = IonJson.parse(WorkbenchWindow.retrainingWithApproval());
            Ion designed = IonJson.parse(Files.readString(saved));
            assertEquals(meaning(sample), meaning(designed));

            // Delete the approval node: its channels go with it, and the markers say what is now missing.
            canvas.select(approval);
            key(canvas, SWT.DEL, 0);
            assertEquals(2, canvas.graph().boxes().size());
            assertEquals(1, canvas.graph().paths().size(), "only input-drift is left");
            assertTrue(mpart.isDirty());
            DesignMarker missing = part.designer().markers().get(0);
            assertEquals(Badge.ERROR, missing.severity());
            assertEquals(part.designer().markers().size(), part.markers().getItemCount(), "every problem is listed");
            assertEquals(missing.message(), part.markers().getItem(0).getText(2), "in the model's words");
            assertEquals(Badge.ERROR, canvas.badges().get(missing.elementId()), "and marked on the canvas");
            // An invalid ION is not uploaded, and the user is told why.
            int stored = store.ionDefinitions().size();
            press(part.button("Upload to store"));
            assertTrue(part.message().startsWith("ION '" + ION + "' was not uploaded: it has "), part.message());
            assertEquals(stored, store.ionDefinitions().size());
            // Clicking a marker selects the element it is about.
            part.markers().setSelection(0);
            part.markers().notifyListeners(SWT.Selection, new Event());
            WorkbenchWindow.processEvents(display);
            assertEquals(part.designer().markers().get(0).elementId(), canvas.selection());

            // Ctrl+Z brings the node and its channels back; Ctrl+Y and Ctrl+Shift+Z redo.
            key(canvas, 'z', SWT.MOD1);
            assertEquals(3, canvas.graph().boxes().size());
            assertEquals(3, canvas.graph().paths().size());
            assertFalse(mpart.isDirty(), "undone to what was saved");
            key(canvas, 'y', SWT.MOD1);
            assertEquals(2, canvas.graph().boxes().size());
            key(canvas, 'z', SWT.MOD1);
            key(canvas, 'z', SWT.MOD1 | SWT.SHIFT);
            assertEquals(2, canvas.graph().boxes().size());
            key(canvas, 'z', SWT.MOD1);
            assertEquals(0, part.markers().getItemCount());
            assertEquals(Files.readString(saved), part.designer().snapshot().json(), "back exactly where it was saved");

            // Upload to the workbench's store, in the workbench user's name.
            press(part.button("Upload to store"));
            WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
            IonDefinitionRecord latest = store.ionDefinition(ION, null).orElseThrow();
            assertEquals("Uploaded ION '" + ION + "' to the store as version " + latest.version() + " (by ursula).", part.message());
            assertTrue(store.ionDefinitions().stream().anyMatch(d -> d.name().equals(ION) && d.version() == latest.version()));
            assertEquals(meaning(sample), meaning(IonJson.parse(latest.definitionJson())));
            LedgerEntry uploaded = store.ledger(store.ledgerHead().sequence(), 1).get(0);
            assertEquals("ion:" + ION, uploaded.subject(), "the upload is the ledger's latest entry");
            assertEquals("ursula", uploaded.actor(), "recorded in the workbench user's name");

            // Another definition opens from its JSON file, laid out, without problems.
            Path e = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "e-ensemble-with-canary.json");
            part.openFile(e);
            WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
            Ion ensemble = IonJson.parse(Files.readString(e));
            assertEquals("ION Designer: " + ensemble.getName() + " (e-ensemble-with-canary.json)", part.title(), part.message());
            assertEquals(ensemble.getNodes().size(), canvas.graph().boxes().size());
            assertEquals(ensemble.getChannels().size(), canvas.graph().paths().size());
            assertEquals(0, part.markers().getItemCount());
            assertFalse(mpart.isDirty());
        } finally {
            stack.getTags().remove(IPresentationEngine.MAXIMIZED);
            shell.setBounds(size);
            WorkbenchWindow.processEvents(display);
        }
    }

    /** What an ION means: its JSON definition as the model writes it, without the prose (descriptions). */
    private static String meaning(Ion ion) {
        Ion copy = EcoreUtil.copy(ion);
        List<EObject> all = new java.util.ArrayList<>(List.of(copy));
        copy.eAllContents().forEachRemaining(all::add);
        for (EObject e : all) {
            EStructuralFeature description = e.eClass().getEStructuralFeature("description");
            if (description != null) {
                e.eUnset(description);
            }
        }
        return IonJson.write(copy);
    }

    // ---- driving the widgets ----

    private void press(Button button) {
        assertNotNull(button);
        assertTrue(button.isEnabled(), button.getText() + " is enabled");
        button.notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.processEvents(display);
    }

    private void arm(IonDesignerPart part, String entry) {
        Button button = part.palette().button(entry);
        assertNotNull(button, entry + " is in the palette");
        button.setSelection(true);
        button.notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.processEvents(display);
        assertEquals(entry, part.designer().armed().id());
    }

    /** Picks a palette entry and clicks the canvas at (x, y): the new node's id. */
    private String place(IonDesignerPart part, String entry, int x, int y) {
        arm(part, entry);
        GraphCanvas canvas = part.canvas();
        int before = canvas.graph().boxes().size();
        click(canvas, x, y);
        assertEquals(before + 1, canvas.graph().boxes().size(), part.message());
        String id = canvas.selection();
        assertNotNull(id, "the new node is selected");
        Rectangle box = canvas.boundsOf(id);
        assertTrue(box.contains(x, y), "placed where clicked: " + box + " at " + x + "," + y);
        return id;
    }

    private void type(IonDesignerPart part, String key, String value) {
        Control field = part.properties().field(key);
        assertNotNull(field, "the form has '" + key + "' for the selection");
        if (field instanceof Combo) {
            choose(part, key, value);
            return;
        }
        Text text = (Text) field;
        text.setText(value);
        text.notifyListeners(SWT.DefaultSelection, new Event());
        WorkbenchWindow.processEvents(display);
        assertEquals(value, ((Text) part.properties().field(key)).getText(), part.message());
    }

    private void choose(IonDesignerPart part, String key, String value) {
        Combo combo = (Combo) part.properties().field(key);
        int index = combo.indexOf(value);
        assertTrue(index >= 0, value + " is a choice of " + key);
        combo.select(index);
        combo.notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.processEvents(display);
        assertEquals(value, ((Combo) part.properties().field(key)).getText(), part.message());
    }

    private void addParameters(IonDesignerPart part, String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            part.properties().newParameterKey().setText(keysAndValues[i]);
            part.properties().newParameterValue().setText(keysAndValues[i + 1]);
            press(part.properties().addParameterButton());
            Control added = part.properties().field("parameter." + keysAndValues[i]);
            assertNotNull(added, part.message());
        }
    }

    private void click(GraphCanvas canvas, int x, int y) {
        mouse(canvas, SWT.MouseDown, x, y);
        mouse(canvas, SWT.MouseUp, x, y);
        WorkbenchWindow.processEvents(display);
    }

    private void doubleClick(GraphCanvas canvas, String node) {
        Point centre = centre(canvas, node);
        mouse(canvas, SWT.MouseDown, centre.x, centre.y);
        mouse(canvas, SWT.MouseUp, centre.x, centre.y);
        mouse(canvas, SWT.MouseDoubleClick, centre.x, centre.y);
        WorkbenchWindow.processEvents(display);
    }

    /** Clicks one box, then the other, with a connection armed. */
    private void connect(GraphCanvas canvas, String from, String to) {
        Point a = centre(canvas, from);
        click(canvas, a.x, a.y);
        assertEquals(from, canvas.connectFrom(), "the first end is held");
        Point b = centre(canvas, to);
        click(canvas, b.x, b.y);
        assertNull(canvas.connectFrom());
    }

    /** Presses on one box, moves to the other and lets go there, with a connection armed. */
    private void dragConnect(GraphCanvas canvas, String from, String to) {
        Point a = centre(canvas, from);
        Point b = centre(canvas, to);
        int edges = canvas.graph().paths().size();
        mouse(canvas, SWT.MouseDown, a.x, a.y);
        mouse(canvas, SWT.MouseMove, (a.x + b.x) / 2, (a.y + b.y) / 2);
        assertEquals(from, canvas.connectFrom(), "a line follows the pointer from the first end");
        mouse(canvas, SWT.MouseMove, b.x, b.y);
        mouse(canvas, SWT.MouseUp, b.x, b.y);
        WorkbenchWindow.processEvents(display);
        assertNull(canvas.connectFrom());
        assertEquals(edges + 1, canvas.graph().paths().size());
    }

    /** Drags a box by (dx, dy) pixels with the select tool. */
    private void drag(GraphCanvas canvas, String node, int dx, int dy) {
        Point a = centre(canvas, node);
        mouse(canvas, SWT.MouseDown, a.x, a.y);
        for (int step = 1; step <= 4; step++) {
            mouse(canvas, SWT.MouseMove, a.x + dx * step / 4, a.y + dy * step / 4);
        }
        mouse(canvas, SWT.MouseUp, a.x + dx, a.y + dy);
        WorkbenchWindow.processEvents(display);
    }

    private static Point centre(GraphCanvas canvas, String node) {
        Rectangle box = canvas.boundsOf(node);
        assertNotNull(box, node + " is drawn");
        return new Point(box.x + box.width / 2, box.y + box.height / 2);
    }

    private static void mouse(GraphCanvas canvas, int type, int x, int y) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = 1;
        e.stateMask = type == SWT.MouseUp || type == SWT.MouseMove ? SWT.BUTTON1 : 0; // the button is held while moving
        canvas.notifyListeners(type, e);
    }

    private void key(Control control, int keyCode, int modifiers) {
        control.setFocus();
        Event e = new Event();
        e.keyCode = keyCode;
        e.character = keyCode == SWT.DEL ? (char) 0x7f : (char) 0;
        e.stateMask = modifiers;
        control.notifyListeners(SWT.KeyDown, e);
        WorkbenchWindow.processEvents(display);
    }
}
