package org.iongov.ui.model.graph;

/** What a node of a provenance graph stands for, in the governance domain's words. */
public enum NodeKind {
    DATASET("dataset"),
    RUN("run"),
    MODEL("model"),
    POLICY_STEP("policy step"),
    APPROVAL("approval"),
    DEPLOYMENT("deployment"),
    PREDICTION("prediction");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    /** The kind as a person reads it. */
    public String label() {
        return label;
    }
}
