package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;

/**
 * Checks a batch before anything is written: required fields, sizes that fit the columns, and
 * references to runs, instances, models, messages and datasets that exist in the store or
 * earlier in the same batch. Problems name the record by position and field.
 */
final class RecordChecks {

    /** Which table holds the entities a reference can point to. */
    private enum Target {
        ION("ION_DEFINITION", "NAME"), INSTANCE("ION_INSTANCE", "ID"), RUN("NODE_RUN", "ID"), MODEL("MODEL", "ID"),
        MESSAGE("MESSAGE", "ID"), DATASET("DATASET", "ID");

        final String table;
        final String column;

        Target(String table, String column) {
            this.table = table;
            this.column = column;
        }
    }

    private record Reference(int index, String field, Target target, String id) {
    }

    private final List<String> problems = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final Map<Target, Set<String>> definedInBatch = new HashMap<>();

    /** Returns the problems of the batch, empty when it may be written. */
    static List<String> check(Connection connection, List<MetadataRecord> records) throws SQLException {
        RecordChecks checks = new RecordChecks();
        for (int i = 0; i < records.size(); i++) {
            checks.checkRecord(i, records.get(i));
        }
        if (checks.problems.isEmpty()) {
            checks.checkReferences(connection);
        }
        return checks.problems;
    }

