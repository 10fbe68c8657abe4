package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerEntryKind;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.audit.LedgerVerifier;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.model.Channel;
import org.iongov.model.Ion;
import org.iongov.model.PolicyNode;
import org.iongov.model.json.IonJson;
import org.iongov.model.json.IonJsonException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The governance ledger in {@code LEDGER_ENTRY}, its end in the one-row {@code LEDGER_HEAD}.
 *
 * <p>Entries are appended by the store's own write paths, on their connection, inside their
 * transaction: a change and its entry commit together or not at all. Appends are serialized by
 * the head row: every append first updates it, which holds Derby's exclusive row lock until the
 * transaction ends, so a second appender waits for the first to commit and then chains after it.
 * Entries are derived before the lock is taken, so the lock is held only for a few inserts.
 */
final class LedgerTable {

    /** An entry before it has its place in the chain. */
    record Draft(LedgerEntryKind kind, String actor, String subject, ObjectNode payload) {
    }

    /** Who appends when the store is not told who made the change (token and definition paths). */
    static final String STORE_ACTOR = "store";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock;
    /** False on a store opened with a schema history before the ledger (tests of older stores). */
    private final boolean enabled;
    /** The parsed ION of each instance (instances and definitions never change). */
    private final Map<String, Optional<Ion>> ionOfInstance = new ConcurrentHashMap<>();

    LedgerTable(Clock clock, int schemaVersion) {
        this.clock = clock;
        this.enabled = schemaVersion >= SchemaMigrations.V4_GOVERNANCE_LEDGER.version();
    }

    // ---- appending ----

    /** Chains the entries after the current head, in order; does nothing for none. */
    void append(Connection c, List<Draft> drafts) throws SQLException {
        if (drafts.isEmpty() || !enabled) {
            return;
        }
        // Takes the exclusive lock on the head row, held until this transaction ends.
        try (PreparedStatement lock = c.prepareStatement("UPDATE LEDGER_HEAD SET SEQ = SEQ WHERE ID = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("the ledger's head row is missing: the store was altered outside IonGov");
            }
        }
        LedgerHead head = head(c);
        Instant now = clock.instant();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO LEDGER_ENTRY (SEQ, T, KIND, ACTOR, SUBJECT, PAYLOAD,"
                + " PREV_HASH, HASH) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Draft draft : drafts) {
                LedgerEntry entry = LedgerEntry.append(head, now, draft.kind(), clip(draft.actor()), clip(draft.subject()),
                        draft.payload());
                insert.setLong(1, entry.sequence());
                insert.setLong(2, Sql.millis(entry.time()));
                insert.setString(3, entry.kind());
                insert.setString(4, entry.actor());
                insert.setString(5, entry.subject());
                insert.setString(6, entry.payloadJson());
                insert.setString(7, entry.previousHash());
                insert.setString(8, entry.hash());
                insert.addBatch();
                head = entry.head();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE LEDGER_HEAD SET SEQ = ?, HASH = ? WHERE ID = 1")) {
            update.setLong(1, head.sequence());
            update.setString(2, head.hash());
            update.executeUpdate();
        }
    }

