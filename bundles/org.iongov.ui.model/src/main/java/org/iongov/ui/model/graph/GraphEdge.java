package org.iongov.ui.model.graph;

import java.util.Objects;

/**
 * A directed edge of a graph, from upstream to downstream.
 *
 * @param id unique in its graph; edges made without one are named by their ends and kind
 * @param from the upstream node's id
 * @param to the downstream node's id
 * @param kind how they are related
 * @param label drawn beside the edge, may be empty
 */
public record GraphEdge(String id, String from, String to, EdgeKind kind, String label) {

    public GraphEdge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        label = label == null ? "" : label;
    }

    /** An unlabelled edge, one per pair of nodes and kind (a provenance relation). */
    public GraphEdge(String from, String to, EdgeKind kind) {
        this(from + " -" + kind.name() + "-> " + to, from, to, kind, "");
    }
}
