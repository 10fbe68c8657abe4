package org.iongov.ui.model.graph;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph with coordinates: where each node's box is and the polyline of each edge. Immutable
 * (its graph is a frozen copy, its collections unmodifiable copies, its polylines copied in and
 * out), so the layout can be computed off the UI thread and drawn on it.
 *
 * @param graph the graph that was laid out (a frozen copy: changing it throws)
 * @param boxes each node's box, by node id, in the graph's order
 * @param paths each edge's polyline
 * @param width the width of the whole drawing
 * @param height its height
 */
public record LaidOutGraph(Graph graph, Map<String, Box> boxes, List<EdgePath> paths, double width, double height) {

    /** Nothing to draw. */
    public static final LaidOutGraph EMPTY = new LaidOutGraph(new Graph(), Map.of(), List.of(), 0, 0);

    public LaidOutGraph {
        graph = graph.frozenCopy();
        // The graph's order, which Map.copyOf would not keep.
        boxes = Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
        paths = List.copyOf(paths);
    }

    public Box box(String nodeId) {
        return boxes.get(nodeId);
    }

    /** The topmost node whose box contains the point, or null. */
    public Box boxAt(double x, double y) {
        for (Box b : boxes.values()) {
            if (b.contains(x, y)) {
                return b;
            }
        }
        return null;
    }

    /**
     * A node's box.
     *
     * @param node the node
     * @param x left
     * @param y top
     * @param width width
     * @param height height
     */
    public record Box(GraphNode node, double x, double y, double width, double height) {

        public boolean contains(double px, double py) {
            return px >= x && py >= y && px <= x + width && py <= y + height;
        }

        /** Whether this box overlaps the rectangle. */
        public boolean intersects(double rx, double ry, double rw, double rh) {
            return x < rx + rw && rx < x + width && y < ry + rh && ry < y + height;
        }
    }

    /**
     * An edge's route.
     *
     * @param edge the edge
     * @param points x, y pairs: start, bend points, end (at the target's border)
     */
    public record EdgePath(GraphEdge edge, double[] points) {

        public EdgePath {
            points = points.clone();
        }

        /** A copy of the route's coordinates. */
        @Override
        public double[] points() {
            return points.clone();
        }

        /** How many points the route has. */
        public int size() {
            return points.length / 2;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EdgePath p && edge.equals(p.edge) && Arrays.equals(points, p.points);
        }

        @Override
        public int hashCode() {
            return 31 * edge.hashCode() + Arrays.hashCode(points);
        }

        @Override
        public String toString() {
            return "EdgePath[" + edge + ", " + Arrays.toString(points) + "]";
        }

        /** Whether the route's bounding box overlaps the rectangle. */
        public boolean intersects(double rx, double ry, double rw, double rh) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i + 1 < points.length; i += 2) {
                minX = Math.min(minX, points[i]);
                maxX = Math.max(maxX, points[i]);
                minY = Math.min(minY, points[i + 1]);
                maxY = Math.max(maxY, points[i + 1]);
            }
            return minX <= rx + rw && rx <= maxX && minY <= ry + rh && ry <= maxY;
        }
    }
}
