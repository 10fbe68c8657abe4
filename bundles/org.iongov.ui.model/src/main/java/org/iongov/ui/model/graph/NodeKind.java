package org.iongov.ui.model.graph;

/**
 * What a node of a graph stands for, in the governance domain's words: the records of a lineage,
 * and the nodes and components of an ION in the designer.
 */
public enum NodeKind {
    DATASET("dataset"),
    RUN("run"),
    MODEL("model"),
    POLICY_STEP("policy step"),
    APPROVAL("approval"),
    DEPLOYMENT("deployment"),
    PREDICTION("prediction"),
    /** An ION's training (or ensemble-member training) pipeline. */
    TRAINING_PIPELINE("training pipeline"),
    /** An ION's inference pipeline. */
    INFERENCE_PIPELINE("inference pipeline"),
    /** An ION's control (canary) pipeline. */
    CONTROL_PIPELINE("control pipeline"),
    /** An ION pipeline whose role is not given yet. */
    PIPELINE("pipeline"),
    /** An ION's policy node (approval, threshold check, custom policy). */
    POLICY_NODE("policy"),
    /** A component of a pipeline's DAG (level 1). */
    COMPONENT("component");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    /** The kind as a person reads it. */
    public String label() {
        return label;
    }
}
