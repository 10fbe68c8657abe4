package org.iongov.model.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Component;
import org.iongov.model.ComponentKind;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.MessageType;
import org.iongov.model.Node;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.PolicyNode;
import org.iongov.model.json.IonJson;
import org.iongov.model.validation.Severity;
import org.junit.jupiter.api.Test;

class IonEditorTest {

    private static Path examples() {
        return Path.of(System.getProperty("iongov.ionModel.dir", ".."), "examples");
    }

    @Test
    void thePapersFigure1cBuiltFromThePaletteEqualsTheSample() throws Exception {
        IonEditor editor = IonEditor.newIon("test-recommendation-approved-retraining", "1.0");
        assertFalse(editor.isDirty());

        PipelineNode train = (PipelineNode) editor.add(NodeTemplate.TRAINING);
        editor.set(train, "name", "train-recommender");
        editor.setSchedule(train, "0 2 * * *", null);
        editor.setCode(train, "https://git.example.org/clinic-ml/test-recommendation.git", "4a58347d1430a73e89fafe6c570cf53c774ac05c",
                "org.example.clinic.train.TrainLogisticRegressionJob");
        editor.setParameter(train, "label", "test_ordered", ParameterType.STRING);
        editor.setParameter(train, "seed", "42", ParameterType.NUMBER);
        Component read = named(editor, editor.addComponent(train, ComponentKind.READER), "read-history");
        Component features = named(editor, editor.addComponent(train, ComponentKind.FEATURE_STEP), "build-features");
        Component fit = named(editor, editor.addComponent(train, ComponentKind.TRAINER), "fit-logistic-regression");
        Component evaluate = named(editor, editor.addComponent(train, ComponentKind.EVALUATOR), "evaluate");
        Component export = named(editor, editor.addComponent(train, ComponentKind.WRITER), "export-model");
        editor.connect(read, features);
        editor.connect(features, fit);
        editor.connect(fit, evaluate);
        editor.connect(features, evaluate);
        editor.connect(fit, export);
        editor.connect(evaluate, export);

        PolicyNode approval = (PolicyNode) editor.add(NodeTemplate.HUMAN_APPROVAL);
        editor.set(approval, "name", "clinical-approval");
        editor.set(approval.getPolicy(), "approverRole", "clinical-lead");
        editor.set(approval.getPolicy(), "approvalsRequired", "2");
        editor.set(approval.getPolicy(), "separationOfDuties", "true");

        PipelineNode infer = (PipelineNode) editor.add(NodeTemplate.INFERENCE);
        editor.set(infer, "name", "recommend-tests");
        editor.setCode(infer, "https://git.example.org/clinic-ml/test-recommendation.git", "151e90e3e4adf94f1606eeac1284f88c1f91ff4c",
                "org.example.clinic.recommend.RecommendTestsJob");
        editor.setParameter(infer, "threshold", "0.35", ParameterType.NUMBER);
        editor.setParameter(infer, "maxRecommendations", "3", ParameterType.NUMBER);
        Component encounters = named(editor, editor.addComponent(infer, ComponentKind.READER), "read-encounters");
        Component inferFeatures = named(editor, editor.addComponent(infer, ComponentKind.FEATURE_STEP), "build-features");
        Component score = named(editor, editor.addComponent(infer, ComponentKind.SCORER), "score");
        Component publish = named(editor, editor.addComponent(infer, ComponentKind.WRITER), "publish-recommendations");
        editor.connect(encounters, inferFeatures);
        editor.connect(inferFeatures, score);
        editor.connect(score, publish);

        editor.set(editor.connect(train, approval, MessageType.MODEL), "name", "candidate-model");
        editor.set(editor.connect(approval, infer, MessageType.MODEL), "name", "approved-model");
        editor.set(editor.connect(infer, train, MessageType.EVENT), "name", "input-drift");

        assertEquals(List.of(), errors(editor), "a complete Figure 1(c) has no errors");
        assertTrue(editor.isDirty());

        Ion saved = IonJson.parse(editor.toJson());
        Ion sample = IonJson.parse(Files.readString(examples().resolve("c-retraining-with-approval.json")));
        assertEquals(semantics(sample), semantics(saved));
        editor.saved();
        assertFalse(editor.isDirty());
    }

    private static Component named(IonEditor editor, Component component, String name) {
        editor.set(component, "name", name);
        return component;
    }

    private static List<String> errors(IonEditor editor) {
        return editor.validate().stream().filter(m -> m.severity() == Severity.ERROR).map(Marker::message).toList();
    }

