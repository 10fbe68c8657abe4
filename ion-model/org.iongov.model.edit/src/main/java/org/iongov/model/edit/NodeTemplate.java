package org.iongov.model.edit;

import org.iongov.model.Engine;
import org.iongov.model.ExecutionMode;
import org.iongov.model.IonFactory;
import org.iongov.model.Node;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.PolicyNode;
import org.iongov.model.ThresholdCheck;

/**
 * The designer's palette: each kind of ION node with the defaults a new one starts from. A new
 * node is not complete (a pipeline still needs its code reference, a policy its channels): the
 * validation markers say what is missing.
 */
public enum NodeTemplate {

    TRAINING("Training pipeline", "train", PipelineRole.TRAINING, Engine.SPARK, ExecutionMode.BATCH),
    INFERENCE("Inference pipeline", "infer", PipelineRole.INFERENCE, Engine.FLINK, ExecutionMode.STREAMING),
    CONTROL("Control (canary) pipeline", "canary", PipelineRole.CONTROL, Engine.FLINK, ExecutionMode.STREAMING),
    ENSEMBLE_MEMBER("Ensemble member training", "member", PipelineRole.ENSEMBLE_MEMBER, Engine.TENSORFLOW, ExecutionMode.BATCH),
    AUTOMATIC_APPROVAL("Automatic approval", "auto-approval", null, null, null),
    THRESHOLD_CHECK("Threshold check", "threshold-check", null, null, null),
    HUMAN_APPROVAL("Human approval", "approval", null, null, null),
    CUSTOM_POLICY("Custom policy", "policy", null, null, null);

    private final String label;
    private final String baseName;
    private final PipelineRole role;
    private final Engine engine;
    private final ExecutionMode mode;

    NodeTemplate(String label, String baseName, PipelineRole role, Engine engine, ExecutionMode mode) {
        this.label = label;
        this.baseName = baseName;
        this.role = role;
        this.engine = engine;
        this.mode = mode;
    }

    /** What the palette shows. */
    public String label() {
        return label;
    }

    /** The name new nodes of this kind get (with a number when taken). */
    public String baseName() {
        return baseName;
    }

    public boolean isPipeline() {
        return role != null;
    }

    /** A new node of this kind, named {@code name}, not yet in any ION. */
    Node create(String name) {
        IonFactory factory = IonFactory.eINSTANCE;
        if (isPipeline()) {
            PipelineNode node = factory.createPipelineNode();
            node.setName(name);
            node.setRole(role);
            node.setEngine(engine);
            node.setMode(mode);
            return node;
        }
        PolicyNode node = factory.createPolicyNode();
        node.setName(name);
        switch (this) {
            case AUTOMATIC_APPROVAL -> node.setPolicy(factory.createAutomaticApproval());
            case THRESHOLD_CHECK -> {
                // The usual gate: a model's training AUC must reach a bar (edit both in the properties).
                ThresholdCheck check = factory.createThresholdCheck();
                check.setStatistic("auc");
                check.setComparison(org.iongov.model.Comparison.GREATER_OR_EQUAL);
                check.setValue(0.8);
                node.setPolicy(check);
            }
            case HUMAN_APPROVAL -> {
                org.iongov.model.HumanApproval approval = factory.createHumanApproval();
                approval.setApprovalsRequired(1);
                node.setPolicy(approval);
            }
            case CUSTOM_POLICY -> node.setPolicy(factory.createCustomPolicy());
            default -> throw new IllegalStateException(name());
        }
        return node;
    }
}
