package org.iongov.internal.ui.graph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.graph.Viewport;

/**
 * Draws a laid-out graph ({@link LaidOutGraph}) with plain SWT: a box per node, coloured by its
 * kind, with two lines of text; edges with arrow heads; the selection outlined; a "+" on a side of
 * a box with more to show in that direction. Zoom with Ctrl+wheel or +/-, fit with 0 (or
 * {@link #fitToView()}); scroll with the scroll bars, the wheel, the arrow keys or by dragging the
 * background; Enter or a double-click opens the selected node. Only what is in view is painted,
 * so graphs of thousands of nodes stay responsive. A reusable widget (the lineage explorer, the
 * ION designer): it knows graphs, not lineage. A graph changed around a node
 * ({@link #updateGraph}) keeps the zoom and that node's place on the screen.
 */
public final class GraphCanvas extends Canvas {

    private static final double MIN_ZOOM = 0.05;
    private static final double MAX_ZOOM = 4;
    /** Below this zoom the text would be unreadable: boxes only. */
    private static final double TEXT_ZOOM = 0.4;
    /** A new graph is shown at least this large (scrolled if it does not fit), so its text can be read. */
    private static final double READABLE_ZOOM = 0.75;
    private static final int ARROW = 7;

    private LaidOutGraph graph = LaidOutGraph.EMPTY;
    private Set<String> expandableUpstream = Set.of();
    private Set<String> expandableDownstream = Set.of();
    private double zoom = 1;
    private String selection;
    private Point dragFrom;
    private Point dragOrigin;
    private int paintedNodes;
    private long lastPaintNanos;
    private long paints;

    private final List<Consumer<GraphNode>> selectionListeners = new ArrayList<>();
    private final List<Consumer<GraphNode>> openListeners = new ArrayList<>();
    private final Map<NodeKind, Color> fills = new EnumMap<>(NodeKind.class);
    private final Color border;
    private final Color edge;
    private final Color selected;
    private final Color text;
    private final Color subtext;
    private final Color background;
    private final Font bold;