    private void checkRecord(int i, MetadataRecord record) {
        if (record == null) {
            problems.add("records[" + i + "]: is null");
            return;
        }
        text(i, "id", record.id(), 200, true);
        if (record instanceof IonInstanceRecord r) {
            text(i, "ionName", r.ionName(), 200, true);
            if (r.ionVersion() < 1) {
                problems.add(at(i, "ionVersion") + "must be 1 or more, was " + r.ionVersion());
            }
            time(i, "createdAt", r.createdAt(), true);
            text(i, "description", r.description(), 4000, false);
            refer(i, "ionName", Target.ION, r.ionName());
            define(Target.INSTANCE, r.id());
        } else if (record instanceof RunRecord r) {
            text(i, "instanceId", r.instanceId(), 200, true);
            text(i, "node", r.node(), 200, true);
            required(i, "nodeKind", r.nodeKind());
            time(i, "startedAt", r.startedAt(), true);
            text(i, "host", r.host(), 255, false);
            text(i, "engine", r.engine(), 64, false);
            text(i, "engineVersion", r.engineVersion(), 64, false);
            text(i, "agent", r.agent(), 200, false);
            text(i, "codeUri", r.codeUri(), 2000, false);
            text(i, "codeVersion", r.codeVersion(), 200, false);
            text(i, "startedBy", r.startedBy(), 200, false);
            refer(i, "instanceId", Target.INSTANCE, r.instanceId());
            define(Target.RUN, r.id());
        } else if (record instanceof RunEndRecord r) {
            text(i, "runId", r.runId(), 200, true);
            time(i, "endedAt", r.endedAt(), true);
            required(i, "status", r.status());
            refer(i, "runId", Target.RUN, r.runId());
        } else if (record instanceof ComponentRunRecord r) {
            runRef(i, r.runId());
            text(i, "component", r.component(), 200, true);
            time(i, "startedAt", r.startedAt(), true);
            required(i, "status", r.status());
        } else if (record instanceof StatisticRecord r) {
            runRef(i, r.runId());
            text(i, "component", r.component(), 200, false);
            text(i, "name", r.name(), 200, true);
            time(i, "time", r.time(), true);
            if (Double.isInfinite(r.value())) {
                problems.add(at(i, "value") + "must be a finite number, was " + r.value());
            }
            if (Double.isNaN(r.value()) && r.structuredJson() == null) {
                problems.add(at(i, "value") + "needs a number, or a structured value in 'structured'");
            }
        } else if (record instanceof SignatureRecord r) {
            runRef(i, r.runId());
            text(i, "component", r.component(), 200, false);
            required(i, "target", r.target());
            text(i, "feature", r.feature(), 200, true);
            time(i, "time", r.time(), true);
            text(i, "histogram", r.histogramJson(), Integer.MAX_VALUE, true);
        } else if (record instanceof MessageRecord r) {
            text(i, "instanceId", r.instanceId(), 200, true);
            text(i, "channel", r.channel(), 200, true);
            required(i, "messageType", r.messageType());
            text(i, "senderRunId", r.senderRunId(), 200, true);
            text(i, "receiverRunId", r.receiverRunId(), 200, false);
            time(i, "sentAt", r.sentAt(), true);
            text(i, "modelId", r.modelId(), 200, false);
            if (r.messageType() == MessageRecord.MessageType.MODEL && r.modelId() == null) {
                problems.add(at(i, "modelId") + "is required for a model message");
            }
            refer(i, "instanceId", Target.INSTANCE, r.instanceId());
            refer(i, "senderRunId", Target.RUN, r.senderRunId());
            refer(i, "receiverRunId", Target.RUN, r.receiverRunId());
            refer(i, "modelId", Target.MODEL, r.modelId());
            define(Target.MESSAGE, r.id());
        } else if (record instanceof MessageReceivedRecord r) {
            text(i, "messageId", r.messageId(), 200, true);
            text(i, "receiverRunId", r.receiverRunId(), 200, true);
            time(i, "receivedAt", r.receivedAt(), true);
            refer(i, "messageId", Target.MESSAGE, r.messageId());
            refer(i, "receiverRunId", Target.RUN, r.receiverRunId());
        } else if (record instanceof ModelRecord r) {
            runRef(i, r.runId());
            text(i, "name", r.name(), 200, false);
            required(i, "format", r.format());
            if (r.sha256() == null || !r.sha256().matches("[0-9a-f]{64}")) {
                problems.add(at(i, "sha256") + "must be 64 lower-case hex digits");
            }
            if (r.size() < 0) {
                problems.add(at(i, "size") + "must not be negative");
            }
            time(i, "createdAt", r.createdAt(), true);
            text(i, "location", r.location(), 2000, false);
            if (r.bytes() == null && r.location() == null) {
                problems.add(at(i, "bytes") + "a model needs its bytes or a location");
            }
            if (r.bytes() != null && r.bytes().length != r.size()) {
                problems.add(at(i, "size") + "is " + r.size() + " but the bytes are " + r.bytes().length);
            }
            define(Target.MODEL, r.id());
        } else if (record instanceof DatasetRecord r) {
            text(i, "uri", r.uri(), 2000, true);
            text(i, "digest", r.digest(), 200, false);
            time(i, "recordedAt", r.recordedAt(), true);
            define(Target.DATASET, r.id());
        } else if (record instanceof DatasetUseRecord r) {
            runRef(i, r.runId());
            text(i, "datasetId", r.datasetId(), 200, true);
            required(i, "direction", r.direction());
            time(i, "time", r.time(), true);
            refer(i, "datasetId", Target.DATASET, r.datasetId());
        } else if (record instanceof PredictionRecord r) {
            runRef(i, r.runId());
            time(i, "time", r.time(), true);
            if (r.modelIds().isEmpty()) {
                problems.add(at(i, "modelIds") + "must name the model(s) that made the prediction");
            }
            for (int m = 0; m < r.modelIds().size(); m++) {
                String modelId = r.modelIds().get(m);
                if (modelId == null || modelId.isBlank() || modelId.contains(",")) {
                    problems.add(at(i, "modelIds[" + m + "]") + "must be a model id without commas");
                } else {
                    refer(i, "modelIds[" + m + "]", Target.MODEL, modelId);
                }
            }
            if (String.join(",", r.modelIds()).length() > 2000) {
                problems.add(at(i, "modelIds") + "is longer than 2000 characters in all");
            }
            text(i, "inputDigest", r.inputDigest(), 128, false);
            text(i, "output", r.outputJson(), 8000, true);
        } else if (record instanceof EventRecord r) {
            text(i, "instanceId", r.instanceId(), 200, false);
            text(i, "runId", r.runId(), 200, false);
            time(i, "time", r.time(), true);
            text(i, "type", r.type(), 64, true);
            required(i, "severity", r.severity());
            text(i, "message", r.message(), 4000, true);
            refer(i, "instanceId", Target.INSTANCE, r.instanceId());
            refer(i, "runId", Target.RUN, r.runId());
        } else if (record instanceof LogRecord r) {
            runRef(i, r.runId());
            time(i, "time", r.time(), true);
            text(i, "level", r.level(), 16, true);
            text(i, "message", r.message(), Integer.MAX_VALUE, true);
        } else if (record instanceof SearchResultRecord r) {
            runRef(i, r.runId());
            text(i, "parameters", r.parametersJson(), Integer.MAX_VALUE, true);
            text(i, "metric", r.metric(), 200, true);
            if (Double.isInfinite(r.value())) {
                problems.add(at(i, "value") + "must be a finite number");
            }
        } else if (record instanceof ContextRecord r) {
            runRef(i, r.runId());
            text(i, "host", r.host(), 255, false);
            text(i, "engine", r.engine(), 64, false);
            text(i, "engineVersion", r.engineVersion(), 64, false);
            time(i, "time", r.time(), true);
        } else if (record instanceof HumanActionRecord r) {
            text(i, "actor", r.actor(), 200, true);
            text(i, "role", r.role(), 32, true);
            text(i, "action", r.action(), 32, true);
            text(i, "subjectType", r.subjectType(), 32, true);
            text(i, "subjectId", r.subjectId(), 200, true);
            text(i, "policyNode", r.policyNode(), 200, false);
            time(i, "time", r.time(), true);
            text(i, "comment", r.comment(), 4000, false);
        }
    }

