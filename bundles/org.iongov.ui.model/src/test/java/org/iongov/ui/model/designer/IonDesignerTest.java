package org.iongov.ui.model.designer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.model.Channel;
import org.iongov.model.Component;
import org.iongov.model.HumanApproval;
import org.iongov.model.MessageType;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.PolicyNode;
import org.iongov.model.ThresholdCheck;
import org.iongov.model.json.IonJson;
import org.iongov.ui.model.graph.Badge;
import org.iongov.ui.model.graph.EdgeKind;
import org.iongov.ui.model.graph.GraphEdge;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.NodeKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ION designer's presenter: gestures and form edits become model commands, views follow the model. */
class IonDesignerTest {

    @TempDir
    Path temp;

    static Path example(String name) {
        return Path.of(System.getProperty("iongov.root"), "ion-model", "examples", name);
    }

    /** A node placed from the palette by a click, then given its properties through the form. */
    private static String place(IonDesigner designer, String entry, double x, double y, String... properties) {
        designer.arm(entry);
        String id = designer.clickCanvas(x, y);
        assertEquals(id, designer.selection(), "what was placed is selected");
        assertEquals(PaletteEntry.SELECT_ID, designer.armed().id(), "one placement per click");
        set(designer, properties);
        return id;
    }

    private static void set(IonDesigner designer, String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            designer.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    private static void parameters(IonDesigner designer, String... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            designer.addParameter(keysAndValues[i], keysAndValues[i + 1]);
        }
    }

    private static String connect(IonDesigner designer, String entry, String from, String to, String... properties) {
        designer.arm(entry);
        String id = designer.connect(from, to);
        assertEquals(id, designer.selection());
        set(designer, properties);
        return id;
    }

    /**
     * Builds the paper's Figure 1(c) as a person does in the designer: nodes from the palette,
     * channels between them, each pipeline's components in its own level, every value through the
     * properties form.
     */
    static IonDesigner figure1c() {
        IonDesigner designer = new IonDesigner();
        set(designer, "name", "test-recommendation-approved-retraining", "version", "1.0", "description",
                "Figure 1(c): retraining with a human-approval policy before deployment. Two clinical leads must approve each retrained "
                        + "model; input drift seen by the inference pipeline also triggers retraining.");

        String train = place(designer, "node:TRAINING", 150, 100, "name", "train-recommender", "description",
                "Retrains the logistic-regression recommender on the latest year of outcomes.", "schedule.cron", "0 2 * * *", "code.uri",
                "https://git.example.org/clinic-ml/test-recommendation.git", "code.commit", "4a58347d1430a73e89fafe6c570cf53c774ac05c",
                "code.entryPoint", "org.example.clinic.train.TrainLogisticRegressionJob");
        parameters(designer, "label", "test_ordered", "seed", "42");
        String approval = place(designer, "node:HUMAN_APPROVAL", 350, 100, "name", "clinical-approval", "description",
                "Two clinical leads, neither of whom started the training run, review the candidate model's evaluation before it "
                        + "reaches patients.",
                "approverRole", "clinical-lead", "approvalsRequired", "2", "separationOfDuties", "true");
        String infer = place(designer, "node:INFERENCE", 600, 100, "name", "recommend-tests", "description",
                "Scores each new encounter and publishes the recommended tests.", "code.uri",
                "https://git.example.org/clinic-ml/test-recommendation.git", "code.commit", "151e90e3e4adf94f1606eeac1284f88c1f91ff4c",
                "code.entryPoint", "org.example.clinic.recommend.RecommendTestsJob");
        parameters(designer, "threshold", "0.35", "maxRecommendations", "3");

        assertTrue(designer.open(train), "double-click opens a pipeline's components");
        String read = place(designer, "component:reader", 80, 80, "name", "read-history", "description",
                "Past encounters with the tests ordered and their findings.");
        parameters(designer, "table", "warehouse.encounter_outcomes", "lookbackDays", "365");
        String features = place(designer, "component:feature-step", 280, 80, "name", "build-features");
        parameters(designer, "featureSet", "encounter-v3");
        String fit = place(designer, "component:trainer", 480, 80, "name", "fit-logistic-regression");
        parameters(designer, "algorithm", "logistic-regression", "maxIter", "10", "regParam", "0.01", "elasticNetParam", "0.0");
        String evaluate = place(designer, "component:evaluator", 680, 160, "name", "evaluate");
        parameters(designer, "metrics", "auc,recall-at-3", "holdoutFraction", "0.2");
        String export = place(designer, "component:writer", 880, 80, "name", "export-model");
        connect(designer, PaletteEntry.INPUT_ID, read, features);
        connect(designer, PaletteEntry.INPUT_ID, features, fit);
        connect(designer, PaletteEntry.INPUT_ID, fit, evaluate);
        connect(designer, PaletteEntry.INPUT_ID, features, evaluate);
        connect(designer, PaletteEntry.INPUT_ID, fit, export);
        connect(designer, PaletteEntry.INPUT_ID, evaluate, export);
        designer.backToIon();
        assertEquals(train, designer.selection(), "back at the ION, the pipeline just edited is selected");

        designer.open(infer);
        String encounters = place(designer, "component:reader", 80, 80, "name", "read-encounters", "description",
                "New patient encounters from the hospital's event stream.");
        parameters(designer, "topic", "ehr.encounters");
        String inferFeatures = place(designer, "component:feature-step", 280, 80, "name", "build-features");
        parameters(designer, "featureSet", "encounter-v3");
        String score = place(designer, "component:scorer", 480, 80, "name", "score");
        String publish = place(designer, "component:writer", 680, 80, "name", "publish-recommendations");
        parameters(designer, "topic", "clinic.test-recommendations");
        designer.arm(PaletteEntry.INPUT_ID);
        designer.connect(encounters, inferFeatures);
        designer.connect(inferFeatures, score);
        designer.connect(score, publish);
        designer.backToIon();

        connect(designer, "channel:model", train, approval, "name", "candidate-model");
        connect(designer, "channel:model", approval, infer, "name", "approved-model");
        connect(designer, "channel:event", infer, train, "name", "input-drift", "description",
                "Retrain early when the encounter features drift.");
        return designer;
    }