    /** What an ION means, without its prose: nodes, their settings, components and channels. */
    private static List<String> semantics(Ion ion) {
        List<String> lines = new ArrayList<>();
        lines.add("ion " + ion.getName() + " " + ion.getVersion());
        for (Node node : ion.getNodes()) {
            if (node instanceof PipelineNode p) {
                CodeReference code = p.getCode();
                lines.add("pipeline " + p.getName() + " " + p.getRole() + " " + p.getEngine() + " " + p.getMode() + " schedule "
                        + (p.getSchedule() == null ? null : p.getSchedule().getCron() + "/" + p.getSchedule().getInterval()) + " code "
                        + (code == null ? null : code.getUri() + "@" + code.getCommit() + "#" + code.getEntryPoint()));
                for (Parameter parameter : p.getParameters()) {
                    lines.add("  parameter " + parameter.getKey() + "=" + parameter.getValue() + " (" + parameter.getType() + ")");
                }
                for (Component c : p.getComponents()) {
                    lines.add("  component " + c.getName() + " " + c.getKind() + " <- " + c.getInputs().stream().map(Component::getName)
                            .sorted().toList());
                }
            } else if (node instanceof PolicyNode policy) {
                String settings = policy.getPolicy() instanceof HumanApproval h
                        ? "human " + h.getApproverRole() + " x" + h.getApprovalsRequired() + " sod=" + h.isSeparationOfDuties()
                        : policy.getPolicy().eClass().getName();
                lines.add("policy " + policy.getName() + " " + settings);
            }
        }
        for (Channel c : ion.getChannels()) {
            lines.add("channel " + c.getName() + " " + c.getFrom().getName() + " -> " + c.getTo().getName() + " " + c.getMessage());
        }
        return lines;
    }

    @Test
    void undoAndRedoWalkTheCommandStackAndDeletingANodeTakesItsChannels() {
        IonEditor editor = IonEditor.newIon("undo", "1");
        AtomicInteger changes = new AtomicInteger();
        editor.addChangeListener(changes::incrementAndGet);
        Node train = editor.add(NodeTemplate.TRAINING);
        Node gate = editor.add(NodeTemplate.THRESHOLD_CHECK);
        Channel channel = editor.connect(train, gate, MessageType.MODEL);
        assertEquals("train-model", channel.getName());
        assertEquals(3, changes.get());

        editor.delete(train);
        assertEquals(List.of(gate), List.copyOf(editor.ion().getNodes()));
        assertTrue(editor.ion().getChannels().isEmpty(), "the channel from the deleted node went with it");
        assertEquals("Delete node train", editor.undoLabel());

        editor.undo();
        assertEquals(2, editor.ion().getNodes().size());
        assertSame(train, editor.ion().getNodes().get(0), "undo brings back the same node, in its place");
        assertEquals(1, editor.ion().getChannels().size());
        assertSame(train, editor.ion().getChannels().get(0).getFrom());
        assertTrue(editor.canRedo());

        editor.redo();
        assertEquals(1, editor.ion().getNodes().size());
        editor.undo();
        editor.undo(); // the channel
        editor.undo(); // the threshold check
        editor.undo(); // the training node
        assertTrue(editor.ion().getNodes().isEmpty());
        assertFalse(editor.canUndo());
        assertFalse(editor.isDirty(), "back where it started");
        assertNull(editor.undoLabel());
    }

