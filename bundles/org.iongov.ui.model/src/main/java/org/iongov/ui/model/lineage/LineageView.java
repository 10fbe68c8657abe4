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
 * @param collapsibleUpstream nodes whose upstream can be hidden (something is there besides the path to the start)
 * @param collapsibleDownstream nodes whose downstream can be hidden
 */
public record LineageView(LaidOutGraph layout, String root, Set<String> expandableUpstream, Set<String> expandableDownstream,
        Set<String> collapsibleUpstream, Set<String> collapsibleDownstream) {

    /** Nothing traced yet. */
    public static final LineageView EMPTY = new LineageView(LaidOutGraph.EMPTY, null, Set.of(), Set.of(), Set.of(), Set.of());

    public LineageView {
        expandableUpstream = Set.copyOf(expandableUpstream);
        expandableDownstream = Set.copyOf(expandableDownstream);
        collapsibleUpstream = Set.copyOf(collapsibleUpstream);
        collapsibleDownstream = Set.copyOf(collapsibleDownstream);
    }

    /** Whether the node is shown and has more to show in that direction. */
    public boolean canExpand(String nodeId, boolean upstream) {
        return nodeId != null && (upstream ? expandableUpstream : expandableDownstream).contains(nodeId);
    }

    /** Whether the node is shown and collapsing in that direction would hide something. */
    public boolean canCollapse(String nodeId, boolean upstream) {
        return nodeId != null && (upstream ? collapsibleUpstream : collapsibleDownstream).contains(nodeId);
    }
}