    private static String clip(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    /**
     * The entries a batch of records (just written on this connection) calls for: people's
     * approvals, rejections and rollbacks, policy decisions, model messages a policy node sends to
     * a pipeline node, and pipelines' receipts of model messages.
     */
    List<Draft> draftsFor(Connection c, Map<RecordKind, List<MetadataRecord>> byKind) throws SQLException {
        List<Draft> drafts = new ArrayList<>();
        if (!enabled) {
            return drafts;
        }
        for (MetadataRecord record : byKind.getOrDefault(RecordKind.HUMAN_ACTION, List.of())) {
            HumanActionRecord r = (HumanActionRecord) record;
            LedgerEntryKind kind = switch (r.action()) {
                case "approve" -> LedgerEntryKind.APPROVAL;
                case "reject" -> LedgerEntryKind.REJECTION;
                case "rollback" -> LedgerEntryKind.ROLLBACK;
                default -> null;
            };
            if (kind != null) {
                ObjectNode payload = payload(r.id(), r.time());
                payload.put("role", r.role());
                payload.put("action", r.action());
                putIfPresent(payload, "policyNode", r.policyNode());
                putIfPresent(payload, "comment", r.comment());
                drafts.add(new Draft(kind, r.actor(), r.subjectType() + ":" + r.subjectId(), payload));
            }
        }
        for (MetadataRecord record : byKind.getOrDefault(RecordKind.EVENT, List.of())) {
            EventRecord r = (EventRecord) record;
            if (r.runId() == null || !("approval".equals(r.type()) || "rejection".equals(r.type()))) {
                continue;
            }
            Optional<String[]> run = run(c, r.runId());
            if (run.isEmpty() || !"POLICY".equals(run.get()[1])) {
                continue;
            }
            JsonNode details = parse(r.detailsJson());
            ObjectNode payload = payload(r.id(), r.time());
            payload.put("outcome", r.type());
            payload.put("message", r.message());
            putIfPresent(payload, "instanceId", r.instanceId());
            putIfPresent(payload, "messageId", details.path("messageId").textValue());
            String modelId = details.path("modelId").textValue();
            drafts.add(new Draft(LedgerEntryKind.POLICY_DECISION, "policy:" + run.get()[0],
                    modelId == null ? "event:" + r.id() : "model:" + modelId, payload));
        }
        for (MetadataRecord record : byKind.getOrDefault(RecordKind.MESSAGE, List.of())) {
            MessageRecord r = (MessageRecord) record;
            if (r.messageType() != MessageRecord.MessageType.MODEL) {
                continue;
            }
            Optional<String[]> sender = run(c, r.senderRunId());
            if (sender.isEmpty() || !"POLICY".equals(sender.get()[1])) {
                continue;
            }
            Channel channel = ionOf(c, r.instanceId()).map(ion -> ion.findChannel(r.channel())).orElse(null);
            if (channel != null && channel.getTo() instanceof PolicyNode) {
                continue; // on to the next policy step, not yet deployed
            }
            ObjectNode payload = payload(r.id(), r.sentAt());
            payload.put("instanceId", r.instanceId());
            payload.put("channel", r.channel());
            putIfPresent(payload, "node", channel == null || channel.getTo() == null ? null : channel.getTo().getName());
            payload.put("messageId", r.id());
            payload.put("senderRunId", r.senderRunId());
            drafts.add(new Draft(LedgerEntryKind.DEPLOYMENT, "policy:" + sender.get()[0], "model:" + r.modelId(), payload));
        }
        for (MetadataRecord record : byKind.getOrDefault(RecordKind.MESSAGE_RECEIVED, List.of())) {
            MessageReceivedRecord r = (MessageReceivedRecord) record;
            Optional<String[]> receiver = run(c, r.receiverRunId());
            if (receiver.isEmpty() || !"PIPELINE".equals(receiver.get()[1])) {
                continue;
            }
            String modelId = modelOfMessage(c, r.messageId());
            if (modelId == null) {
                continue;
            }
            ObjectNode payload = payload(r.id(), r.receivedAt());
            payload.put("messageId", r.messageId());
            payload.put("receiverRunId", r.receiverRunId());
            payload.put("node", receiver.get()[0]);
            drafts.add(new Draft(LedgerEntryKind.DEPLOYMENT_RECEIPT, "pipeline:" + receiver.get()[0], "model:" + modelId, payload));
        }
        return drafts;
    }

    static Draft definitionUploaded(String name, int version, String definitionJson, String actor) {
        ObjectNode payload = JSON.objectNode();
        payload.put("name", name);
        payload.put("version", version);
        payload.put("sha256", TokenTable.sha256(definitionJson));
        return new Draft(LedgerEntryKind.ION_DEFINITION, actorOrStore(actor), "ion:" + name, payload);
    }

    static Draft token(LedgerEntryKind kind, String tokenId, String user, String role, String actor) {
        ObjectNode payload = JSON.objectNode();
        payload.put("tokenId", tokenId);
        payload.put("user", user);
        payload.put("role", MetadataJson.wireName(org.iongov.core.access.Role.valueOf(role)));
        return new Draft(kind, actorOrStore(actor), "token:" + tokenId, payload);
    }

    /** Who made a change, as the ledger names them: the caller given, else the store itself (an unnamed local change). */
    static String actorOrStore(String actor) {
        return actor == null || actor.isBlank() ? STORE_ACTOR : actor.length() > 200 ? actor.substring(0, 200) : actor;
    }

    private static ObjectNode payload(String recordId, Instant recordTime) {
        ObjectNode payload = JSON.objectNode();
        payload.put("record", recordId);
        payload.put("recordTime", Instant.ofEpochMilli(recordTime.toEpochMilli()).toString());
        return payload;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return JSON.objectNode();
        }
        try {
            return MetadataJson.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.objectNode();
        }
    }

