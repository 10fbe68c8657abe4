package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.iongov.core.metadata.RecordKind;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.RetentionReport;

/**
 * Deletes expired statistics, signatures, logs, component runs and search results. Statistics
 * and search results of runs that produced a model are kept whatever their age: they are the
 * evidence a threshold policy or an approver judged that model by.
 */
final class Retention {

    private Retention() {
    }

    static RetentionReport apply(Connection c, RetentionPolicy policy, Instant now, boolean dryRun) throws SQLException {
        Map<RecordKind, Long> expired = new EnumMap<>(RecordKind.class);
        for (Map.Entry<RecordKind, Duration> entry : policy.maxAge().entrySet()) {
            long cutoff = Sql.millis(now.minus(entry.getValue()));
            String condition = condition(entry.getKey());
            String table = RecordChecks.tableOf(entry.getKey());
            String sql = (dryRun ? "SELECT COUNT(*) FROM " : "DELETE FROM ") + table + " WHERE " + condition;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, cutoff);
                if (dryRun) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        expired.put(entry.getKey(), rs.getLong(1));
                    }
                } else {
                    expired.put(entry.getKey(), (long) ps.executeUpdate());
                }
            }
            if (!dryRun && entry.getKey() == RecordKind.STATISTIC) {
                try (PreparedStatement orphans = c.prepareStatement(
                        "DELETE FROM STATISTIC_STRUCTURED WHERE ID NOT IN (SELECT ID FROM STATISTIC)")) {
                    orphans.executeUpdate();
                }
            }
        }
        return new RetentionReport(now, dryRun, expired);
    }

    private static String condition(RecordKind kind) {
        String keepModelEvidence = " AND RUN_ID NOT IN (SELECT RUN_ID FROM MODEL)";
        return switch (kind) {
            case STATISTIC -> "T < ? AND SERIES IN (SELECT ID FROM STAT_SERIES WHERE RUN_ID NOT IN (SELECT RUN_ID FROM MODEL))";
            case SIGNATURE -> "T < ?";
            case LOG -> "T < ?";
            case COMPONENT_RUN -> "STARTED_AT < ?";
            case SEARCH_RESULT -> "RUN_ID IN (SELECT ID FROM NODE_RUN WHERE STARTED_AT < ?)" + keepModelEvidence;
            default -> throw new IllegalArgumentException(kind.wireName() + " records never expire");
        };
    }
}