    @Test
    void thePapersFigure1cBuiltWithThePaletteAndConnectionsSavesTheSamplesDefinition() throws Exception {
        IonDesigner designer = figure1c();

        assertEquals(List.of(), designer.markers(), "Figure 1(c) has no errors and no warnings");
        assertEquals("3 nodes, 3 channels: valid", designer.summary());
        assertTrue(designer.isDirty());
        assertEquals("*test-recommendation-approved-retraining (new ION)", designer.title());

        Snapshot snapshot = designer.snapshot();
        Path saved = temp.resolve("c.json");
        Files.writeString(saved, snapshot.json());
        designer.saved(snapshot, saved);
        assertFalse(designer.isDirty());
        assertEquals("test-recommendation-approved-retraining (c.json)", designer.title());

        // Reread, the saved definition says exactly what the sample says (descriptions included).
        assertEquals(IonJson.toTree(IonJson.parse(Files.readString(example("c-retraining-with-approval.json")))).toPrettyString(),
                IonJson.toTree(IonJson.parse(Files.readString(saved))).toPrettyString());
        PipelineNode train = (PipelineNode) IonJson.parse(Files.readString(saved)).findNode("train-recommender");
        Parameter elasticNet = train.findComponent("fit-logistic-regression").getParameters().get(3);
        assertEquals(ParameterType.NUMBER, elasticNet.getType());
        assertEquals("0.0", elasticNet.getValue(), "a number keeps the digits it was typed with");
    }

