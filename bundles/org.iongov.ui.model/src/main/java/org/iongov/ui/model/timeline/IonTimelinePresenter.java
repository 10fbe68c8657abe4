package org.iongov.ui.model.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageRecord.MessageType;
import org.iongov.core.query.Limits;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.timeline.IonTimeline;
import org.iongov.core.timeline.IonTimeline.Arrow;
import org.iongov.core.timeline.IonTimeline.Lane;
import org.iongov.core.timeline.IonTimeline.RunBar;

/**
 * The ION timeline's logic, headless (the paper's Figure 3): reads an instance's
 * {@link IonTimeline}, lays it out for a canvas (one lane per node in definition order, runs as
 * bars, messages as arrows from the sender's lane at the time sent to the receiver's lane at the
 * time received, through a {@link TimeAxis}), and finds what is under the pointer. Only
 * {@link #load} reads the store: call it off the UI thread.
 */
public final class IonTimelinePresenter {

    /** The most runs and the most messages read for one timeline. */
    public static final int MAX_ITEMS = Limits.MAX_ROWS;

    private final GovernanceStore store;

    public IonTimelinePresenter(GovernanceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The ION instances, newest first. */
    public List<IonInstanceRecord> instances() {
        return IonInstances.newestFirst(store);
    }

    /** The instance's whole timeline (at most {@link #MAX_ITEMS} runs and messages). */
    public IonTimeline load(String instanceId) {
        return IonTimeline.of(store, instanceId, TimeRange.ALL, MAX_ITEMS);
    }

    /**
     * The time the timeline covers: from its first run or message to its last end or receipt
     * (runs still running reach {@code now}), with a little room on either side.
     */
    public static TimeRange extent(IonTimeline timeline, Instant now) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (Lane lane : timeline.lanes()) {
            for (RunBar run : lane.runs()) {
                from = Math.min(from, run.start().toEpochMilli());
                to = Math.max(to, (run.end() == null ? now : run.end()).toEpochMilli());
            }
        }
        for (Arrow a : timeline.arrows()) {
            from = Math.min(from, a.sentAt().toEpochMilli());
            to = Math.max(to, (a.receivedAt() == null ? a.sentAt() : a.receivedAt()).toEpochMilli());
        }
        if (from == Long.MAX_VALUE) {
            return new TimeRange(now.minusSeconds(3600), now);
        }
        long pad = Math.max(500, (to - from) / 30);
        return new TimeRange(Instant.ofEpochMilli(from - pad), Instant.ofEpochMilli(to + pad));
    }

    // ---- layout ----

    /** Sizes of the drawing, in pixels. */
    public record Metrics(int labelWidth, int axisHeight, int laneHeight, int barHeight) {
        public static final Metrics DEFAULT = new Metrics(180, 30, 56, 18);
    }

    /** A lane as drawn: its node, role and the band it occupies. */
    public record LaneBox(Lane lane, int index, int top, int height) {
        public int centerY() {
            return top + height / 2;
        }
    }

    /** A run as drawn. */
    public record BarBox(RunBar run, String node, double x, double y, double width, double height) {
        public boolean contains(double px, double py, double tolerance) {
            return px >= x - tolerance && px <= x + width + tolerance && py >= y - tolerance && py <= y + height + tolerance;
        }
    }

    /** A message as drawn: from (x1, y1) to (x2, y2); {@code received} false for a message not (yet) received. */
    public record ArrowLine(Arrow arrow, double x1, double y1, double x2, double y2, boolean received) {

