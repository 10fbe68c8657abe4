package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iongov.core.metadata.ComponentRunRecord;
import org.iongov.core.metadata.ContextRecord;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;

/**
 * Writes the records of a checked batch, one JDBC batch per kind, in an order that lets later
 * kinds refer to earlier ones (instances, runs, datasets, models, messages first; run ends and
 * message receipts, which update rows, last).
 */
final class IngestWriter {

    /** Binds one record's fields to its kind's INSERT statement. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, MetadataRecord record) throws SQLException;
    }

    /** Binds a statistic point, which needs its series id. */
    @FunctionalInterface
    private interface SeriesBinder {
        void bind(PreparedStatement ps, StatisticRecord record, int series) throws SQLException;
    }

    private record Insert(String sql, Binder binder) {
    }

    private static final Map<RecordKind, Insert> INSERTS = new LinkedHashMap<>();

    static {
        INSERTS.put(RecordKind.ION_INSTANCE, new Insert(
                "INSERT INTO ION_INSTANCE (ID, ION_NAME, ION_VERSION, CREATED_AT, DESCRIPTION) VALUES (?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    IonInstanceRecord r = (IonInstanceRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.ionName());
                    ps.setInt(3, r.ionVersion());
                    ps.setLong(4, Sql.millis(r.createdAt()));
                    Sql.setNullableString(ps, 5, r.description());
                }));
        INSERTS.put(RecordKind.RUN, new Insert(
                "INSERT INTO NODE_RUN (ID, INSTANCE_ID, NODE, NODE_KIND, STARTED_AT, HOST, ENGINE, ENGINE_VERSION, AGENT,"
                        + " CODE_URI, CODE_VERSION, CONFIGURATION, STATUS, ENDED_AT, STARTED_BY)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                (ps, rec) -> {
                    RunRecord r = (RunRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.instanceId());
                    ps.setString(3, r.node());
                    ps.setString(4, r.nodeKind().name());
                    ps.setLong(5, Sql.millis(r.startedAt()));
                    Sql.setNullableString(ps, 6, r.host());
                    Sql.setNullableString(ps, 7, r.engine());
                    Sql.setNullableString(ps, 8, r.engineVersion());
                    Sql.setNullableString(ps, 9, r.agent());
                    Sql.setNullableString(ps, 10, r.codeUri());
                    Sql.setNullableString(ps, 11, r.codeVersion());
                    Sql.setNullableClob(ps, 12, r.configurationJson());
                    ps.setString(13, RunStatus.RUNNING.name());
                    Sql.setNullableString(ps, 14, r.startedBy());
                }));
        INSERTS.put(RecordKind.DATASET, new Insert(
                "INSERT INTO DATASET (ID, URI, SIZE, DIGEST, SCHEMA_JSON, RECORDED_AT) VALUES (?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    DatasetRecord r = (DatasetRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.uri());
                    ps.setLong(3, r.size());
                    Sql.setNullableString(ps, 4, r.digest());
                    Sql.setNullableClob(ps, 5, r.schemaJson());
                    ps.setLong(6, Sql.millis(r.recordedAt()));
                }));
        INSERTS.put(RecordKind.MODEL, new Insert(
                "INSERT INTO MODEL (ID, RUN_ID, NAME, FORMAT, SHA256, SIZE, CREATED_AT, BYTES, LOCATION, METADATA)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    ModelRecord r = (ModelRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    Sql.setNullableString(ps, 3, r.name());
                    ps.setString(4, r.format().name());
                    ps.setString(5, r.sha256());
                    ps.setLong(6, r.size());
                    ps.setLong(7, Sql.millis(r.createdAt()));
                    if (r.bytes() == null) {
                        ps.setNull(8, Types.BLOB);
                    } else {
                        ps.setBytes(8, r.bytes());
                    }
                    Sql.setNullableString(ps, 9, r.location());
                    Sql.setNullableClob(ps, 10, r.metadataJson());
                }));
        INSERTS.put(RecordKind.MESSAGE, new Insert(
                "INSERT INTO MESSAGE (ID, INSTANCE_ID, CHANNEL, MESSAGE_TYPE, SENDER_RUN_ID, RECEIVER_RUN_ID, SENT_AT,"
                        + " RECEIVED_AT, MODEL_ID, PAYLOAD) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    MessageRecord r = (MessageRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.instanceId());
                    ps.setString(3, r.channel());
                    ps.setString(4, r.messageType().name());
                    ps.setString(5, r.senderRunId());
                    Sql.setNullableString(ps, 6, r.receiverRunId());
                    ps.setLong(7, Sql.millis(r.sentAt()));
                    Sql.setNullableMillis(ps, 8, r.receivedAt());
                    Sql.setNullableString(ps, 9, r.modelId());
                    Sql.setNullableClob(ps, 10, r.payloadJson());
                }));
        INSERTS.put(RecordKind.COMPONENT_RUN, new Insert(
                "INSERT INTO COMPONENT_RUN (ID, RUN_ID, COMPONENT, STARTED_AT, ENDED_AT, STATUS) VALUES (?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    ComponentRunRecord r = (ComponentRunRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    ps.setString(3, r.component());
                    ps.setLong(4, Sql.millis(r.startedAt()));
                    Sql.setNullableMillis(ps, 5, r.endedAt());
                    ps.setString(6, r.status().name());
                }));
        // Statistic points are written by writeStatistics (they need their series ids).
        INSERTS.put(RecordKind.STATISTIC, new Insert("INSERT INTO STATISTIC (ID, SERIES, T, VAL) VALUES (?, ?, ?, ?)", null));
        INSERTS.put(RecordKind.SIGNATURE, new Insert(
                "INSERT INTO SIGNATURE (ID, RUN_ID, COMPONENT, TARGET, FEATURE, T, HISTOGRAM) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    SignatureRecord r = (SignatureRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    Sql.setNullableString(ps, 3, r.component());
                    ps.setString(4, r.target().name());
                    ps.setString(5, r.feature());
                    ps.setLong(6, Sql.millis(r.time()));
                    ps.setBytes(7, CompactJson.encode(r.histogramJson()));
                }));
        INSERTS.put(RecordKind.DATASET_USE, new Insert(
                "INSERT INTO DATASET_USE (ID, RUN_ID, DATASET_ID, DIRECTION, T) VALUES (?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    DatasetUseRecord r = (DatasetUseRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    ps.setString(3, r.datasetId());
                    ps.setString(4, r.direction().name());
                    ps.setLong(5, Sql.millis(r.time()));
                }));
        INSERTS.put(RecordKind.PREDICTION, new Insert(
                "INSERT INTO PREDICTION (ID, RUN_ID, T, MODEL_IDS, INPUT_DIGEST, INPUT_JSON, OUTPUT_JSON) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    PredictionRecord r = (PredictionRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    ps.setLong(3, Sql.millis(r.time()));
                    ps.setString(4, String.join(",", r.modelIds()));
                    Sql.setNullableString(ps, 5, r.inputDigest());
                    Sql.setNullableClob(ps, 6, r.inputJson());
                    ps.setString(7, r.outputJson());
                }));
        INSERTS.put(RecordKind.EVENT, new Insert(
                "INSERT INTO EVENT (ID, INSTANCE_ID, RUN_ID, T, TYPE, SEVERITY, MESSAGE, DETAILS) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    EventRecord r = (EventRecord) rec;
                    ps.setString(1, r.id());
                    Sql.setNullableString(ps, 2, r.instanceId());
                    Sql.setNullableString(ps, 3, r.runId());
                    ps.setLong(4, Sql.millis(r.time()));
                    ps.setString(5, r.type());
                    ps.setString(6, r.severity().name());
                    ps.setString(7, r.message());
                    Sql.setNullableClob(ps, 8, r.detailsJson());
                }));
        INSERTS.put(RecordKind.LOG, new Insert(
                "INSERT INTO LOG_LINE (ID, RUN_ID, T, LEVEL, MESSAGE) VALUES (?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    LogRecord r = (LogRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    ps.setLong(3, Sql.millis(r.time()));
                    ps.setString(4, r.level());
                    // Logs are the bulkiest kind after signatures and compress as well.
                    ps.setBytes(5, Sql.gzip(r.message()));
                }));
        INSERTS.put(RecordKind.SEARCH_RESULT, new Insert(
                "INSERT INTO SEARCH_RESULT (ID, RUN_ID, PARAMETERS, METRIC, VAL, CHOSEN) VALUES (?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    SearchResultRecord r = (SearchResultRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    ps.setString(3, r.parametersJson());
                    ps.setString(4, r.metric());
                    Sql.setNullableDouble(ps, 5, r.value());
                    ps.setShort(6, (short) (r.chosen() ? 1 : 0));
                }));
        INSERTS.put(RecordKind.CONTEXT, new Insert(
                "INSERT INTO RUN_CONTEXT (ID, RUN_ID, HOST, ENGINE, ENGINE_VERSION, LIBRARIES, T) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    ContextRecord r = (ContextRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    Sql.setNullableString(ps, 3, r.host());
                    Sql.setNullableString(ps, 4, r.engine());
                    Sql.setNullableString(ps, 5, r.engineVersion());
                    Sql.setNullableClob(ps, 6, r.librariesJson());
                    ps.setLong(7, Sql.millis(r.time()));
                }));
        INSERTS.put(RecordKind.HUMAN_ACTION, new Insert(
                "INSERT INTO HUMAN_ACTION (ID, ACTOR, ROLE, ACTION, SUBJECT_TYPE, SUBJECT_ID, POLICY_NODE, T, COMMENT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (ps, rec) -> {
                    HumanActionRecord r = (HumanActionRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.actor());
                    ps.setString(3, r.role());
                    ps.setString(4, r.action());
                    ps.setString(5, r.subjectType());
                    ps.setString(6, r.subjectId());
                    Sql.setNullableString(ps, 7, r.policyNode());
                    ps.setLong(8, Sql.millis(r.time()));
                    Sql.setNullableString(ps, 9, r.comment());
                }));
        INSERTS.put(RecordKind.RUN_END, new Insert(
                "INSERT INTO RUN_END (ID, RUN_ID, ENDED_AT, STATUS) VALUES (?, ?, ?, ?)",
                (ps, rec) -> {
                    RunEndRecord r = (RunEndRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.runId());
                    ps.setLong(3, Sql.millis(r.endedAt()));
                    ps.setString(4, r.status().name());
                }));
        INSERTS.put(RecordKind.MESSAGE_RECEIVED, new Insert(
                "INSERT INTO MESSAGE_RECEIPT (ID, MESSAGE_ID, RECEIVER_RUN_ID, RECEIVED_AT) VALUES (?, ?, ?, ?)",
                (ps, rec) -> {
                    MessageReceivedRecord r = (MessageReceivedRecord) rec;
                    ps.setString(1, r.id());
                    ps.setString(2, r.messageId());
                    ps.setString(3, r.receiverRunId());
                    ps.setLong(4, Sql.millis(r.receivedAt()));
                }));
        if (INSERTS.size() != RecordKind.values().length) {
            throw new AssertionError("every record kind needs an INSERT");
        }
    }

    private IngestWriter() {
    }

    /** Groups records by kind, in writing order. */
    static Map<RecordKind, List<MetadataRecord>> byKind(List<MetadataRecord> records) {
        Map<RecordKind, List<MetadataRecord>> grouped = new EnumMap<>(RecordKind.class);
        for (MetadataRecord record : records) {
            grouped.computeIfAbsent(record.kind(), k -> new ArrayList<>()).add(record);
        }
        Map<RecordKind, List<MetadataRecord>> ordered = new LinkedHashMap<>();
        for (RecordKind kind : INSERTS.keySet()) {
            if (grouped.containsKey(kind)) {
                ordered.put(kind, grouped.get(kind));
            }
        }
        return ordered;
    }

    private static final SeriesBinder STATISTIC_BINDER = (ps, r, series) -> {
        ps.setString(1, r.id());
        ps.setInt(2, series);
        ps.setLong(3, Sql.millis(r.time()));
        Sql.setNullableDouble(ps, 4, r.value());
    };

    /**
     * Inserts the records (all new) and applies run ends and message receipts.
     *
     * Appends the governance ledger's entries for them in the same transaction, so that no
     * approval, decision or deployment is committed without its entry, nor an entry without it.
     *
     * @param series the ids of the batch's statistic series, already committed
     */
    static int write(Connection connection, Map<RecordKind, List<MetadataRecord>> byKind, Map<StatisticSeriesIds.Key, Integer> series,
            LedgerTable ledger) throws SQLException {
        int written = 0;
        for (Map.Entry<RecordKind, List<MetadataRecord>> entry : byKind.entrySet()) {
            if (entry.getKey() == RecordKind.STATISTIC) {
                writeStatistics(connection, entry.getValue(), series);
                written += entry.getValue().size();
                continue;
            }
            Insert insert = INSERTS.get(entry.getKey());
            try (PreparedStatement ps = connection.prepareStatement(insert.sql())) {
                for (MetadataRecord record : entry.getValue()) {
                    insert.binder().bind(ps, record);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            written += entry.getValue().size();
        }
        applyUpdates(connection, byKind);
        ledger.append(connection, ledger.draftsFor(connection, byKind));
        return written;
    }

    private static void writeStatistics(Connection connection, List<MetadataRecord> points, Map<StatisticSeriesIds.Key, Integer> ids)
            throws SQLException {
        List<StatisticRecord> structured = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(INSERTS.get(RecordKind.STATISTIC).sql())) {
            for (MetadataRecord record : points) {
                StatisticRecord r = (StatisticRecord) record;
                STATISTIC_BINDER.bind(ps, r, ids.get(StatisticSeriesIds.Key.of(r)));
                ps.addBatch();
                if (r.structuredJson() != null) {
                    structured.add(r);
                }
            }
            ps.executeBatch();
        }
        updateLatest(connection, points, ids);
        if (!structured.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO STATISTIC_STRUCTURED (ID, VALUE_JSON) VALUES (?, ?)")) {
                for (StatisticRecord r : structured) {
                    ps.setString(1, r.id());
                    ps.setString(2, r.structuredJson());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * Keeps each series' latest scalar value on the series itself, so that "the last AUC of this
     * run" is one row, not a search through its points (Derby cannot read an index backwards).
     */
    private static void updateLatest(Connection connection, List<MetadataRecord> points, Map<StatisticSeriesIds.Key, Integer> ids)
            throws SQLException {
        Map<Integer, StatisticRecord> latest = new HashMap<>();
        for (MetadataRecord record : points) {
            StatisticRecord r = (StatisticRecord) record;
            if (Double.isNaN(r.value())) {
                continue;
            }
            latest.merge(ids.get(StatisticSeriesIds.Key.of(r)), r, (a, b) -> b.time().isBefore(a.time()) ? a : b);
        }
        if (latest.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE STAT_SERIES SET LAST_T = ?, LAST_VAL = ? WHERE ID = ? AND (LAST_T IS NULL OR LAST_T <= ?)")) {
            for (Map.Entry<Integer, StatisticRecord> e : latest.entrySet()) {
                long t = Sql.millis(e.getValue().time());
                ps.setLong(1, t);
                ps.setDouble(2, e.getValue().value());
                ps.setInt(3, e.getKey());
                ps.setLong(4, t);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Drops records whose id the store already holds, or that repeat an id earlier in the
     * batch; returns how many were dropped.
     */
    static int dropDuplicates(Connection connection, Map<RecordKind, List<MetadataRecord>> byKind) throws SQLException {
        int dropped = 0;
        for (Map.Entry<RecordKind, List<MetadataRecord>> entry : byKind.entrySet()) {
            Set<String> ids = new HashSet<>();
            entry.getValue().forEach(r -> ids.add(r.id()));
            Set<String> stored = RecordChecks.existingIds(connection, RecordChecks.tableOf(entry.getKey()), "ID", ids);
            Set<String> seen = new HashSet<>(stored);
            List<MetadataRecord> fresh = new ArrayList<>();
            for (MetadataRecord record : entry.getValue()) {
                if (seen.add(record.id())) {
                    fresh.add(record);
                }
            }
            dropped += entry.getValue().size() - fresh.size();
            entry.setValue(fresh);
        }
        byKind.values().removeIf(List::isEmpty);
        return dropped;
    }

    private static void applyUpdates(Connection connection, Map<RecordKind, List<MetadataRecord>> byKind) throws SQLException {
        List<MetadataRecord> ends = byKind.getOrDefault(RecordKind.RUN_END, List.of());
        if (!ends.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE NODE_RUN SET STATUS = ?, ENDED_AT = ? WHERE ID = ?")) {
                for (MetadataRecord rec : ends) {
                    RunEndRecord r = (RunEndRecord) rec;
                    ps.setString(1, r.status().name());
                    ps.setLong(2, Sql.millis(r.endedAt()));
                    ps.setString(3, r.runId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<MetadataRecord> receipts = byKind.getOrDefault(RecordKind.MESSAGE_RECEIVED, List.of());
        if (!receipts.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE MESSAGE SET RECEIVER_RUN_ID = ?, RECEIVED_AT = ? WHERE ID = ?")) {
                for (MetadataRecord rec : receipts) {
                    MessageReceivedRecord r = (MessageReceivedRecord) rec;
                    ps.setString(1, r.receiverRunId());
                    ps.setLong(2, Sql.millis(r.receivedAt()));
                    ps.setString(3, r.messageId());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
