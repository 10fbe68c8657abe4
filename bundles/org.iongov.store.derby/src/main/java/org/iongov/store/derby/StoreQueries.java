package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;
import org.iongov.core.query.TimeRange;

/** The store's read side. Every value from outside reaches SQL as a bound parameter. */
final class StoreQueries {

    /** Reads one row into a value. */
    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A WHERE clause assembled from optional filters, with its parameters. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> params = new ArrayList<>();

        Where equal(String column, String value) {
            if (value != null) {
                add(column + " = ?", value);
            }
            return this;
        }

        Where range(String column, TimeRange range) {
            if (range.from() != null) {
                add(column + " >= ?", Sql.millis(range.from()));
            }
            if (range.to() != null) {
                add(column + " < ?", Sql.millis(range.to()));
            }
            return this;
        }

        Where add(String condition, Object param) {
            sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
            if (param != null) {
                params.add(param);
            }
            return this;
        }

        void bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Long l) {
                    ps.setLong(i + 1, l);
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }

    private static final String RUN_COLUMNS = "ID, INSTANCE_ID, NODE, NODE_KIND, STARTED_AT, HOST, ENGINE, ENGINE_VERSION, AGENT,"
            + " CODE_URI, CODE_VERSION, CONFIGURATION, STATUS, ENDED_AT, STARTED_BY";
    private static final String MODEL_COLUMNS = "M.ID, M.RUN_ID, M.NAME, M.FORMAT, M.SHA256, M.SIZE, M.CREATED_AT, M.LOCATION, M.METADATA";

    private StoreQueries() {
    }

    private static <T> List<T> list(Connection c, String sql, Where where, int limit, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (where != null) {
                where.bind(ps);
            }
            ps.setMaxRows(limit);
            List<T> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(mapper.map(rs));
                }
            }
            return result;
        }
    }

    private static <T> Optional<T> one(Connection c, String sql, String id, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    static List<IonInstanceRecord> instances(Connection c) throws SQLException {
        return list(c, "SELECT ID, ION_NAME, ION_VERSION, CREATED_AT, DESCRIPTION FROM ION_INSTANCE ORDER BY CREATED_AT DESC",
                null, 10_000, rs -> new IonInstanceRecord(rs.getString(1), rs.getString(2), rs.getInt(3), Sql.instant(rs, 4),
                        rs.getString(5)));
    }

    static List<NodeRun> runs(Connection c, RunQuery q) throws SQLException {
        Where where = new Where().equal("INSTANCE_ID", q.instanceId()).equal("NODE", q.node()).range("STARTED_AT", q.started());
        return list(c, "SELECT " + RUN_COLUMNS + " FROM NODE_RUN" + where + " ORDER BY STARTED_AT DESC, ID DESC", where,
                q.limit(), StoreQueries::nodeRun);
    }

    static Optional<NodeRun> run(Connection c, String runId) throws SQLException {
        return one(c, "SELECT " + RUN_COLUMNS + " FROM NODE_RUN WHERE ID = ?", runId, StoreQueries::nodeRun);
    }

    private static NodeRun nodeRun(ResultSet rs) throws SQLException {
        RunRecord start = new RunRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                RunRecord.NodeKind.valueOf(rs.getString(4)), Sql.instant(rs, 5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(15));
        return new NodeRun(start, RunStatus.valueOf(rs.getString(13)), Sql.instant(rs, 14));
    }

    static StatisticSeries statistics(Connection c, StatisticQuery q) throws SQLException {
        return StatisticReader.read(c, q);
    }

    static List<String> statisticNames(Connection c, String runId) throws SQLException {
        Where where = new Where().equal("RUN_ID", runId);
        return list(c, "SELECT DISTINCT NAME FROM STAT_SERIES" + where + " ORDER BY NAME", where, 10_000, rs -> rs.getString(1));
    }

    /** Each scalar statistic's last value in a run, as ingest keeps it on the series. */
    static Map<String, Double> latestStatistics(Connection c, String runId) throws SQLException {
        Map<String, Double> latest = new java.util.TreeMap<>();
        Map<String, Long> at = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME, LAST_T, LAST_VAL FROM STAT_SERIES WHERE RUN_ID = ? AND LAST_T IS NOT NULL")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // The same name in two components: the later value wins.
                    String name = rs.getString(1);
                    long t = rs.getLong(2);
                    if (!at.containsKey(name) || at.get(name) <= t) {
                        at.put(name, t);
                        latest.put(name, rs.getDouble(3));
                    }
                }
            }
        }
        return latest;
    }

    static List<ModelRecord> models(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("M.ID", q.subjectId()).equal("M.RUN_ID", q.runId()).equal("R.INSTANCE_ID", q.instanceId())
                .range("M.CREATED_AT", q.range());
        return list(c, "SELECT " + MODEL_COLUMNS + " FROM MODEL M JOIN NODE_RUN R ON R.ID = M.RUN_ID" + where
                + " ORDER BY M.CREATED_AT DESC, M.ID DESC", where, q.limit(), rs -> model(rs, null));
    }

    static Optional<ModelRecord> model(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + MODEL_COLUMNS + ", M.BYTES FROM MODEL M WHERE M.ID = ?", id, rs -> model(rs, rs.getBytes(10)));
    }

    private static ModelRecord model(ResultSet rs, byte[] bytes) throws SQLException {
        return new ModelRecord(rs.getString(1), rs.getString(2), rs.getString(3), ModelRecord.ModelFormat.valueOf(rs.getString(4)),
                rs.getString(5), rs.getLong(6), Sql.instant(rs, 7), bytes, rs.getString(8), rs.getString(9));
    }

    static List<DatasetRecord> datasets(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("ID", q.subjectId()).range("RECORDED_AT", q.range());
        return list(c, "SELECT ID, URI, SIZE, DIGEST, SCHEMA_JSON, RECORDED_AT FROM DATASET" + where
                + " ORDER BY RECORDED_AT DESC, ID DESC", where, q.limit(), rs -> new DatasetRecord(rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getString(4), rs.getString(5), Sql.instant(rs, 6)));
    }

    static List<PredictionRecord> predictions(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("P.RUN_ID", q.runId()).equal("R.INSTANCE_ID", q.instanceId())
                .equal("P.INPUT_DIGEST", q.subjectId()).range("P.T", q.range());
        return list(c, "SELECT P.ID, P.RUN_ID, P.T, P.MODEL_IDS, P.INPUT_DIGEST, P.INPUT_JSON, P.OUTPUT_JSON FROM PREDICTION P"
                + " JOIN NODE_RUN R ON R.ID = P.RUN_ID" + where + " ORDER BY P.T DESC, P.ID DESC", where, q.limit(), StoreQueries::prediction);
    }

    static Optional<PredictionRecord> prediction(Connection c, String id) throws SQLException {
        return one(c, "SELECT ID, RUN_ID, T, MODEL_IDS, INPUT_DIGEST, INPUT_JSON, OUTPUT_JSON FROM PREDICTION WHERE ID = ?", id,
                StoreQueries::prediction);
    }

    private static PredictionRecord prediction(ResultSet rs) throws SQLException {
        return new PredictionRecord(rs.getString(1), rs.getString(2), Sql.instant(rs, 3), Arrays.asList(rs.getString(4).split(",")),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }

    static List<EventRecord> events(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("RUN_ID", q.runId()).equal("INSTANCE_ID", q.instanceId()).equal("TYPE", q.type())
                .range("T", q.range());
        return list(c, "SELECT ID, INSTANCE_ID, RUN_ID, T, TYPE, SEVERITY, MESSAGE, DETAILS FROM EVENT" + where
                + " ORDER BY T DESC, ID DESC", where, q.limit(), rs -> new EventRecord(rs.getString(1), rs.getString(2),
                        rs.getString(3), Sql.instant(rs, 4), rs.getString(5), EventRecord.Severity.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8)));
    }

    private static final String MESSAGE_COLUMNS = "ID, INSTANCE_ID, CHANNEL, MESSAGE_TYPE, SENDER_RUN_ID, RECEIVER_RUN_ID, SENT_AT,"
            + " RECEIVED_AT, MODEL_ID, PAYLOAD";

    static List<MessageRecord> messages(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("INSTANCE_ID", q.instanceId()).equal("CHANNEL", q.type()).equal("SENDER_RUN_ID", q.runId())
                .equal("MODEL_ID", q.subjectId()).range("SENT_AT", q.range());
        return list(c, "SELECT " + MESSAGE_COLUMNS + " FROM MESSAGE" + where + " ORDER BY SENT_AT, ID", where, q.limit(),
                StoreQueries::message);
    }

    static Optional<MessageRecord> message(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + MESSAGE_COLUMNS + " FROM MESSAGE WHERE ID = ?", id, StoreQueries::message);
    }

    private static MessageRecord message(ResultSet rs) throws SQLException {
        return new MessageRecord(rs.getString(1), rs.getString(2), rs.getString(3), MessageRecord.MessageType.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), Sql.instant(rs, 7), Sql.instant(rs, 8), rs.getString(9), rs.getString(10));
    }

    static List<HumanActionRecord> humanActions(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("ACTION", q.type()).equal("SUBJECT_ID", q.subjectId()).range("T", q.range());
        return list(c, "SELECT ID, ACTOR, ROLE, ACTION, SUBJECT_TYPE, SUBJECT_ID, POLICY_NODE, T, COMMENT FROM HUMAN_ACTION" + where
                + " ORDER BY T DESC, ID DESC", where, q.limit(), rs -> new HumanActionRecord(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), Sql.instant(rs, 8),
                        rs.getString(9)));
    }

    static List<SearchResultRecord> searchResults(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("RUN_ID", q.runId()).equal("METRIC", q.type());
        return list(c, "SELECT ID, RUN_ID, PARAMETERS, METRIC, VAL, CHOSEN FROM SEARCH_RESULT" + where + " ORDER BY ID", where,
                q.limit(), rs -> new SearchResultRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.doubleOrNaN(rs, 5), rs.getShort(6) != 0));
    }

    static List<SignatureRecord> signatures(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("RUN_ID", q.runId()).equal("FEATURE", q.type()).range("T", q.range());
        return list(c, "SELECT ID, RUN_ID, COMPONENT, TARGET, FEATURE, T, HISTOGRAM FROM SIGNATURE" + where
                + " ORDER BY T DESC, ID DESC", where, q.limit(), rs -> new SignatureRecord(rs.getString(1), rs.getString(2),
                        rs.getString(3), SignatureRecord.SignatureTarget.valueOf(rs.getString(4)), rs.getString(5),
                        Sql.instant(rs, 6), CompactJson.decode(rs.getBytes(7))));
    }

    static List<StatisticRecord> structuredStatistics(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("SS.RUN_ID", q.runId()).equal("SS.NAME", q.type()).range("S.T", q.range());
        return list(c, "SELECT S.ID, SS.RUN_ID, SS.COMPONENT, SS.NAME, S.T, S.VAL, J.VALUE_JSON FROM STATISTIC S"
                + " JOIN STATISTIC_STRUCTURED J ON J.ID = S.ID JOIN STAT_SERIES SS ON SS.ID = S.SERIES" + where
                + " ORDER BY S.T DESC, S.ID DESC", where, q.limit(), rs -> new StatisticRecord(rs.getString(1), rs.getString(2),
                        rs.getString(3).isEmpty() ? null : rs.getString(3), rs.getString(4), Sql.instant(rs, 5),
                        Sql.doubleOrNaN(rs, 6), rs.getString(7)));
    }

    static List<LogRecord> logs(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("RUN_ID", q.runId()).equal("LEVEL", q.type()).range("T", q.range());
        return list(c, "SELECT ID, RUN_ID, T, LEVEL, MESSAGE FROM LOG_LINE" + where + " ORDER BY T DESC, ID DESC", where,
                q.limit(), rs -> new LogRecord(rs.getString(1), rs.getString(2), Sql.instant(rs, 3), rs.getString(4),
                        Sql.gunzip(rs.getBytes(5))));
    }

    static List<DatasetUseRecord> datasetUses(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("RUN_ID", q.runId()).equal("DATASET_ID", q.subjectId()).equal("DIRECTION",
                q.type() == null ? null : q.type().toUpperCase(java.util.Locale.ROOT)).range("T", q.range());
        return list(c, "SELECT ID, RUN_ID, DATASET_ID, DIRECTION, T FROM DATASET_USE" + where + " ORDER BY T DESC, ID DESC", where,
                q.limit(), rs -> new DatasetUseRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        DatasetUseRecord.Direction.valueOf(rs.getString(4)), Sql.instant(rs, 5)));
    }

    static List<MessageReceivedRecord> messageReceipts(Connection c, RecordQuery q) throws SQLException {
        Where where = new Where().equal("RECEIVER_RUN_ID", q.runId()).equal("MESSAGE_ID", q.subjectId()).range("RECEIVED_AT",
                q.range());
        return list(c, "SELECT ID, MESSAGE_ID, RECEIVER_RUN_ID, RECEIVED_AT FROM MESSAGE_RECEIPT" + where
                + " ORDER BY RECEIVED_AT, ID", where, q.limit(), rs -> new MessageReceivedRecord(rs.getString(1), rs.getString(2),
                        rs.getString(3), Sql.instant(rs, 4)));
    }
}
