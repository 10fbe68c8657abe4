package org.iongov.internal.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.iongov.core.metadata.MessageRecord.MessageType;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.timeline.IonTimeline;
import org.iongov.ui.model.timeline.IonTimelinePresenter;
import org.iongov.ui.model.timeline.IonTimelinePresenter.ArrowLine;
import org.iongov.ui.model.timeline.IonTimelinePresenter.BarBox;
import org.iongov.ui.model.timeline.IonTimelinePresenter.Hit;
import org.iongov.ui.model.timeline.IonTimelinePresenter.Layout;
import org.iongov.ui.model.timeline.IonTimelinePresenter.LaneBox;
import org.iongov.ui.model.timeline.IonTimelinePresenter.Metrics;
import org.iongov.ui.model.timeline.TimeAxis;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * An ION instance over time, as the paper's Figure 3 draws it: one lane per node, its runs as
 * bars, the messages between them as arrows. Turn the mouse wheel to zoom around the pointer,
 * drag to pan; click a model's arrow or a run's bar to trace it in the lineage explorer. Reads
 * the store in a job; the layout and hit testing are {@link IonTimelinePresenter}'s.
 */
public final class IonTimelinePart {

    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.iontimeline";
    static final String EMPTY_MESSAGE = "No runs are recorded in this store yet.";
    /** Event topic other views post an instance id to, to show its timeline here (show the part first). */
    public static final String TOPIC_SHOW = "org/iongov/ui/iontimeline/show";
    private static final Metrics METRICS = Metrics.DEFAULT;
    private static final double ZOOM_STEP = 1.5;

    private GovernanceStore store;
    @Inject
    EPartService parts;
    @Inject
    IEventBroker events;