    /** A run's node and node kind. */
    private static Optional<String[]> run(Connection c, String runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NODE, NODE_KIND FROM NODE_RUN WHERE ID = ?")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static String modelOfMessage(Connection c, String messageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MODEL_ID FROM MESSAGE WHERE ID = ? AND MESSAGE_TYPE = 'MODEL'")) {
            ps.setString(1, messageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private Optional<Ion> ionOf(Connection c, String instanceId) throws SQLException {
        Optional<Ion> cached = ionOfInstance.get(instanceId);
        if (cached != null) {
            return cached;
        }
        Optional<Ion> ion = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement("SELECT D.DEFINITION FROM ION_INSTANCE I JOIN ION_DEFINITION D"
                + " ON D.NAME = I.ION_NAME AND D.VERSION = I.ION_VERSION WHERE I.ID = ?")) {
            ps.setString(1, instanceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    ion = Optional.of(IonJson.parse(rs.getString(1)));
                }
            } catch (IonJsonException e) {
                // Definitions are validated at upload; one that is not an ION names no policy nodes.
                ion = Optional.empty();
            }
        }
        ionOfInstance.put(instanceId, ion);
        return ion;
    }

    // ---- reading ----

    static LedgerHead head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, HASH FROM LEDGER_HEAD WHERE ID = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the ledger's head row is missing: the store was altered outside IonGov");
            }
            return new LedgerHead(rs.getLong(1), rs.getString(2));
        }
    }

    static List<LedgerEntry> entries(Connection c, long from, int limit) throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE SEQ >= ? ORDER BY SEQ")) {
            ps.setLong(1, from);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(entry(rs));
                }
            }
        }
        return entries;
    }

    /**
     * Reads the chain up to the stored head without holding up appends, then, briefly holding
     * the head's lock, checks that no entries lie beyond it.
     */
    static LedgerVerification verify(Connection c, LedgerHead exported) throws SQLException {
        LedgerHead stored = head(c);
        LedgerVerifier verifier = new LedgerVerifier(stored, exported);
        try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE SEQ <= ? ORDER BY SEQ")) {
            ps.setLong(1, stored.sequence());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && verifier.accept(entry(rs))) {
                    // each entry checked as it is read
                }
            }
        }
        LedgerVerification result = verifier.result();
        if (!result.intact()) {
            return result;
        }
        try (PreparedStatement lock = c.prepareStatement("UPDATE LEDGER_HEAD SET SEQ = SEQ WHERE ID = 1")) {
            lock.executeUpdate();
        }
        LedgerHead now = head(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(SEQ), COUNT(*) FROM LEDGER_ENTRY WHERE SEQ > ?")) {
            ps.setLong(1, now.sequence());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(2) > 0) {
                    return LedgerVerification.broken(result.entriesChecked(), stored, rs.getLong(1), null, rs.getLong(2)
                            + " entries lie beyond the store's head (entry " + now.sequence() + "): the head was set back");
                }
            }
        }
        return result;
    }

    private static final String SELECT = "SELECT SEQ, T, KIND, ACTOR, SUBJECT, PAYLOAD, PREV_HASH, HASH FROM LEDGER_ENTRY";

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong(1), Sql.instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }
}
