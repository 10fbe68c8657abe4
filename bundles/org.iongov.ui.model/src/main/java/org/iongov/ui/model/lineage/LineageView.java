package org.iongov.ui.model.lineage;

import java.util.Set;

import org.iongov.ui.model.graph.LaidOutGraph;

/**
 * What the lineage explorer shows at one moment, laid out and immutable: computed off the UI
 * thread, drawn on it without going back to the store.
 *
 * @param layout the graph with coordinates
 * @param root the node the explorer started from, or null when nothing is shown
 * @param expandableUpstream nodes with more to show upstream
 * @param expandableDownstream nodes with more to show downstream
 */
public record LineageView(LaidOutGraph layout, String root, Set<String> expandableUpstream, Set<String> expandableDownstream) {

    /** Nothing traced yet. */
    public static final LineageView EMPTY = new LineageView(LaidOutGraph.EMPTY, null, Set.of(), Set.of());

    public LineageView {
        expandableUpstream = Set.copyOf(expandableUpstream);
        expandableDownstream = Set.copyOf(expandableDownstream);
    }
}
