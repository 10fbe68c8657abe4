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

    /** The route of an edge, or null. */
    public EdgePath path(String edgeId) {
        for (EdgePath p : paths) {
            if (p.edge().id().equals(edgeId)) {
                return p;
            }
        }
        return null;
    }

    /** The edge whose route passes within {@code tolerance} of the point (the nearest), or null. */
    public EdgePath pathAt(double x, double y, double tolerance) {
        EdgePath nearest = null;
        double best = tolerance;
        for (EdgePath p : paths) {
            double d = p.distance(x, y);
            if (d <= best) {
                best = d;
                nearest = p;
            }
        }
        return nearest;
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

        /** The distance from a point to the route. */
        public double distance(double px, double py) {
            double best = Double.MAX_VALUE;
            for (int i = 0; i + 3 < points.length; i += 2) {
                best = Math.min(best, segmentDistance(px, py, points[i], points[i + 1], points[i + 2], points[i + 3]));
            }
            return best;
        }

        private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
            double dx = bx - ax;
            double dy = by - ay;
            double length2 = dx * dx + dy * dy;
            double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
            return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
        }

        /** The point halfway along the route (where its label goes), as {x, y}. */
        public double[] middle() {
            double total = 0;
            for (int i = 0; i + 3 < points.length; i += 2) {
                total += Math.hypot(points[i + 2] - points[i], points[i + 3] - points[i + 1]);
            }
            double remaining = total / 2;
            for (int i = 0; i + 3 < points.length; i += 2) {
                double segment = Math.hypot(points[i + 2] - points[i], points[i + 3] - points[i + 1]);
                if (segment >= remaining && segment > 0) {
                    double t = remaining / segment;
                    return new double[] { points[i] + t * (points[i + 2] - points[i]), points[i + 1] + t * (points[i + 3] - points[i + 1]) };
                }
                remaining -= segment;
            }
            return new double[] { points[0], points[1] };
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