        /** The distance from a point to this arrow's segment. */
        public double distance(double px, double py) {
            double dx = x2 - x1;
            double dy = y2 - y1;
            double lengthSquared = dx * dx + dy * dy;
            double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / lengthSquared));
            double cx = x1 + t * dx;
            double cy = y1 + t * dy;
            return Math.hypot(px - cx, py - cy);
        }
    }

    /** What is under the pointer, and what to trace in the lineage explorer for it. */
    public record Hit(ArrowLine arrow, BarBox bar) {

        /** The id the lineage explorer traces: the model a message carries, else its sending run; the run of a bar. */
        public String traceId() {
            if (arrow != null) {
                return arrow.arrow().modelId() != null ? arrow.arrow().modelId() : arrow.arrow().senderRunId();
            }
            return bar.run().runId();
        }

        /** One line describing it (a tooltip). */
        public String describe() {
            if (arrow != null) {
                Arrow a = arrow.arrow();
                String what = a.type() == MessageType.MODEL && a.modelId() != null ? "model " + a.modelId() : a.type().name().toLowerCase() + " message";
                return what + " on " + a.channel() + ": " + a.senderNode() + " (run " + a.senderRunId() + ") at " + a.sentAt()
                        + (a.receiverNode() == null ? ", not received" : " to " + a.receiverNode() + " (run " + a.receiverRunId() + ") at "
                                + a.receivedAt());
            }
            RunBar r = bar.run();
            return "run " + r.runId() + " of " + bar.node() + ": " + r.status().name().toLowerCase() + ", " + r.start()
                    + (r.end() == null ? ", still running" : " to " + r.end());
        }
    }

    /**
     * A timeline laid out through an axis.
     *
     * @param axis the time mapping used
     * @param lanes one per lane, top to bottom
     * @param bars every run
     * @param arrows every message whose sender's lane is shown
     * @param height the drawing's height
     */
    public record Layout(TimeAxis axis, Metrics metrics, List<LaneBox> lanes, List<BarBox> bars, List<ArrowLine> arrows, int height) {

        public Layout {
            lanes = List.copyOf(lanes);
            bars = List.copyOf(bars);
            arrows = List.copyOf(arrows);
        }

        /** The arrow within a few pixels of the point (nearest first), else the bar under it. */
        public Optional<Hit> hit(double x, double y) {
            ArrowLine nearest = null;
            double best = 5;
            for (ArrowLine a : arrows) {
                double d = a.distance(x, y);
                if (d <= best) {
                    best = d;
                    nearest = a;
                }
            }
            if (nearest != null) {
                return Optional.of(new Hit(nearest, null));
            }
            for (int i = bars.size() - 1; i >= 0; i--) { // drawn last, on top
                if (bars.get(i).contains(x, y, 2)) {
                    return Optional.of(new Hit(null, bars.get(i)));
                }
            }
            return Optional.empty();
        }

        public Optional<LaneBox> lane(String node) {
            return lanes.stream().filter(l -> l.lane().node().equals(node)).findFirst();
        }
    }

    /**
     * Lays a timeline out: lanes below the axis, each run a bar in its lane's middle (still
     * running: up to {@code now}), each message an arrow from its sender's lane at the time it was
     * sent to its receiver's lane at the time it was received (a short stub when not received).
     */
    public static Layout layout(IonTimeline timeline, TimeAxis axis, Metrics metrics, Instant now) {
        List<LaneBox> lanes = new ArrayList<>();
        Map<String, LaneBox> byNode = new HashMap<>();
        for (Lane lane : timeline.lanes()) {
            LaneBox box = new LaneBox(lane, lanes.size(), metrics.axisHeight() + lanes.size() * metrics.laneHeight(), metrics.laneHeight());
            lanes.add(box);
            byNode.put(lane.node(), box);
        }
        List<BarBox> bars = new ArrayList<>();
        for (LaneBox lane : lanes) {
            for (RunBar run : lane.lane().runs()) {
                double x1 = axis.x(run.start());
                double x2 = axis.x(run.end() == null ? now : run.end());
                bars.add(new BarBox(run, lane.lane().node(), x1, lane.centerY() - metrics.barHeight() / 2.0, Math.max(3, x2 - x1),
                        metrics.barHeight()));
            }
        }
        List<ArrowLine> arrows = new ArrayList<>();
        for (Arrow a : timeline.arrows()) {
            LaneBox from = a.senderNode() == null ? null : byNode.get(a.senderNode());
            if (from == null) {
                continue;
            }
            double x1 = axis.x(a.sentAt());
            LaneBox to = a.receiverNode() == null ? null : byNode.get(a.receiverNode());
            if (to == null || a.receivedAt() == null) {
                arrows.add(new ArrowLine(a, x1, from.centerY(), x1 + 14, from.top() + 4, false));
            } else {
                arrows.add(new ArrowLine(a, x1, from.centerY(), axis.x(a.receivedAt()), to.centerY(), true));
            }
        }
        return new Layout(axis, metrics, lanes, bars, arrows, metrics.axisHeight() + lanes.size() * metrics.laneHeight());
    }
}