    @Test
    void theGraphShowsTheLevelAsPlacedWithAChannelPerEdgeAndAnAutomaticLayoutOnDemand() {
        IonDesigner designer = figure1c();
        LaidOutGraph ion = designer.graph();
        assertEquals(3, ion.boxes().size());
        String train = designer.idOf(designer.ion().findNode("train-recommender"));
        String infer = designer.idOf(designer.ion().findNode("recommend-tests"));
        LaidOutGraph.Box trainBox = ion.box(train);
        assertEquals(NodeKind.TRAINING_PIPELINE, trainBox.node().kind());
        assertEquals("training · spark · batch", trainBox.node().sublabel());
        assertEquals(150 - trainBox.width() / 2, trainBox.x(), 1e-9, "placed centred where it was clicked");
        assertEquals(100 - trainBox.height() / 2, trainBox.y(), 1e-9);
        assertEquals("human approval · 2 × clinical-lead", ion.box(designer.idOf(designer.ion().findNode("clinical-approval"))).node().sublabel());

        List<String> edges = ion.graph().edges().stream().map(e -> e.label() + " " + e.kind()).toList();
        assertEquals(List.of("candidate-model MODEL_CHANNEL", "approved-model MODEL_CHANNEL", "input-drift EVENT_CHANNEL"), edges);
        // input-drift runs back from inference to training: its own route, apart from the others.
        GraphEdge drift = ion.graph().edge(designer.idOf(designer.ion().findChannel("input-drift")));
        assertEquals(infer, drift.from());
        assertNotNull(ion.path(drift.id()));

        // Dragging a box moves it; its channels follow, straight.
        designer.moved(infer, 700, 300);
        LaidOutGraph moved = designer.graph();
        assertEquals(700, moved.box(infer).x(), 1e-9);
        double[] end = moved.path(designer.idOf(designer.ion().findChannel("approved-model"))).points();
        LaidOutGraph.Box inferBox = moved.box(infer);
        assertTrue(inferBox.contains(end[end.length - 2], end[end.length - 1]) || near(inferBox, end), "the channel ends at the moved box");

        designer.autoLayout();
        LaidOutGraph laidOut = designer.graph();
        assertTrue(laidOut.box(train).x() < laidOut.box(infer).x(), "laid out left to right along the channels");
        for (LaidOutGraph.Box a : laidOut.boxes().values()) {
            for (LaidOutGraph.Box b : laidOut.boxes().values()) {
                assertTrue(a == b || !a.intersects(b.x(), b.y(), b.width(), b.height()), "boxes do not overlap");
            }
        }

        designer.open(train);
        LaidOutGraph components = designer.graph();
        assertEquals(5, components.boxes().size());
        assertTrue(components.boxes().values().stream().allMatch(b -> b.node().kind() == NodeKind.COMPONENT));
        assertEquals(6, components.graph().edges().size());
        assertTrue(components.graph().edges().stream().allMatch(e -> e.kind() == EdgeKind.COMPONENT_INPUT));
        assertEquals("ION test-recommendation-approved-retraining › train-recommender (components)", designer.level());
        assertEquals(List.of("select", "component:reader", "component:feature-step", "component:trainer", "component:evaluator",
                "component:scorer", "component:writer", "component:other", "input"), designer.palette().stream().map(PaletteEntry::id).toList());
    }

    private static boolean near(LaidOutGraph.Box box, double[] points) {
        double x = points[points.length - 2];
        double y = points[points.length - 1];
        return x >= box.x() - 1 && x <= box.x() + box.width() + 1 && y >= box.y() - 1 && y <= box.y() + box.height() + 1;
    }

    @Test
    void undoAndRedoBringBackTheSameElementsWhereTheyWere() {
        IonDesigner designer = new IonDesigner();
        String train = place(designer, "node:TRAINING", 150, 100);
        String gate = place(designer, "node:THRESHOLD_CHECK", 400, 100);
        String channel = connect(designer, "channel:model", train, gate);
        designer.moved(gate, 500, 260);
        assertEquals(PaletteEntry.Tool.CONNECT_CHANNEL, designer.armed().tool(), "a connection tool stays armed for the next one");

        designer.select(train);
        assertTrue(designer.deleteSelection());
        assertNull(designer.selection());
        assertEquals(1, designer.graph().boxes().size());
        assertTrue(designer.graph().paths().isEmpty(), "the channel went with its node");
        assertEquals("Undo Delete node train", designer.undoLabel());

        designer.undo();
        LaidOutGraph back = designer.graph();
        assertEquals(2, back.boxes().size());
        assertEquals(150 - back.box(train).width() / 2, back.box(train).x(), 1e-9, "back where it was");
        assertEquals(500, back.box(gate).x(), 1e-9);
        assertEquals(channel, back.paths().get(0).edge().id(), "the very same channel");
        assertEquals("Redo Delete node train", designer.redoLabel());
        designer.redo();
        assertEquals(1, designer.graph().boxes().size());
        designer.undo();

        // Undo past a pipeline's creation while its components are shown: back at the ION.
        designer.open(train);
        String reader = place(designer, "component:reader", 50, 50);
        designer.select(reader);
        designer.undo(); // the reader
        assertNull(designer.selection(), "what undo removed is not selected");
        designer.undo(); // the channel
        designer.undo(); // the threshold check
        designer.undo(); // the training pipeline, whose components are shown
        assertNull(designer.openedPipeline());
        assertEquals(0, designer.graph().boxes().size());
        assertFalse(designer.isDirty(), "all undone: as it started");
        designer.redo();
        assertEquals(List.of(train), List.copyOf(designer.graph().boxes().keySet()));
    }

