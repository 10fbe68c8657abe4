package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.iongov.core.metadata.StatisticRecord;

/**
 * The ids of statistic series (run, component, name), remembered once committed. Ingest looks up
 * or creates a batch's series in a short transaction of their own, in key order (so concurrent
 * batches cannot deadlock on them), before the batch's points are written; new ids are published
 * only after that transaction commits, so a rollback leaves no stale id behind.
 */
final class StatisticSeriesIds {

    /** A series: one statistic of one component of one run ({@code ""} when no component). */
    record Key(String runId, String component, String name) {

        static Key of(StatisticRecord r) {
            return new Key(r.runId(), r.component() == null ? "" : r.component(), r.name());
        }
    }

    private final Map<Key, Integer> committed = new ConcurrentHashMap<>();

    /**
     * The ids of these series, creating the missing ones in the connection's transaction.
     *
     * @param created receives the series created here, to {@link #publish} after commit
     */
    Map<Key, Integer> resolve(Connection c, Set<Key> keys, Map<Key, Integer> created) throws SQLException {
        Map<Key, Integer> ids = new HashMap<>();
        java.util.List<Key> ordered = new java.util.ArrayList<>(keys);
        ordered.sort(java.util.Comparator.comparing(Key::runId).thenComparing(Key::name).thenComparing(Key::component));
        for (Key key : ordered) {
            Integer id = committed.get(key);
            if (id == null) {
                id = find(c, key);
            }
            if (id == null) {
                id = insert(c, key);
                if (id == null) {
                    id = find(c, key); // another batch created it a moment ago
                } else {
                    created.put(key, id);
                }
            } else {
                committed.putIfAbsent(key, id);
            }
            ids.put(key, id);
        }
        return ids;
    }

    /** The series keys of a batch's statistic points. */
    static Set<Key> keysOf(java.util.List<org.iongov.core.metadata.MetadataRecord> records) {
        Set<Key> keys = new java.util.HashSet<>();
        for (org.iongov.core.metadata.MetadataRecord record : records) {
            if (record instanceof StatisticRecord statistic) {
                keys.add(Key.of(statistic));
            }
        }
        return keys;
    }

    void publish(Map<Key, Integer> created) {
        committed.putAll(created);
    }

    /** Forgets everything, e.g. after retention deleted series. */
    void clear() {
        committed.clear();
    }

    private static Integer find(Connection c, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM STAT_SERIES WHERE RUN_ID = ? AND NAME = ? AND COMPONENT = ?")) {
            ps.setString(1, key.runId());
            ps.setString(2, key.name());
            ps.setString(3, key.component());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    /** @return the new id, or null when a concurrent batch inserted the same series first */
    private static Integer insert(Connection c, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO STAT_SERIES (RUN_ID, COMPONENT, NAME) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, key.runId());
            ps.setString(2, key.component());
            ps.setString(3, key.name());
            try {
                ps.executeUpdate();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return null;
                }
                throw e;
            }
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