    private IonTimelinePresenter presenter;
    private PartJobs jobs;
    private Label message;
    private InstanceCombo instance;
    private Canvas canvas;
    private IonTimeline timeline;
    private TimeAxis axis;
    private Layout layout;
    private Hit hover;
    private Point dragFrom;
    private boolean dragged;
    private String lastTraced;
    private long paints;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (presenter == null) {
            return; // the controls are made next, with this store
        }
        jobs.restart();
        presenter = new IonTimelinePresenter(newStore);
        timeline = null;
        canvas.redraw();
        loadInstances();
    }

    @PostConstruct
    void createControls(Composite parent) {
        presenter = new IonTimelinePresenter(store);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "ION timeline");
        message = PartHeader.message(parent, EMPTY_MESSAGE);
        jobs = new PartJobs(parent);

        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout rowLayout = new GridLayout(6, false);
        rowLayout.marginWidth = 0;
        row.setLayout(rowLayout);
        instance = new InstanceCombo(row, 280, this::loadTimeline);
        button(row, "Zoom in", () -> zoom(ZOOM_STEP, plotCenter()));
        button(row, "Zoom out", () -> zoom(1 / ZOOM_STEP, plotCenter()));
        button(row, "Fit", this::fit);
        button(row, "Refresh", this::refresh);

        canvas = new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.MouseVerticalWheel, e -> zoom(e.count > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, e.x));
        canvas.addListener(SWT.MouseDown, e -> {
            if (e.button == 1) {
                dragFrom = new Point(e.x, e.y);
                dragged = false;
            }
        });
        canvas.addListener(SWT.MouseMove, this::mouseMoved);
        canvas.addListener(SWT.MouseUp, e -> {
            if (e.button == 1 && dragFrom != null && !dragged) {
                click(e.x, e.y);
            }
            dragFrom = null;
        });
        loadInstances();
    }

    @Focus
    void focus() {
        canvas.setFocus();
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    // ---- loading (jobs) ----

    /** Re-reads the instances and the chosen instance's timeline. */
    public void refresh() {
        loadInstances();
    }

    private void loadInstances() {
        instance.load(jobs, presenter::instances, this::loadTimeline, EMPTY_MESSAGE, this::setMessage);
    }

    private void loadTimeline() {
        String id = instance.selected();
        if (id == null) {
            return;
        }
        boolean sameInstance = timeline != null && timeline.instance().id().equals(id);
        jobs.run("Reading the timeline of " + id, () -> presenter.load(id), loaded -> {
            timeline = loaded;
            if (!sameInstance || axis == null) {
                fit();
            } else {
                canvas.redraw();
            }
            int runs = loaded.lanes().stream().mapToInt(l -> l.runs().size()).sum();
            setMessage(String.format("%s (%s): %d nodes, %d runs, %d messages%s. Wheel to zoom, drag to pan, click a model or run to trace it.",
                    id, loaded.instance().ionName(), loaded.lanes().size(), runs, loaded.arrows().size(),
                    loaded.truncated() ? " (only the first " + IonTimelinePresenter.MAX_ITEMS + " of each are shown)" : ""));
        }, this::setMessage);
    }

    /** Shows an instance's timeline sent by another view ({@link #TOPIC_SHOW}), once this part's own reads are shown. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void showRequested(@UIEventTopic(TOPIC_SHOW) String instanceId) {
        if (canvas != null && !canvas.isDisposed() && instanceId != null) {
            jobs.whenIdle(() -> show(instanceId));
        }
    }

    /**
     * Selects an instance as a person would with the combo, and loads its timeline; an instance
     * recorded since the instances were read is found by reading them again.
     */
    public void show(String instanceId) {
        if (instance.select(instanceId)) {
            loadTimeline();
            return;
        }
        instance.load(jobs, presenter::instances, () -> {
            if (instance.select(instanceId)) {
                loadTimeline();
            } else {
                setMessage("No ION instance '" + instanceId + "' is recorded in this store.");
            }
        }, "No ION instance '" + instanceId + "' is recorded in this store.", this::setMessage);
    }

    // ---- zoom, pan, click ----

    /** Shows the whole timeline. */
    public void fit() {
        if (timeline == null) {
            return;
        }
        TimeRange extent = IonTimelinePresenter.extent(timeline, Instant.now());
        axis = TimeAxis.of(extent.from(), extent.to(), METRICS.labelWidth(), plotWidth());
        canvas.redraw();
    }

    /** Zooms by a factor (above 1 zooms in) around x. */
    public void zoom(double factor, double x) {
        if (axis != null) {
            axis = currentAxis().zoom(factor, Math.max(METRICS.labelWidth(), x));
            canvas.redraw();
        }
    }

    private double plotCenter() {
        return METRICS.labelWidth() + plotWidth() / 2.0;
    }

    private void mouseMoved(Event e) {
        if (dragFrom != null && (dragged || Math.abs(e.x - dragFrom.x) > 3)) {
            if (axis != null) {
                axis = currentAxis().pan(e.x - dragFrom.x);
            }
            dragFrom = new Point(e.x, e.y);
            dragged = true;
            canvas.redraw();
            return;
        }
        Hit hit = layout == null ? null : layout.hit(e.x, e.y).orElse(null);
        if (!same(hit, hover)) {
            hover = hit;
            canvas.setToolTipText(hit == null ? null : hit.describe());
            canvas.redraw();
        }
    }

    private static boolean same(Hit a, Hit b) {
        return a == null ? b == null : b != null && a.traceId().equals(b.traceId()) && (a.arrow() == null) == (b.arrow() == null);
    }

    /** Traces what is at (x, y) in the lineage explorer: a message's model (else its sender run), a run. */
    void click(int x, int y) {
        Optional<Hit> hit = layout == null ? Optional.empty() : layout.hit(x, y);
        if (hit.isEmpty()) {
            return;
        }
        lastTraced = hit.get().traceId();
        parts.showPart(LineageExplorerPart.ID, PartState.ACTIVATE);
        events.post(LineageExplorerPart.TOPIC_TRACE, lastTraced);
    }

    // ---- painting ----

    private int plotWidth() {
        return Math.max(50, canvas.getClientArea().width - METRICS.labelWidth() - 12);
    }

    private TimeAxis currentAxis() {
        return axis.width() == plotWidth() ? axis : axis.withWidth(METRICS.labelWidth(), plotWidth());
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        var display = canvas.getDisplay();
        gc.setBackground(display.getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        paints++;
        if (timeline == null || axis == null) {
            return;
        }
        axis = currentAxis();
        layout = IonTimelinePresenter.layout(timeline, axis, METRICS, Instant.now());
        gc.setAntialias(SWT.ON);
        Color laneShade = new Color(0xF4, 0xF6, 0xF8);
        Color grid = new Color(0xE2, 0xE4, 0xE8);
        Color modelColour = new Color(0x1F, 0x4E, 0x99);
        Color eventColour = new Color(0xD9, 0x78, 0x1E);
        Color otherColour = new Color(0x70, 0x70, 0x70);
        int right = area.width;

        for (LaneBox lane : layout.lanes()) {
            if (lane.index() % 2 == 0) {
                gc.setBackground(laneShade);
                gc.fillRectangle(0, lane.top(), right, lane.height());
            }
        }
        gc.setClipping(METRICS.labelWidth(), 0, right - METRICS.labelWidth(), layout.height());
        gc.setForeground(grid);
        gc.setLineWidth(1);
        for (TimeAxis.Tick tick : axis.ticks(90, ZoneId.systemDefault())) {
            int x = (int) Math.round(tick.x());
            gc.drawLine(x, METRICS.axisHeight() - 6, x, layout.height());
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawString(tick.label(), x + 3, 6, true);
            gc.setForeground(grid);
        }
        for (BarBox bar : layout.bars()) {
            gc.setBackground(statusColour(bar));
            Rectangle r = rectangle(bar);
            gc.fillRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
            boolean hovered = hover != null && hover.bar() != null && hover.bar().run().runId().equals(bar.run().runId());
            gc.setForeground(display.getSystemColor(hovered ? SWT.COLOR_BLACK : SWT.COLOR_GRAY));
            gc.setLineWidth(hovered ? 2 : 1);
            gc.drawRoundRectangle(r.x, r.y, r.width, r.height, 6, 6);
            Point text = gc.textExtent(bar.run().runId());
            if (text.x + 8 < r.width) {
                gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
                gc.drawString(bar.run().runId(), r.x + 4, r.y + (r.height - text.y) / 2, true);
            }
        }
        for (ArrowLine arrow : layout.arrows()) {
            boolean hovered = hover != null && hover.arrow() != null && hover.arrow().arrow().messageId().equals(arrow.arrow().messageId());
            Color colour = arrow.arrow().type() == MessageType.MODEL ? modelColour : arrow.arrow().type() == MessageType.EVENT ? eventColour
                    : otherColour;
            gc.setForeground(colour);
            gc.setBackground(colour);
            gc.setLineWidth(hovered ? 3 : 2);
            gc.setLineStyle(arrow.received() ? SWT.LINE_SOLID : SWT.LINE_DASH);
            gc.drawLine((int) arrow.x1(), (int) arrow.y1(), (int) arrow.x2(), (int) arrow.y2());
            gc.setLineStyle(SWT.LINE_SOLID);
            gc.fillOval((int) arrow.x1() - 3, (int) arrow.y1() - 3, 6, 6);
            arrowHead(gc, arrow);
        }
        gc.setClipping((Rectangle) null);

        // Lane labels over the left margin, the axis line under the ticks.
        gc.setBackground(display.getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(0, 0, METRICS.labelWidth(), layout.height());
        gc.setForeground(grid);
        gc.drawLine(METRICS.labelWidth(), METRICS.axisHeight(), right, METRICS.axisHeight());
        for (LaneBox lane : layout.lanes()) {
            gc.setForeground(display.getSystemColor(SWT.COLOR_BLACK));
            gc.setFont(JFaceResources.getBannerFont());
            gc.drawString(lane.lane().node(), 8, lane.top() + 8, true);
            gc.setFont(JFaceResources.getDefaultFont());
            gc.setForeground(display.getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawString(lane.lane().role() == null ? "" : lane.lane().role(), 8, lane.top() + 28, true);
            gc.setForeground(grid);
            gc.drawLine(0, lane.top() + lane.height() - 1, right, lane.top() + lane.height() - 1);
        }
        laneShade.dispose();
        grid.dispose();
        modelColour.dispose();
        eventColour.dispose();
        otherColour.dispose();
    }

    private Color statusColour(BarBox bar) {
        var display = canvas.getDisplay();
        return switch (bar.run().status()) {
        case RUNNING -> display.getSystemColor(SWT.COLOR_DARK_CYAN);
        case SUCCEEDED -> display.getSystemColor(SWT.COLOR_DARK_GREEN);
        case FAILED -> display.getSystemColor(SWT.COLOR_DARK_RED);
        case CANCELLED -> display.getSystemColor(SWT.COLOR_GRAY);
        };
    }

    private static Rectangle rectangle(BarBox bar) {
        int x = (int) Math.round(bar.x());
        return new Rectangle(x, (int) Math.round(bar.y()), Math.max(3, (int) Math.round(bar.x() + bar.width()) - x),
                (int) Math.round(bar.height()));
    }

    private static void arrowHead(GC gc, ArrowLine arrow) {
        double angle = Math.atan2(arrow.y2() - arrow.y1(), arrow.x2() - arrow.x1());
        double size = 9;
        int[] head = { (int) arrow.x2(), (int) arrow.y2(), (int) (arrow.x2() - size * Math.cos(angle - 0.4)),
                (int) (arrow.y2() - size * Math.sin(angle - 0.4)), (int) (arrow.x2() - size * Math.cos(angle + 0.4)),
                (int) (arrow.y2() - size * Math.sin(angle + 0.4)) };
        gc.fillPolygon(head);
    }

    private void setMessage(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    // ---- for tests ----

    public String message() {
        return message.getText();
    }

    /** The timeline shown, null before one is read. */
    public IonTimeline timeline() {
        return timeline;
    }

    /** The layout of the last paint, null before. */
    public Layout layout() {
        return layout;
    }

    public TimeAxis axis() {
        return axis;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** How often the canvas was painted. */
    public long paints() {
        return paints;
    }

    /** The id the last click sent to the lineage explorer. */
    public String lastTraced() {
        return lastTraced;
    }

    /** Whether a read asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }
}