    @Test
    void markersCarryTheModelsMessagesAndLeadToTheirElements() {
        IonDesigner designer = new IonDesigner();
        String train = place(designer, "node:TRAINING", 100, 100);
        String gate = place(designer, "node:HUMAN_APPROVAL", 400, 100);
        DesignMarker noCode = designer.markers().stream().filter(m -> train.equals(m.elementId())).findFirst().orElseThrow();
        assertEquals(Badge.ERROR, noCode.severity());
        assertEquals("node train", noCode.element());
        assertTrue(noCode.message().contains("code"), noCode.message());
        assertEquals(Badge.ERROR, designer.badges().get(train));
        assertTrue(designer.markers().stream().anyMatch(m -> gate.equals(m.elementId()) && m.message().contains("incoming model channel")),
                designer.markers().toString());
        assertEquals(Badge.ERROR, designer.markers().get(0).severity(), "errors come first");

        // A problem of a component: marked on its pipeline at the ION level, on itself inside.
        designer.open(train);
        String a = place(designer, "component:reader", 50, 50, "name", "read");
        place(designer, "component:writer", 250, 50, "name", "read");
        designer.backToIon();
        DesignMarker duplicate = designer.markers().stream().filter(m -> m.message().contains("duplicate component name")).findFirst()
                .orElseThrow();
        assertEquals("component train / read", duplicate.element());
        assertEquals(Badge.ERROR, designer.badges().get(train));
        designer.show(duplicate);
        assertSame(designer.element(train), designer.openedPipeline(), "showing the marker opens the pipeline");
        assertNotNull(designer.selection());
        assertInstanceOf(Component.class, designer.selectedElement());
        assertEquals(Badge.ERROR, designer.badges().get(designer.selection()));
        assertNull(designer.badges().get(a), "the first 'read' is fine");

        designer.show(noCode);
        assertNull(designer.openedPipeline(), "a node's marker leads back to the ION");
        assertEquals(train, designer.selection());
        designer.setProperty("code.uri", "https://git.example.org/x.git");
        designer.setProperty("code.commit", "4a58347d1430");
        assertTrue(designer.markers().stream().noneMatch(m -> train.equals(m.elementId()) && m.message().contains("code")),
                "fixed: the marker is gone");
    }

    @Test
    void refusedGesturesAndEditsSayWhyAndChangeNothing() {
        IonDesigner designer = new IonDesigner();
        String train = place(designer, "node:TRAINING", 100, 100);
        String infer = place(designer, "node:INFERENCE", 400, 100);
        String before = designer.snapshot().json();

        IllegalArgumentException notArmed = assertThrows(IllegalArgumentException.class, () -> designer.connect(train, infer));
        assertTrue(notArmed.getMessage().startsWith("Pick a channel"), notArmed.getMessage());
        designer.arm("channel:model");
        designer.connect(train, infer);
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> designer.connect(train, infer));
        assertTrue(twice.getMessage().contains("already sends model messages"), twice.getMessage());
        designer.undo();
        assertEquals(before, designer.snapshot().json());

