package org.iongov.ui.model.graph;

/**
 * How two nodes of a graph are related; edges point downstream (from cause to effect): the
 * relations of a lineage, and an ION's channels and component inputs.
 */
public enum EdgeKind {
    /** A run read a dataset (dataset to run). */
    READ("read by"),
    /** A run wrote a dataset (run to dataset). */
    WROTE("wrote"),
    /** A run produced a model (run to model). */
    TRAINED("trained"),
    /** A model went through a policy node, or from one policy node to the next. */
    PASSED("passed"),
    /** A person's decision at a policy node (approval to policy step). */
    DECIDED("decided"),
    /** A model (or its last policy step) sent to a pipeline (to a deployment). */
    DEPLOYED("deployed"),
    /** A deployment received by a run, or a model a run received without a recorded message. */
    SERVED("served"),
    /** A run made a prediction (run to prediction). */
    MADE("made"),
    /** An ION channel carrying models. */
    MODEL_CHANNEL("model"),
    /** An ION channel carrying events. */
    EVENT_CHANNEL("event"),
    /** An ION channel carrying statistics. */
    STATISTIC_CHANNEL("statistic"),
    /** A component runs after another (input to component). */
    COMPONENT_INPUT("input");

    private final String label;

    EdgeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
