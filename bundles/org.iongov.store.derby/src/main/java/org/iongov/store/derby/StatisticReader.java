package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;
import org.iongov.core.query.TimeRange;

/**
 * Reads a statistic's points through the covering (SERIES, T, VAL) index only, then returns them
 * as they are or, when there are more than asked for, as equal time buckets (mean, min, max,
 * count) computed in one pass.
 */
final class StatisticReader {

    private StatisticReader() {
    }

    static StatisticSeries read(Connection c, StatisticQuery q) throws SQLException {
        Map<Integer, String> runOfSeries = series(c, q.name(), q.runId());
        if (runOfSeries.isEmpty()) {
            return new StatisticSeries(q.name(), List.of(), 0, false);
        }
        Points points = points(c, runOfSeries.keySet(), q.range());
        if (points.size <= q.maxPoints()) {
            return new StatisticSeries(q.name(), raw(c, points, runOfSeries, q.range()), points.size, false);
        }
        return new StatisticSeries(q.name(), buckets(points, q.maxPoints()), points.size, true);
    }

    private static Map<Integer, String> series(Connection c, String name, String runId) throws SQLException {
        Map<Integer, String> series = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, RUN_ID FROM STAT_SERIES WHERE NAME = ?" + (runId == null ? "" : " AND RUN_ID = ?"))) {
            ps.setString(1, name);
            if (runId != null) {
                ps.setString(2, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    series.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return series;
    }

    /** Column arrays of the points in range, in index order (by series, then time). */
    private static final class Points {
        long[] time = new long[1024];
        double[] value = new double[1024];
        int[] series = new int[1024];
        int size;

        void add(long t, double v, int s) {
            if (size == time.length) {
                int capacity = size * 2;
                time = Arrays.copyOf(time, capacity);
                value = Arrays.copyOf(value, capacity);
                series = Arrays.copyOf(series, capacity);
            }
            time[size] = t;
            value[size] = v;
            series[size] = s;
            size++;
        }
    }

    private static String rangeSql(TimeRange range) {
        return (range.from() == null ? "" : " AND T >= ?") + (range.to() == null ? "" : " AND T < ?");
    }

    private static int bindRange(PreparedStatement ps, int index, TimeRange range) throws SQLException {
        if (range.from() != null) {
            ps.setLong(index++, Sql.millis(range.from()));
        }
        if (range.to() != null) {
            ps.setLong(index++, Sql.millis(range.to()));
        }
        return index;
    }

    private static Points points(Connection c, Iterable<Integer> seriesIds, TimeRange range) throws SQLException {
        Points points = new Points();
        // One series at a time: each is a single range scan of the covering index.
        try (PreparedStatement ps = c.prepareStatement("SELECT T, VAL FROM STATISTIC WHERE SERIES = ?" + rangeSql(range))) {
            ps.setFetchSize(10_000);
            for (int id : seriesIds) {
                ps.setInt(1, id);
                bindRange(ps, 2, range);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(rs.getLong(1), Sql.doubleOrNaN(rs, 2), id);
                    }
                }
            }
        }
        return points;
    }

    private static List<StatisticPoint> raw(Connection c, Points points, Map<Integer, String> runOfSeries, TimeRange range)
            throws SQLException {
        Map<String, String> structured = new HashMap<>();
        for (int i = 0; i < points.size; i++) {
            if (Double.isNaN(points.value[i])) {
                structured = structured(c, runOfSeries.keySet(), range);
                break;
            }
        }
        Integer[] order = new Integer[points.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> points.time[a] != points.time[b] ? Long.compare(points.time[a], points.time[b])
                : Integer.compare(points.series[a], points.series[b]));
        List<StatisticPoint> result = new ArrayList<>(points.size);
        for (int i : order) {
            double v = points.value[i];
            result.add(new StatisticPoint(Instant.ofEpochMilli(points.time[i]), v, v, v, 1, runOfSeries.get(points.series[i]),
                    Double.isNaN(v) ? structured.get(points.series[i] + "@" + points.time[i]) : null));
        }
        return result;
    }

    /** Structured values (confusion matrices and the like) of the points in range, by series and time. */
    private static Map<String, String> structured(Connection c, Iterable<Integer> seriesIds, TimeRange range) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT S.T, X.VALUE_JSON FROM STATISTIC S JOIN STATISTIC_STRUCTURED X"
                + " ON X.ID = S.ID WHERE S.SERIES = ?" + rangeSql(range).replace(" T ", " S.T "))) {
            for (int id : seriesIds) {
                ps.setInt(1, id);
                bindRange(ps, 2, range);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        values.put(id + "@" + rs.getLong(1), rs.getString(2));
                    }
                }
            }
        }
        return values;
    }

    /** Equal time buckets over the span the points cover; empty buckets are left out. */
    private static List<StatisticPoint> buckets(Points points, int maxPoints) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < points.size; i++) {
            min = Math.min(min, points.time[i]);
            max = Math.max(max, points.time[i]);
        }
        long width = Math.max(1, (max - min) / maxPoints + 1);
        int buckets = (int) ((max - min) / width) + 1;
        double[] sum = new double[buckets];
        long[] numeric = new long[buckets];
        long[] count = new long[buckets];
        double[] lo = new double[buckets];
        double[] hi = new double[buckets];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < points.size; i++) {
            int b = (int) ((points.time[i] - min) / width);
            count[b]++;
            double v = points.value[i];
            if (!Double.isNaN(v)) {
                sum[b] += v;
                numeric[b]++;
                lo[b] = Math.min(lo[b], v);
                hi[b] = Math.max(hi[b], v);
            }
        }
        List<StatisticPoint> result = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            if (count[b] == 0) {
                continue;
            }
            boolean any = numeric[b] > 0;
            result.add(new StatisticPoint(Instant.ofEpochMilli(min + b * width), any ? sum[b] / numeric[b] : Double.NaN,
                    any ? lo[b] : Double.NaN, any ? hi[b] : Double.NaN, count[b], null, null));
        }
        return result;
    }
}