    private void runRef(int i, String runId) {
        text(i, "runId", runId, 200, true);
        refer(i, "runId", Target.RUN, runId);
    }

    private static String at(int i, String field) {
        return "records[" + i + "]." + field + ": ";
    }

    private void text(int i, String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(at(i, field) + "is required");
            }
        } else if (value.length() > maxLength) {
            problems.add(at(i, field) + "is " + value.length() + " characters long; at most " + maxLength + " fit");
        }
    }

    private void required(int i, String field, Object value) {
        if (value == null) {
            problems.add(at(i, field) + "is required");
        }
    }

    private void time(int i, String field, Instant value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(at(i, field) + "is required");
            }
        } else if (value.getEpochSecond() < 0 || value.getEpochSecond() > 32503680000L) {
            problems.add(at(i, field) + "is outside the years 1970 to 3000: " + value);
        }
    }

    private void refer(int i, String field, Target target, String id) {
        if (id != null && !id.isBlank()) {
            references.add(new Reference(i, field, target, id));
        }
    }

    private void define(Target target, String id) {
        if (id != null) {
            definedInBatch.computeIfAbsent(target, t -> new HashSet<>()).add(id);
        }
    }

    private void checkReferences(Connection connection) throws SQLException {
        Map<Target, Set<String>> wanted = new LinkedHashMap<>();
        for (Reference reference : references) {
            if (!definedInBatch.getOrDefault(reference.target(), Set.of()).contains(reference.id())) {
                wanted.computeIfAbsent(reference.target(), t -> new HashSet<>()).add(reference.id());
            }
        }
        Map<Target, Set<String>> existing = new HashMap<>();
        for (Map.Entry<Target, Set<String>> entry : wanted.entrySet()) {
            existing.put(entry.getKey(), existingIds(connection, entry.getKey(), entry.getValue()));
        }
        for (Reference reference : references) {
            Set<String> inBatch = definedInBatch.getOrDefault(reference.target(), Set.of());
            if (!inBatch.contains(reference.id()) && !existing.getOrDefault(reference.target(), Set.of()).contains(reference.id())) {
                problems.add(at(reference.index(), reference.field()) + describe(reference.target()) + " '" + reference.id()
                        + "' is not recorded");
            }
        }
    }

    private static String describe(Target target) {
        return switch (target) {
            case ION -> "ION definition";
            case INSTANCE -> "ION instance";
            case RUN -> "run";
            case MODEL -> "model";
            case MESSAGE -> "message";
            case DATASET -> "dataset";
        };
    }

    static Set<String> existingIds(Connection connection, Target target, Set<String> ids) throws SQLException {
        return existingIds(connection, target.table, target.column, ids);
    }

    /** Which of these ids the table's column already holds, asked in chunks of 500. */
    static Set<String> existingIds(Connection connection, String table, String column, Set<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += 500) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + 500));
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IN (" + Sql.placeholders(chunk.size()) + ")")) {
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setString(k + 1, chunk.get(k));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    /** Every table that holds a kind's data (the first holds its record ids). */
    static List<String> tablesOf(RecordKind kind) {
        return kind == RecordKind.STATISTIC ? List.of("STATISTIC", "STAT_SERIES", "STATISTIC_STRUCTURED") : List.of(tableOf(kind));
    }

    /** The table a record kind is stored in (its ID column holds the record ids). */
    static String tableOf(RecordKind kind) {
        return switch (kind) {
            case ION_INSTANCE -> "ION_INSTANCE";
            case RUN -> "NODE_RUN";
            case RUN_END -> "RUN_END";
            case COMPONENT_RUN -> "COMPONENT_RUN";
            case STATISTIC -> "STATISTIC";
            case SIGNATURE -> "SIGNATURE";
            case MESSAGE -> "MESSAGE";
            case MESSAGE_RECEIVED -> "MESSAGE_RECEIPT";
            case MODEL -> "MODEL";
            case DATASET -> "DATASET";
            case DATASET_USE -> "DATASET_USE";
            case PREDICTION -> "PREDICTION";
            case EVENT -> "EVENT";
            case LOG -> "LOG_LINE";
            case SEARCH_RESULT -> "SEARCH_RESULT";
            case CONTEXT -> "RUN_CONTEXT";
            case HUMAN_ACTION -> "HUMAN_ACTION";
        };
    }
}
