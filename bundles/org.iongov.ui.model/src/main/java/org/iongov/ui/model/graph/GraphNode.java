package org.iongov.ui.model.graph;

import java.util.List;
import java.util.Objects;

/**
 * A node of a provenance graph.
 *
 * @param id unique in its graph, e.g. {@code model:m-17}
 * @param kind what it stands for
 * @param label the first line drawn in its box
 * @param sublabel the second line, may be empty
 * @param details what the details table shows when it is selected, in order
 * @param width its box's width
 * @param height its box's height
 */
public record GraphNode(String id, NodeKind kind, String label, String sublabel, List<Detail> details, double width,
        double height) {

    /** Box height for two lines of text. */
    public static final double HEIGHT = 44;
    private static final double MIN_WIDTH = 120;
    private static final double MAX_WIDTH = 240;
    /** Average character width of the workbench's default font, for sizing boxes without a display. */
    private static final double CHAR_WIDTH = 7;

    public GraphNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        label = label == null ? "" : label;
        sublabel = sublabel == null ? "" : sublabel;
        details = List.copyOf(details);
    }

    /** A node whose box fits its text (estimated; the canvas shortens what does not fit). */
    public static GraphNode of(String id, NodeKind kind, String label, String sublabel, List<Detail> details) {
        String l = label == null ? "" : label;
        String s = sublabel == null ? "" : sublabel;
        double width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.max(l.length(), s.length()) * CHAR_WIDTH + 20));
        return new GraphNode(id, kind, l, s, details, width, HEIGHT);
    }

    /** The value of a detail, or null. */
    public String detail(String name) {
        for (Detail d : details) {
            if (d.name().equals(name)) {
                return d.value();
            }
        }
        return null;
    }

    /** One row of a node's details. */
    public record Detail(String name, String value) {

        public Detail {
            Objects.requireNonNull(name, "name");
            value = value == null ? "" : value;
        }
    }
}