    public GraphCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.H_SCROLL | SWT.V_SCROLL | SWT.NO_REDRAW_RESIZE);
        fills.put(NodeKind.DATASET, new Color(new RGB(214, 232, 252)));
        fills.put(NodeKind.RUN, new Color(new RGB(222, 240, 212)));
        fills.put(NodeKind.MODEL, new Color(new RGB(255, 228, 190)));
        fills.put(NodeKind.POLICY_STEP, new Color(new RGB(234, 222, 247)));
        fills.put(NodeKind.APPROVAL, new Color(new RGB(252, 222, 232)));
        fills.put(NodeKind.DEPLOYMENT, new Color(new RGB(212, 240, 238)));
        fills.put(NodeKind.PREDICTION, new Color(new RGB(255, 246, 184)));
        border = new Color(new RGB(110, 110, 110));
        edge = new Color(new RGB(120, 120, 120));
        selected = new Color(new RGB(0, 96, 200));
        text = new Color(new RGB(20, 20, 20));
        subtext = new Color(new RGB(90, 90, 90));
        background = new Color(new RGB(252, 252, 252));
        FontData[] data = getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(getDisplay(), data);
        setBackground(background);

        addListener(SWT.Paint, this::paint);
        addListener(SWT.Resize, e -> updateScrollBars());
        getHorizontalBar().addListener(SWT.Selection, e -> redraw());
        getVerticalBar().addListener(SWT.Selection, e -> redraw());
        addListener(SWT.MouseDown, this::mouseDown);
        addListener(SWT.MouseMove, this::mouseMove);
        addListener(SWT.MouseUp, e -> dragFrom = null);
        addListener(SWT.MouseDoubleClick, this::mouseDoubleClick);
        addListener(SWT.MouseVerticalWheel, this::wheel);
        addListener(SWT.KeyDown, this::key);
        addListener(SWT.MenuDetect, this::menuDetect);
        // Colours made without a device hold no system resources; the font does.
        addListener(SWT.Dispose, e -> bold.dispose());
    }

    // ---- what is shown ----

    /**
     * Shows a new graph, keeping the selection if its node is still there, at a zoom that fits it
     * when that is not too small to read, else at 100 % around the selection.
     */
    public void setGraph(LaidOutGraph laidOut, Set<String> upstream, Set<String> downstream) {
        checkWidget();
        graph = laidOut == null ? LaidOutGraph.EMPTY : laidOut;
        expandableUpstream = upstream == null ? Set.of() : upstream;
        expandableDownstream = downstream == null ? Set.of() : downstream;
        if (selection != null && graph.box(selection) == null) {
            selection = null;
        }
        double fit = fitZoom();
        zoom = Math.max(READABLE_ZOOM, Math.min(1, fit));
        updateScrollBars();
        if (selection != null) {
            reveal(selection);
        }
        redraw();
    }

    public void setGraph(LaidOutGraph laidOut) {
        setGraph(laidOut, Set.of(), Set.of());
    }

    /**
     * Shows the graph laid out anew after a change around a node (expanded, collapsed) at the same
     * zoom, with that node drawn where it was when it can be, else scrolled into view.
     *
     * @param anchor the node to keep in place, usually the selection
     */
    public void updateGraph(LaidOutGraph laidOut, Set<String> upstream, Set<String> downstream, String anchor) {
        checkWidget();
        LaidOutGraph.Box before = anchor == null ? null : graph.box(anchor);
        Point origin = origin();
        graph = laidOut == null ? LaidOutGraph.EMPTY : laidOut;
        expandableUpstream = upstream == null ? Set.of() : upstream;
        expandableDownstream = downstream == null ? Set.of() : downstream;
        if (selection != null && graph.box(selection) == null) {
            selection = null;
        }
        updateScrollBars();
        LaidOutGraph.Box after = anchor == null ? null : graph.box(anchor);
        if (before != null && after != null) {
            Rectangle area = getClientArea();
            Viewport.Origin kept = Viewport.keepInPlace(before, new Viewport.Origin(origin.x, origin.y), after, zoom, area.width,
                    area.height, graph.width(), graph.height());
            getHorizontalBar().setSelection(kept.x());
            getVerticalBar().setSelection(kept.y());
        } else if (after != null) {
            reveal(anchor);
        }
        redraw();
    }

    public LaidOutGraph graph() {
        return graph;
    }

    public double zoom() {
        return zoom;
    }

    public void setZoom(double newZoom) {
        checkWidget();
        Rectangle area = getClientArea();
        zoomAt(newZoom, area.width / 2, area.height / 2);
    }

    /** Zooms so that the whole graph is visible. */
    public void fitToView() {
        checkWidget();
        zoom = fitZoom();
        updateScrollBars();
        getHorizontalBar().setSelection(0);
        getVerticalBar().setSelection(0);
        redraw();
    }

    private double fitZoom() {
        Rectangle area = getClientArea();
        if (graph.width() <= 0 || graph.height() <= 0 || area.width <= 0 || area.height <= 0) {
            return 1;
        }
        return clampZoom(Math.min(1, Math.min(area.width / graph.width(), area.height / graph.height())));
    }

    private static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    /** The selected node's id, or null. */
    public String selection() {
        return selection;
    }

    /** Selects a node (null for none) and tells the selection listeners. */
    public void select(String nodeId) {
        checkWidget();
        LaidOutGraph.Box box = nodeId == null ? null : graph.box(nodeId);
        selection = box == null ? null : nodeId;
        redraw();
        GraphNode node = box == null ? null : box.node();
        for (Consumer<GraphNode> l : List.copyOf(selectionListeners)) {
            l.accept(node);
        }
    }

    /** Scrolls so that the node is visible. */
    public void reveal(String nodeId) {
        LaidOutGraph.Box box = graph.box(nodeId);
        if (box == null) {
            return;
        }
        Rectangle area = getClientArea();
        int x = (int) ((box.x() + box.width() / 2) * zoom) - area.width / 2;
        int y = (int) ((box.y() + box.height() / 2) * zoom) - area.height / 2;
        getHorizontalBar().setSelection(Math.max(0, x));
        getVerticalBar().setSelection(Math.max(0, y));
        redraw();
    }

    /** Called with the node (or null) whenever the selection changes. */
    public void addSelectionListener(Consumer<GraphNode> listener) {
        selectionListeners.add(listener);
    }

    /** Called with the node that was double-clicked (or opened with Enter). */
    public void addOpenListener(Consumer<GraphNode> listener) {
        openListeners.add(listener);
    }

    /** The node drawn at a point of the control, or null. */
    public GraphNode nodeAt(int x, int y) {
        Point origin = origin();
        LaidOutGraph.Box box = graph.boxAt((x + origin.x) / zoom, (y + origin.y) / zoom);
        return box == null ? null : box.node();
    }

    /** Where a node's box is drawn now, in the control's coordinates (null when not in the graph). */
    public Rectangle boundsOf(String nodeId) {
        LaidOutGraph.Box box = graph.box(nodeId);
        if (box == null) {
            return null;
        }
        Point origin = origin();
        return new Rectangle((int) Math.round(box.x() * zoom) - origin.x, (int) Math.round(box.y() * zoom) - origin.y,
                (int) Math.round(box.width() * zoom), (int) Math.round(box.height() * zoom));
    }

    /** How many node boxes the last paint drew (only those in view are). */
    public int paintedNodes() {
        return paintedNodes;
    }

    /** How many times the canvas was painted so far. */
    public long paints() {
        return paints;
    }

    /** How long the last paint took. */
    public long lastPaintNanos() {
        return lastPaintNanos;
    }

    // ---- painting ----

    private Point origin() {
        return new Point(getHorizontalBar().getSelection(), getVerticalBar().getSelection());
    }

    private void paint(Event e) {
        long start = System.nanoTime();
        GC gc = e.gc;
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        Point origin = origin();
        // The part of the drawing in the damaged area, in graph coordinates.
        double vx = (e.x + origin.x) / zoom;
        double vy = (e.y + origin.y) / zoom;
        double vw = e.width / zoom;
        double vh = e.height / zoom;
        Transform transform = new Transform(getDisplay());
        try {
            transform.translate(-origin.x, -origin.y);
            transform.scale((float) zoom, (float) zoom);
            gc.setTransform(transform);
            gc.setLineWidth(1);
            gc.setForeground(edge);
            gc.setBackground(edge);
            for (LaidOutGraph.EdgePath path : graph.paths()) {
                if (path.intersects(vx - ARROW, vy - ARROW, vw + 2 * ARROW, vh + 2 * ARROW)) {
                    drawEdge(gc, path.points());
                }
            }
            boolean withText = zoom >= TEXT_ZOOM;
            int lineHeight = withText ? gc.getFontMetrics().getHeight() : 0;
            double charWidth = withText ? gc.getFontMetrics().getAverageCharacterWidth() : 1;
            int painted = 0;
            for (LaidOutGraph.Box box : graph.boxes().values()) {
                if (box.intersects(vx, vy, vw, vh)) {
                    drawNode(gc, box, withText, lineHeight, charWidth);
                    painted++;
                }
            }
            paintedNodes = painted;
            gc.setTransform(null);
        } finally {
            transform.dispose();
        }
        lastPaintNanos = System.nanoTime() - start;
        paints++;
    }

    private static void drawEdge(GC gc, double[] points) {
        int[] xy = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            xy[i] = (int) Math.round(points[i]);
        }
        gc.drawPolyline(xy);
        int n = xy.length;
        double dx = points[n - 2] - points[n - 4];
        double dy = points[n - 1] - points[n - 3];
        double length = Math.hypot(dx, dy);
        if (length == 0) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        int tipX = xy[n - 2];
        int tipY = xy[n - 1];
        gc.fillPolygon(new int[] { tipX, tipY, (int) Math.round(tipX - ARROW * ux + ARROW / 2.0 * uy),
                (int) Math.round(tipY - ARROW * uy - ARROW / 2.0 * ux), (int) Math.round(tipX - ARROW * ux - ARROW / 2.0 * uy),
                (int) Math.round(tipY - ARROW * uy + ARROW / 2.0 * ux) });
    }

    private void drawNode(GC gc, LaidOutGraph.Box box, boolean withText, int lineHeight, double charWidth) {
        int x = (int) Math.round(box.x());
        int y = (int) Math.round(box.y());
        int w = (int) Math.round(box.width());
        int h = (int) Math.round(box.height());
        GraphNode node = box.node();
        gc.setBackground(fills.get(node.kind()));
        gc.fillRoundRectangle(x, y, w, h, 8, 8);
        boolean isSelected = node.id().equals(selection);
        gc.setForeground(isSelected ? selected : border);
        gc.setLineWidth(isSelected ? 3 : 1);
        gc.drawRoundRectangle(x, y, w, h, 8, 8);
        gc.setLineWidth(1);
        if (expandableUpstream.contains(node.id())) {
            drawMore(gc, x, y + h / 2);
        }
        if (expandableDownstream.contains(node.id())) {
            drawMore(gc, x + w, y + h / 2);
        }
        if (!withText) {
            return;
        }
        int maxChars = Math.max(1, (int) ((w - 14) / charWidth));
        int top = y + Math.max(2, (h - 2 * lineHeight) / 2);
        gc.setFont(bold);
        gc.setForeground(text);
        gc.drawString(shorten(node.label(), maxChars - 1), x + 7, top, true);
        gc.setFont(getFont());
        gc.setForeground(subtext);
        gc.drawString(shorten(node.sublabel(), maxChars), x + 7, top + lineHeight, true);
    }

    /** A small "+" on a box's side: more to show in that direction. */
    private void drawMore(GC gc, int cx, int cy) {
        gc.setBackground(background);
        gc.fillOval(cx - 5, cy - 5, 10, 10);
        gc.setForeground(border);
        gc.drawOval(cx - 5, cy - 5, 10, 10);
        gc.drawLine(cx - 3, cy, cx + 3, cy);
        gc.drawLine(cx, cy - 3, cx, cy + 3);
    }

    static String shorten(String s, int maxChars) {
        if (s.length() <= maxChars) {
            return s;
        }
        return maxChars <= 1 ? "…" : s.substring(0, maxChars - 1) + "…";
    }

    // ---- scrolling and zooming ----

    private void updateScrollBars() {
        Rectangle area = getClientArea();
        configure(getHorizontalBar(), (int) Math.ceil(graph.width() * zoom), area.width);
        configure(getVerticalBar(), (int) Math.ceil(graph.height() * zoom), area.height);
    }

    private static void configure(ScrollBar bar, int content, int visible) {
        int selection = bar.getSelection();
        bar.setMaximum(Math.max(1, content));
        bar.setThumb(Math.max(1, Math.min(content, visible)));
        bar.setPageIncrement(Math.max(1, visible * 9 / 10));
        bar.setIncrement(20);
        bar.setSelection(Math.min(selection, Math.max(0, content - visible)));
        bar.setVisible(content > visible);
    }

    /** Zooms keeping the graph point under (x, y) in place. */
    private void zoomAt(double newZoom, int x, int y) {
        double z = clampZoom(newZoom);
        Point origin = origin();
        double gx = (x + origin.x) / zoom;
        double gy = (y + origin.y) / zoom;
        zoom = z;
        updateScrollBars();
        getHorizontalBar().setSelection(Math.max(0, (int) Math.round(gx * zoom - x)));
        getVerticalBar().setSelection(Math.max(0, (int) Math.round(gy * zoom - y)));
        redraw();
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0) {
            zoomAt(zoom * (e.count > 0 ? 1.2 : 1 / 1.2), e.x, e.y);
            e.doit = false;
        }
    }

    private void key(Event e) {
        switch (e.keyCode) {
            case SWT.ARROW_LEFT -> scrollBy(-40, 0);
            case SWT.ARROW_RIGHT -> scrollBy(40, 0);
            case SWT.ARROW_UP -> scrollBy(0, -40);
            case SWT.ARROW_DOWN -> scrollBy(0, 40);
            default -> {
                // characters below
            }
        }
        switch (e.character) {
            case '+', '=' -> setZoom(zoom * 1.25);
            case '-' -> setZoom(zoom / 1.25);
            case '0' -> fitToView();
            case SWT.CR -> {
                if (selection != null) {
                    open(graph.box(selection).node());
                }
            }
            default -> {
                // other keys: the scroll bars' own handling
            }
        }
    }

    private void scrollBy(int dx, int dy) {
        getHorizontalBar().setSelection(Math.max(0, getHorizontalBar().getSelection() + dx));
        getVerticalBar().setSelection(Math.max(0, getVerticalBar().getSelection() + dy));
        redraw();
    }

    // ---- mouse ----

    private void mouseDown(Event e) {
        setFocus();
        if (e.button != 1 && e.button != 3) {
            return;
        }
        GraphNode node = nodeAt(e.x, e.y);
        if (node != null) {
            select(node.id());
        } else if (e.button == 1) {
            dragFrom = new Point(e.x, e.y);
            dragOrigin = origin();
        }
    }

    private void mouseMove(Event e) {
        if (dragFrom == null || (e.stateMask & SWT.BUTTON1) == 0) {
            dragFrom = null;
            return;
        }
        getHorizontalBar().setSelection(Math.max(0, dragOrigin.x - (e.x - dragFrom.x)));
        getVerticalBar().setSelection(Math.max(0, dragOrigin.y - (e.y - dragFrom.y)));
        redraw();
    }

    private void mouseDoubleClick(Event e) {
        GraphNode node = nodeAt(e.x, e.y);
        if (node != null) {
            open(node);
        }
    }

    private void menuDetect(Event e) {
        // A right-click selects what is under it, so the context menu acts on that node.
        Point p = toControl(e.x, e.y);
        GraphNode node = nodeAt(p.x, p.y);
        if (node != null && !node.id().equals(selection)) {
            select(node.id());
        }
    }

    private void open(GraphNode node) {
        for (Consumer<GraphNode> l : List.copyOf(openListeners)) {
            l.accept(node);
        }
    }
}