        designer.select(train);
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> designer.setProperty("mode", "sometimes"));
        assertTrue(mode.getMessage().contains("streaming"), mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> designer.arm("component:reader"), "components belong to a pipeline's level");

        designer.open(train);
        String r = place(designer, "component:reader", 50, 50);
        String w = place(designer, "component:writer", 250, 50);
        designer.arm(PaletteEntry.INPUT_ID);
        designer.connect(r, w);
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> designer.connect(w, r));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertEquals(1, designer.graph().paths().size());

        designer.select(designer.inputId((Component) designer.element(r), (Component) designer.element(w)));
        assertEquals(List.of("from", "to"), designer.properties().stream().map(Property::key).toList());
        assertThrows(IllegalArgumentException.class, () -> designer.setProperty("from", "x"));
        assertTrue(designer.deleteSelection(), "an input edge can be deleted");
        assertTrue(designer.graph().paths().isEmpty());
    }

    @Test
    void thePropertiesFormEditsThroughTheCommandStack() {
        IonDesigner designer = new IonDesigner();
        String gate = place(designer, "node:THRESHOLD_CHECK", 100, 100);
        assertEquals(List.of("name", "policy", "description", "statistic", "comparison", "value"),
                designer.properties().stream().map(Property::key).toList());
        Property comparison = designer.properties().get(4);
        assertEquals(">=", comparison.value());
        assertEquals(List.of(">", ">=", "<", "<=", "==", "!="), comparison.choices());
        assertEquals("0.8", designer.properties().get(5).value());
        designer.setProperty("value", "0.85");
        assertEquals(0.85, ((ThresholdCheck) ((PolicyNode) designer.element(gate)).getPolicy()).getValue());
        assertEquals("Undo Set value", designer.undoLabel());
        designer.setProperty("value", "0.85");
        assertEquals("Undo Set value", designer.undoLabel());
        designer.undo();
        assertEquals("Undo Add threshold check", designer.undoLabel(), "setting the same value again is no edit");

        designer.setProperty("policy", "human-approval");
        assertInstanceOf(HumanApproval.class, ((PolicyNode) designer.element(gate)).getPolicy());
        assertEquals("1", designer.properties().stream().filter(p -> p.key().equals("approvalsRequired")).findFirst().orElseThrow().value(),
                "the default is shown");
        assertThrows(IllegalArgumentException.class, () -> designer.setProperty("approvalsRequired", "two"));

        String train = place(designer, "node:TRAINING", 400, 100);
        designer.setProperty("schedule.cron", "0 2 * * *");
        designer.setProperty("schedule.interval", "PT6H");
        PipelineNode pipeline = (PipelineNode) designer.element(train);
        assertNull(pipeline.getSchedule().getCron(), "an interval replaces the cron expression");
        assertEquals("PT6H", pipeline.getSchedule().getInterval());
        designer.setProperty("schedule.interval", "");
        assertNull(pipeline.getSchedule());
        designer.setProperty("role", "control");
        assertEquals(NodeKind.CONTROL_PIPELINE, designer.graph().box(train).node().kind());

        designer.addParameter("seed", "42");
        designer.addParameter("label", "\"42\"");
        designer.addParameter("strict", "true");
        assertEquals(List.of(ParameterType.NUMBER, ParameterType.STRING, ParameterType.BOOLEAN),
                pipeline.getParameters().stream().map(Parameter::getType).toList());
        assertEquals("\"42\"", designer.properties().stream().filter(p -> "label".equals(p.parameter())).findFirst().orElseThrow().value(),
                "text that reads as a number is shown quoted");
        assertThrows(IllegalArgumentException.class, () -> designer.addParameter("seed", "7"));
        designer.setProperty(IonDesigner.PARAMETER + "seed", "7");
        assertEquals("7", pipeline.getParameters().stream().filter(p -> p.getKey().equals("seed")).findFirst().orElseThrow().getValue());
        designer.setProperty(IonDesigner.PARAMETER + "seed", "");
        assertEquals(List.of("label", "strict"), pipeline.getParameters().stream().map(Parameter::getKey).toList());

        String channel = connect(designer, "channel:event", train, gate);
        designer.setProperty("message", "statistic");
        assertEquals(MessageType.STATISTIC, ((Channel) designer.element(channel)).getMessage());
        assertEquals(EdgeKind.STATISTIC_CHANNEL, designer.graph().graph().edge(channel).kind());

        designer.select(null);
        designer.setProperty("name", "renamed");
        assertEquals("renamed", designer.ion().getName());
    }

    @Test
    void openingADefinitionLaysItOutAndAnUnreadableOneIsExplained() throws Exception {
        IonDesigner designer = new IonDesigner();
        String json = Files.readString(example("e-ensemble-with-canary.json"));
        designer.open(json, "e-ensemble-with-canary.json", example("e-ensemble-with-canary.json"));
        assertFalse(designer.isDirty());
        assertEquals(List.of(), designer.markers());
        LaidOutGraph graph = designer.graph();
        assertEquals(designer.ion().getNodes().size(), graph.boxes().size());
        assertEquals(designer.ion().getChannels().size(), graph.paths().size());
        assertEquals(IonJson.toTree(IonJson.parse(json)), IonJson.toTree(IonJson.parse(designer.snapshot().json())),
                "opened and saved unchanged, it says the same");

        // A change after the snapshot was taken keeps the design dirty when the snapshot's save completes.
        designer.select(graph.boxes().keySet().iterator().next());
        designer.setProperty("description", "changed");
        Snapshot snapshot = designer.snapshot();
        designer.setProperty("description", "changed again");
        designer.saved(snapshot, temp.resolve("e.json"));
        assertTrue(designer.isDirty());
        assertEquals(temp.resolve("e.json"), designer.file());

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> designer.open("{\"formatVersion\": 1, \"name\": \"x\", \"nodes\": [], \"engin\": 1}", "broken.json", null));
        assertTrue(broken.getMessage().startsWith("broken.json is not an ION definition the designer can open: "), broken.getMessage());
        assertTrue(broken.getMessage().contains("unknown field 'engin'"), broken.getMessage());
        assertEquals(temp.resolve("e.json"), designer.file(), "the open design stays");
    }

    @Test
    void uploadRefusesAnIonWithErrorsAndStoresAValidOneNamingWhoUploadedIt() throws Exception {
        try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow()
                .openEmbedded(temp.resolve("store"))) {
            IonDesigner designer = new IonDesigner();
            place(designer, "node:TRAINING", 100, 100);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, designer::uploadable);
            assertTrue(refused.getMessage().startsWith("ION 'new-ion' was not uploaded: it has "), refused.getMessage());
            assertTrue(refused.getMessage().contains("node train: training pipeline 'train' has no code reference"), refused.getMessage());
            assertTrue(store.ionDefinitions().isEmpty());

            IonDesigner figure = figure1c();
            Snapshot snapshot = figure.uploadable();
            IonDefinitionRecord stored = IonDesigner.upload(store, snapshot, "ursula");
            assertEquals(1, stored.version());
            IonDefinitionRecord read = store.ionDefinition("test-recommendation-approved-retraining", null).orElseThrow();
            assertEquals(IonJson.toTree(IonJson.parse(snapshot.json())), IonJson.toTree(IonJson.parse(read.definitionJson())));
            LedgerEntry entry = store.ledger(0, 1000).stream().filter(e -> e.subject().equals("ion:test-recommendation-approved-retraining"))
                    .findFirst().orElseThrow();
            assertEquals("ursula", entry.actor());

            IonDesigner reopened = new IonDesigner();
            reopened.open(read);
            assertEquals("test-recommendation-approved-retraining (store: test-recommendation-approved-retraining version 1)",
                    reopened.title());
            assertNull(reopened.file(), "a stored definition has no file: Save asks where");
            assertEquals(Map.of(), reopened.badges());
        }
    }

    @Test
    void thePaletteOfTheIonHasEveryNodeKindAndChannel() {
        IonDesigner designer = new IonDesigner();
        assertEquals(List.of("Select", "Training pipeline", "Inference pipeline", "Control (canary) pipeline", "Ensemble member training",
                "Automatic approval", "Threshold check", "Human approval", "Custom policy", "Model channel", "Event channel",
                "Statistic channel"), designer.palette().stream().map(PaletteEntry::label).toList());
        assertArrayEquals(new String[] { "Tools", "Pipelines", "Policies", "Channels" },
                designer.palette().stream().map(PaletteEntry::group).distinct().toArray());
        assertNull(designer.clickCanvas(10, 10), "with Select armed a click on the background places nothing");
        designer.arm("channel:model");
        assertThrows(IllegalArgumentException.class, () -> designer.place("channel:model", 10, 10));
    }
}
