package org.iongov.ui.model.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.query.Limits;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.series.SeriesDownsampler;
import org.iongov.ui.model.series.SeriesDownsampler.Series;

/**
 * The statistics timeline's logic, headless: which instances, nodes and statistics there are, and
 * a statistic of an instance (or one of its nodes) across its runs and time, one series per node
 * or per run, each reduced with {@link SeriesDownsampler} to the chart's pixel width. The store
 * answers at most {@link Limits#MAX_ROWS} points a query; longer series are read in time windows
 * of at most that many points, so what is drawn comes from every stored point. Every method
 * reads the store: call them off the UI thread.
 */
public final class StatisticsTimelinePresenter {

    /** At most this many runs of an instance are read. */
    public static final int MAX_RUNS = Limits.MAX_ROWS;

    private final GovernanceStore store;

    public StatisticsTimelinePresenter(GovernanceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** What one series stands for. */
    public enum Grouping {
        /** One series per ION node: its runs one after the other. */
        NODE("node"),
        /** One series per run. */
        RUN("run");

        private final String label;

        Grouping(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What to draw.
     *
     * @param instanceId the ION instance
     * @param node one of its nodes, or null for all
     * @param statistic the statistic's name
     * @param grouping one series per node or per run
     * @param range the time shown
     */
    public record Selection(String instanceId, String node, String statistic, Grouping grouping, TimeRange range) {
        public Selection {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(statistic, "statistic");
            grouping = grouping == null ? Grouping.NODE : grouping;
            range = range == null ? TimeRange.ALL : range;
        }
    }

    /**
     * A series as drawn.
     *
     * @param key the node or run it stands for
     * @param x the times, epoch milliseconds, never decreasing
     * @param y the values
     * @param storedPoints how many stored points it was reduced from
     */
    public record PlotSeries(String key, double[] x, double[] y, long storedPoints) {
        public int size() {
            return x.length;
        }
    }

    /**
     * The chart's content.
     *
     * @param selection what was asked for
     * @param width the pixel width the series were reduced to
     * @param series the series, in the order of their first point
     * @param storedPoints the points stored for the selection
     * @param summary one line saying what is drawn
     */
    public record Chart(Selection selection, int width, List<PlotSeries> series, long storedPoints, String summary) {
        public Chart {
            series = List.copyOf(series);
        }

        /** How many points are drawn. */
        public int shownPoints() {
            return series.stream().mapToInt(PlotSeries::size).sum();
        }
    }

    // ---- choices ----

    /** The ION instances, newest first. */
    public List<IonInstanceRecord> instances() {
        return org.iongov.ui.model.timeline.IonInstances.newestFirst(store);
    }

    /** The nodes of an instance that ran, by name. */
    public List<String> nodes(String instanceId) {
        Set<String> nodes = new TreeSet<>();
        for (NodeRun run : runs(instanceId, null)) {
            nodes.add(run.start().node());
        }
        return List.copyOf(nodes);
    }

    /** The statistics the runs of an instance (of one node when not null) reported, by name. */
    public List<String> statisticNames(String instanceId, String node) {
        Set<String> names = new TreeSet<>();
        for (NodeRun run : runs(instanceId, node)) {
            names.addAll(store.statisticNames(run.start().id()));
        }
        return List.copyOf(names);
    }

    private List<NodeRun> runs(String instanceId, String node) {
        return store.runs(new RunQuery(instanceId, node, TimeRange.ALL, MAX_RUNS));
    }

    // ---- the chart ----

    /**
     * Reads the statistic of every run of the selection and reduces each series to
     * {@code width} pixel columns.
     *
     * @throws IllegalArgumentException when the width is below 1
     */
    public Chart load(Selection selection, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("the chart needs a width of at least 1 pixel, was " + width);
        }
        List<NodeRun> runs = new ArrayList<>(runs(selection.instanceId(), selection.node()));
        runs.sort(Comparator.comparing((NodeRun r) -> r.start().startedAt()).thenComparing(r -> r.start().id()));
        Map<String, List<Series>> byKey = new LinkedHashMap<>();
        for (NodeRun run : runs) {
            Series points = storedPoints(store, selection.statistic(), run.start().id(), selection.range());
            if (points.size() > 0) {
                String key = selection.grouping() == Grouping.NODE ? run.start().node() : run.start().id();
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(points);
            }
        }
        List<PlotSeries> series = new ArrayList<>();
        long stored = 0;
        for (Map.Entry<String, List<Series>> e : byKey.entrySet()) {
            Series merged = merge(e.getValue());
            stored += merged.size();
            Series shown = SeriesDownsampler.downsample(merged.x(), merged.y(), width);
            series.add(new PlotSeries(e.getKey(), shown.x(), shown.y(), merged.size()));
        }
        series.sort(Comparator.comparingDouble((PlotSeries s) -> s.size() == 0 ? Double.MAX_VALUE : s.x()[0]).thenComparing(PlotSeries::key));
        return new Chart(selection, width, series, stored, summary(selection, series, stored));
    }

    private static String summary(Selection s, List<PlotSeries> series, long stored) {
        if (series.isEmpty()) {
            return "No run of " + (s.node() == null ? s.instanceId() : s.node() + " in " + s.instanceId()) + " reported '" + s.statistic()
                    + "'" + (s.range().equals(TimeRange.ALL) ? "." : " in this time range.");
        }
        int shown = series.stream().mapToInt(PlotSeries::size).sum();
        return String.format(java.util.Locale.ROOT, "%s of %s: %,d stored points in %d series (one per %s), %,d drawn.", s.statistic(),
                s.node() == null ? s.instanceId() : s.node() + " in " + s.instanceId(), stored, series.size(), s.grouping().label(), shown);
    }

    /**
     * Every stored scalar point of a statistic of one run in a time range, oldest first
     * (structured points, whose value is NaN, are left out). Series longer than the store's row
     * limit are read window by window: the store's bucket counts say where to cut.
     */
    public static Series storedPoints(GovernanceStore store, String statistic, String runId, TimeRange range) {
        Points into = new Points();
        read(store, statistic, runId, range, into);
        return into.series();
    }

    private static void read(GovernanceStore store, String statistic, String runId, TimeRange range, Points into) {
        StatisticSeries answer = store.statistics(new StatisticQuery(statistic, runId, range, Limits.MAX_ROWS));
        if (!answer.downsampled()) {
            for (StatisticPoint p : answer.points()) {
                into.add(p.time().toEpochMilli(), p.value());
            }
            return;
        }
        // Buckets (start, count), oldest first: cut the range at bucket starts into windows of at most MAX_ROWS points.
        List<StatisticPoint> buckets = answer.points();
        int first = 0;
        while (first < buckets.size()) {
            long count = 0;
            int end = first;
            while (end < buckets.size() && (end == first || count + buckets.get(end).count() <= Limits.MAX_ROWS)) {
                count += buckets.get(end).count();
                end++;
            }
            Instant from = first == 0 ? range.from() : buckets.get(first).time();
            Instant to = end < buckets.size() ? buckets.get(end).time() : range.to();
            if (end == first + 1 && count > Limits.MAX_ROWS && !narrower(from, to, range)) {
                // More points than a query returns at one instant: keep the bucket's extremes.
                StatisticPoint b = buckets.get(first);
                into.add(b.time().toEpochMilli(), b.min());
                into.add(b.time().toEpochMilli(), b.max());
            } else {
                read(store, statistic, runId, new TimeRange(from, to), into);
            }
            first = end;
        }
    }

    /** Whether [from, to) is a strictly smaller window than the range it was cut from (so reading it again ends). */
    private static boolean narrower(Instant from, Instant to, TimeRange range) {
        return !(Objects.equals(from, range.from()) && Objects.equals(to, range.to()));
    }

    /** Merges series, each oldest first, into one oldest first. */
    public static Series merge(List<Series> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int total = parts.stream().mapToInt(Series::size).sum();
        double[] x = new double[total];
        double[] y = new double[total];
        int[] next = new int[parts.size()];
        PriorityQueue<Integer> heads = new PriorityQueue<>(Comparator.comparingDouble((Integer i) -> parts.get(i).x()[next[i]])
                .thenComparingInt(i -> i));
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).size() > 0) {
                heads.add(i);
            }
        }
        int out = 0;
        while (!heads.isEmpty()) {
            int i = heads.poll();
            Series s = parts.get(i);
            // Take the run of this part up to the next part's head at once (on equal times the earlier part first).
            Integer other = heads.peek();
            double limit = other == null ? Double.POSITIVE_INFINITY : parts.get(other).x()[next[other]];
            boolean firstOnTies = other == null || i < other;
            do {
                x[out] = s.x()[next[i]];
                y[out] = s.y()[next[i]];
                out++;
                next[i]++;
            } while (next[i] < s.size() && (s.x()[next[i]] < limit || firstOnTies && s.x()[next[i]] == limit));
            if (next[i] < s.size()) {
                heads.add(i);
            }
        }
        return new Series(x, y);
    }

    /** Growable column arrays. */
    private static final class Points {
        private double[] x = new double[1024];
        private double[] y = new double[1024];
        private int size;

        void add(long t, double v) {
            if (Double.isNaN(v)) {
                return;
            }
            if (size == x.length) {
                x = java.util.Arrays.copyOf(x, size * 2);
                y = java.util.Arrays.copyOf(y, size * 2);
            }
            x[size] = t;
            y[size] = v;
            size++;
        }

        Series series() {
            return new Series(java.util.Arrays.copyOf(x, size), java.util.Arrays.copyOf(y, size));
        }
    }

    /** The distinct keys of a chart's series, for legends and tests. */
    public static Set<String> keys(Chart chart) {
        Set<String> keys = new LinkedHashSet<>();
        chart.series().forEach(s -> keys.add(s.key()));
        return keys;
    }
}