    @Test
    void newNodesGetFreeNamesAndRefusedEditsChangeNothing() {
        IonEditor editor = IonEditor.newIon("refusals", "1");
        PipelineNode a = (PipelineNode) editor.add(NodeTemplate.TRAINING);
        PipelineNode b = (PipelineNode) editor.add(NodeTemplate.TRAINING);
        assertEquals("train", a.getName());
        assertEquals("train-2", b.getName());
        Component r = editor.addComponent(a, ComponentKind.READER);
        Component w = editor.addComponent(a, ComponentKind.WRITER);
        editor.connect(r, w);
        Component other = editor.addComponent(b, ComponentKind.READER);
        String before = editor.toJson();

        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> editor.connect(w, r));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        assertThrows(IllegalArgumentException.class, () -> editor.connect(r, other), "not across pipelines");
        assertThrows(IllegalArgumentException.class, () -> editor.connect(a, a, MessageType.MODEL));
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class, () -> editor.set(a, "mode", "sometimes"));
        assertTrue(mode.getMessage().contains("streaming"), mode.getMessage());
        assertThrows(IllegalArgumentException.class, () -> editor.set(a, "colour", "red"));
        assertEquals(before, editor.toJson(), "a refused edit leaves the model as it was");

        Node stranger = IonEditor.newIon("other", "1").add(NodeTemplate.INFERENCE);
        assertThrows(IllegalArgumentException.class, () -> editor.connect(a, stranger, MessageType.MODEL));
        assertEquals(before, editor.toJson());
        assertEquals("Add component reader", editor.undoLabel(), "the refused edit is not on the undo stack");

        editor.disconnect(r, w);
        assertTrue(w.getInputs().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> editor.disconnect(r, w), "no such edge any more");
        editor.undo();
        assertEquals(List.of(r), List.copyOf(w.getInputs()));

        editor.set(a, "mode", "streaming");
        assertEquals(org.iongov.model.ExecutionMode.STREAMING, a.getMode());
        editor.set(a, "mode", "");
        assertFalse(a.isSetMode(), "blank unsets");
    }

    @Test
    void markersLandOnTheElementsTheyConcern() {
        IonEditor editor = IonEditor.newIon("markers", "1");
        PipelineNode train = (PipelineNode) editor.add(NodeTemplate.TRAINING);
        PolicyNode gate = (PolicyNode) editor.add(NodeTemplate.HUMAN_APPROVAL);
        List<Marker> markers = editor.validate();
        assertTrue(markers.stream().anyMatch(m -> m.element() == train && m.severity() == Severity.ERROR && m.message().contains("code")),
                markers.toString());
        assertTrue(markers.stream().anyMatch(m -> m.element() == gate && m.message().contains("incoming model channel")),
                markers.toString());
        editor.set(gate.getPolicy(), "approvalsRequired", "0");
        assertTrue(editor.validate().stream().anyMatch(m -> m.element() == gate && m.message().contains("approvalsRequired")),
                "a policy's setting is marked on its node");
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> editor.set(gate.getPolicy(), "approvalsRequired", "two"));
        assertTrue(notANumber.getMessage().contains("number"));
    }

    @Test
    void referenceFieldsAreSetOneAtATimeAndTheReferenceGoesWhenEmpty() {
        IonEditor editor = IonEditor.newIon("references", "1");
        PipelineNode train = (PipelineNode) editor.add(NodeTemplate.TRAINING);
        editor.setReferenceField(train, "code", "uri", "https://git.example.org/x.git");
        editor.setReferenceField(train, "code", "digest", "sha256:" + "ab".repeat(32));
        assertEquals("https://git.example.org/x.git", train.getCode().getUri());
        assertEquals("sha256:" + "ab".repeat(32), train.getCode().getDigest());
        editor.setReferenceField(train, "model", "format", "pmml");
        assertEquals("pmml", train.getModel().getFormat());

        editor.setReferenceField(train, "model", "format", "");
        assertNull(train.getModel(), "a reference with nothing set is removed");
        editor.undo();
        assertEquals("pmml", train.getModel().getFormat());

        PolicyNode custom = (PolicyNode) editor.add(NodeTemplate.CUSTOM_POLICY);
        editor.setReferenceField(custom.getPolicy(), "code", "uri", "https://git.example.org/policy.git");
        assertEquals("https://git.example.org/policy.git", ((org.iongov.model.CustomPolicy) custom.getPolicy()).getCode().getUri());
        assertThrows(IllegalArgumentException.class, () -> editor.setReferenceField(train, "code", "colour", "red"));
        assertThrows(IllegalArgumentException.class, () -> editor.setReferenceField(train, "components", "uri", "x"));
        String undo = editor.undoLabel();
        editor.setReferenceField(train, "schedule", "cron", "");
        assertEquals(undo, editor.undoLabel(), "clearing a field of an absent reference is no edit");
    }

    @Test
    void aPolicyNodeChangesItsKindAndKeepsItsChannels() {
        IonEditor editor = IonEditor.newIon("policies", "1");
        Node train = editor.add(NodeTemplate.TRAINING);
        PolicyNode gate = (PolicyNode) editor.add(NodeTemplate.AUTOMATIC_APPROVAL);
        editor.connect(train, gate, MessageType.MODEL);
        editor.setPolicy(gate, NodeTemplate.HUMAN_APPROVAL);
        assertTrue(gate.getPolicy() instanceof HumanApproval h && h.getApprovalsRequired() == 1);
        assertSame(gate, editor.ion().getChannels().get(0).getTo());
        assertEquals("Make auto-approval a human approval", editor.undoLabel());
        editor.undo();
        assertTrue(gate.getPolicy() instanceof org.iongov.model.AutomaticApproval);
        assertThrows(IllegalArgumentException.class, () -> editor.setPolicy(gate, NodeTemplate.TRAINING));
    }

    @Test
    void anExistingDefinitionOpensAndSavesWithItsMeaning() throws Exception {
        String json = Files.readString(examples().resolve("e-ensemble-with-canary.json"));
        IonEditor editor = IonEditor.open(json);
        assertFalse(editor.isDirty());
        assertEquals(List.of(), errors(editor));
        assertEquals(semantics(IonJson.parse(json)), semantics(IonJson.parse(editor.toJson())));
    }
}
