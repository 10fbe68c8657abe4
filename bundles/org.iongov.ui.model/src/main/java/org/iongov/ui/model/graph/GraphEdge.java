package org.iongov.ui.model.graph;

import java.util.Objects;

/**
 * A directed edge of a provenance graph, from upstream to downstream.
 *
 * @param from the upstream node's id
 * @param to the downstream node's id
 * @param kind how they are related
 */
public record GraphEdge(String from, String to, EdgeKind kind) {

    public GraphEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
    }
}
