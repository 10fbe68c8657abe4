package org.iongov.ui.model.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a graph out left to right (upstream on the left) with the Eclipse Layout Kernel's layered
 * algorithm: layers of nodes, few crossings, orthogonal edges. Deterministic: the same graph gives
 * the same coordinates. Headless; safe to call from any thread (each call has its own ELK graph).
 */
public final class GraphLayout {

    /** Above this many nodes, ELK's crossing minimisation tries fewer orderings (layout time grows fast with size). */
    static final int LARGE = 500;

    static {
        // ELK copies option defaults (paddings, spacings) through its own reflection registry, which
        // the meta-data service fills; without Eclipse's extension registry nothing else does.
        LayoutMetaDataService.initElkReflect();
    }

    private final double nodeSpacing;
    private final double layerSpacing;

    /** The spacing the workbench uses. */
    public GraphLayout() {
        this(18, 56);
    }

    /**
     * @param nodeSpacing space between boxes in one layer
     * @param layerSpacing space between layers
     */
    public GraphLayout(double nodeSpacing, double layerSpacing) {
        this.nodeSpacing = nodeSpacing;
        this.layerSpacing = layerSpacing;
    }

    public LaidOutGraph layout(Graph source) {
        Graph graph = source.frozenCopy();
        if (graph.size() == 0) {
            return new LaidOutGraph(graph, Map.of(), List.of(), 0, 0);
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, nodeSpacing);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, layerSpacing);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, layerSpacing / 4);
        root.setProperty(LayeredOptions.PADDING, new ElkPadding(20));
        root.setProperty(LayeredOptions.RANDOM_SEED, 1);
        if (graph.size() > LARGE) {
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
        }

        Map<String, ElkNode> elkNodes = new HashMap<>();
        for (GraphNode node : graph.nodes()) {
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(node.id());
            n.setDimensions(node.width(), node.height());
            elkNodes.put(node.id(), n);
        }
        Map<ElkEdge, GraphEdge> elkEdges = new LinkedHashMap<>();
        for (GraphEdge edge : graph.edges()) {
            elkEdges.put(ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to())), edge);
        }

        new LayeredLayoutProvider().layout(root, new BasicProgressMonitor());

        Map<String, LaidOutGraph.Box> boxes = new LinkedHashMap<>();
        for (GraphNode node : graph.nodes()) {
            ElkNode n = elkNodes.get(node.id());
            boxes.put(node.id(), new LaidOutGraph.Box(node, n.getX(), n.getY(), n.getWidth(), n.getHeight()));
        }
        List<LaidOutGraph.EdgePath> paths = new ArrayList<>();
        for (Map.Entry<ElkEdge, GraphEdge> e : elkEdges.entrySet()) {
            if (e.getKey().getSections().isEmpty()) {
                continue;
            }
            // All nodes sit in the root, so section coordinates are already in the drawing's frame.
            ElkEdgeSection section = e.getKey().getSections().get(0);
            double[] points = new double[4 + 2 * section.getBendPoints().size()];
            int i = 0;
            points[i++] = section.getStartX();
            points[i++] = section.getStartY();
            for (ElkBendPoint bend : section.getBendPoints()) {
                points[i++] = bend.getX();
                points[i++] = bend.getY();
            }
            points[i++] = section.getEndX();
            points[i] = section.getEndY();
            paths.add(new LaidOutGraph.EdgePath(e.getValue(), points));
        }
        return new LaidOutGraph(graph, boxes, paths, root.getWidth(), root.getHeight());
    }
}
