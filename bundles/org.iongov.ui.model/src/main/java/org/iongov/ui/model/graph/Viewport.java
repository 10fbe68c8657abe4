package org.iongov.ui.model.graph;

/**
 * Where a zoomed, scrolled view of a laid-out graph looks, in the view's pixels: what keeps a
 * node in place when the graph around it changes (a node expanded or collapsed is laid out
 * anew, and would otherwise jump away from under the pointer).
 */
public final class Viewport {

    private Viewport() {
    }

    /**
     * A scroll position: the drawing's pixel at the view's top left corner.
     *
     * @param x horizontal, from the drawing's left edge
     * @param y vertical, from its top
     */
    public record Origin(int x, int y) {
    }

    /**
     * The scroll position that draws a node's new box where its old box was drawn, within what
     * can be scrolled to; when the box would still not be wholly in view there, the position that
     * centres it.
     *
     * @param before the node's box in the old layout
     * @param origin the old scroll position
     * @param after the node's box in the new layout
     * @param zoom the zoom, unchanged
     * @param viewWidth the view's width in pixels
     * @param viewHeight its height
     * @param graphWidth the new layout's width, unzoomed
     * @param graphHeight its height, unzoomed
     */
    public static Origin keepInPlace(LaidOutGraph.Box before, Origin origin, LaidOutGraph.Box after, double zoom, int viewWidth,
            int viewHeight, double graphWidth, double graphHeight) {
        int maxX = Math.max(0, (int) Math.ceil(graphWidth * zoom) - viewWidth);
        int maxY = Math.max(0, (int) Math.ceil(graphHeight * zoom) - viewHeight);
        int x = clamp((int) Math.round(after.x() * zoom - (before.x() * zoom - origin.x())), maxX);
        int y = clamp((int) Math.round(after.y() * zoom - (before.y() * zoom - origin.y())), maxY);
        if (!inView(after, x, y, zoom, viewWidth, viewHeight)) {
            x = clamp((int) Math.round((after.x() + after.width() / 2) * zoom - viewWidth / 2.0), maxX);
            y = clamp((int) Math.round((after.y() + after.height() / 2) * zoom - viewHeight / 2.0), maxY);
        }
        return new Origin(x, y);
    }

    /** Whether the box is drawn wholly inside the view from this scroll position (or fills it, when larger). */
    public static boolean inView(LaidOutGraph.Box box, int originX, int originY, double zoom, int viewWidth, int viewHeight) {
        double left = box.x() * zoom - originX;
        double top = box.y() * zoom - originY;
        double right = left + Math.min(box.width() * zoom, viewWidth);
        double bottom = top + Math.min(box.height() * zoom, viewHeight);
        return left >= -0.5 && top >= -0.5 && right <= viewWidth + 0.5 && bottom <= viewHeight + 0.5;
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
