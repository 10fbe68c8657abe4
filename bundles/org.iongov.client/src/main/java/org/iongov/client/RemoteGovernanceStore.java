package org.iongov.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.iongov.core.access.AccessToken;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IngestReceipt;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.RetentionReport;
import org.iongov.core.store.StoreException.Reason;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link GovernanceStore} behind an IonGov server: every call is one HTTP request with the
 * caller's bearer token. What the server refuses arrives as the same exceptions an embedded
 * store throws (invalid records, bad arguments), and access or connection failures as a
 * {@link StoreException} whose message says what to do.
 */
public final class RemoteGovernanceStore implements GovernanceStore {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final URI base;
    private final String token;
    private final HttpClient http;

    /**
     * @param server the server's base URI, e.g. {@code http://127.0.0.1:8470}
     * @param token a bearer token issued by that server
     */
    public RemoteGovernanceStore(URI server, String token) {
        String text = server.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    // ---- HTTP ----

    private record Reply(int status, byte[] body) {
    }

    private Reply send(String method, String path, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new StoreException(Reason.UNREACHABLE, "cannot reach the IonGov server at " + base
                    + ": is it running (./iongov server), and is the URL right?", e);
        } catch (IOException e) {
            throw new StoreException(Reason.UNREACHABLE, "the IonGov server at " + base + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.UNREACHABLE, "interrupted while waiting for " + base, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Reply(status, response.body());
        }
        if (status == 404) {
            return new Reply(status, response.body());
        }
        JsonNode error = parseQuietly(response.body());
        String message = error.path("error").asText("HTTP " + status);
        List<String> problems = new ArrayList<>();
        error.path("problems").forEach(p -> problems.add(p.asText()));
        switch (status) {
            case 400, 413 -> {
                if (!problems.isEmpty() && path.startsWith("/api/v1/ingest")) {
                    throw new InvalidRecordsException(problems);
                }
                throw new IllegalArgumentException(problems.isEmpty() ? message : message + ": " + String.join("; ", problems));
            }
            case 401 -> throw new ServerRefusedException(status, message, "the server at " + base + " refused the token: " + message
                    + " (pass a valid one with --token)");
            case 403 -> throw new ServerRefusedException(status, message, "the server at " + base + " refused: " + message);
            default -> throw new StoreException(Reason.FAILED, "the server at " + base + " failed: " + message);
        }
    }

    private JsonNode getJson(String path) {
        Reply reply = send("GET", path, null);
        return reply.status() == 404 ? null : parse(reply.body());
    }

    private JsonNode postJson(String path, JsonNode body) {
        try {
            return parse(send("POST", path, MetadataJson.MAPPER.writeValueAsBytes(body)).body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a request", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MetadataJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new StoreException(Reason.FAILED, "the server answered with something that is not JSON", e);
        }
    }

    private static JsonNode parseQuietly(byte[] body) {
        try {
            JsonNode node = MetadataJson.MAPPER.readTree(body);
            return node == null ? JSON.objectNode() : node;
        } catch (IOException e) {
            return JSON.objectNode();
        }
    }

    private static <R extends Record> R as(Class<R> type, JsonNode node) {
        List<String> problems = new ArrayList<>();
        R value = MetadataJson.readAs(type, node, "reply", problems, Set.of("kind"));
        if (!problems.isEmpty()) {
            throw new StoreException(Reason.FAILED, "unexpected reply from the server: " + problems.get(0));
        }
        return value;
    }

    private static <R extends Record> List<R> listOf(Class<R> type, JsonNode array) {
        List<R> result = new ArrayList<>();
        for (JsonNode item : array) {
            result.add(as(type, item));
        }
        return result;
    }

    /** {@code ?a=1&b=x} from the non-null entries, URL-encoded. */
    private static String query(Map<String, Object> params) {
        StringJoiner joiner = new StringJoiner("&", "?", "");
        joiner.setEmptyValue("");
        params.forEach((k, v) -> {
            if (v != null) {
                joiner.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return joiner.toString();
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> withRange(Map<String, Object> params, TimeRange range) {
        params.put("from", range.from());
        params.put("to", range.to());
        return params;
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- GovernanceStore ----

    @Override
    public StoreInfo info() {
        JsonNode store = getJson("/api/v1/health").get("store");
        return as(StoreInfo.class, store);
    }

    @Override
    public Map<RecordKind, Long> counts() {
        JsonNode counts = getJson("/api/v1/health").get("counts");
        Map<RecordKind, Long> result = new EnumMap<>(RecordKind.class);
        counts.fields().forEachRemaining(e -> RecordKind.fromWireName(e.getKey()).ifPresent(k -> result.put(k, e.getValue().asLong())));
        return result;
    }

    @Override
    public Map<RecordKind, Long> storageBytes() {
        JsonNode bytes = getJson("/api/v1/health").get("storageBytes");
        Map<RecordKind, Long> result = new EnumMap<>(RecordKind.class);
        bytes.fields().forEachRemaining(e -> RecordKind.fromWireName(e.getKey()).ifPresent(k -> result.put(k, e.getValue().asLong())));
        return result;
    }

    @Override
    public IonDefinitionRecord addIonDefinition(String name, String definitionJson) {
        Reply reply = send("POST", "/api/v1/ions", definitionJson.getBytes(StandardCharsets.UTF_8));
        JsonNode node = parse(reply.body());
        return new IonDefinitionRecord(node.get("name").asText(), node.get("version").asInt(),
                Instant.parse(node.get("uploadedAt").asText()), definitionJson);
    }

    @Override
    public List<IonDefinitionRecord> ionDefinitions() {
        List<IonDefinitionRecord> result = new ArrayList<>();
        for (JsonNode item : getJson("/api/v1/ions")) {
            result.add(ionDefinition(item.get("name").asText(), item.get("version").asInt()).orElseThrow());
        }
        return result;
    }

    @Override
    public Optional<IonDefinitionRecord> ionDefinition(String name, Integer version) {
        JsonNode node = getJson("/api/v1/ions/" + segment(name) + query(params("version", version)));
        if (node == null) {
            return Optional.empty();
        }
        return Optional.of(new IonDefinitionRecord(node.get("name").asText(), node.get("version").asInt(),
                Instant.parse(node.get("uploadedAt").asText()), node.get("definition").toString()));
    }

    @Override
    public IngestReceipt ingest(IngestBatch batch) {
        ArrayNode records = JSON.arrayNode();
        for (MetadataRecord record : batch.records()) {
            records.add(MetadataJson.toWire(record));
        }
        ObjectNode body = JSON.objectNode();
        body.set("records", records);
        return as(IngestReceipt.class, postJson("/api/v1/ingest", body));
    }

    @Override
    public List<IonInstanceRecord> instances() {
        return listOf(IonInstanceRecord.class, getJson("/api/v1/instances"));
    }

    @Override
    public List<NodeRun> runs(RunQuery q) {
        return listOf(NodeRun.class, getJson("/api/v1/runs"
                + query(withRange(params("instance", q.instanceId(), "node", q.node(), "limit", q.limit()), q.started()))));
    }

    @Override
    public Optional<NodeRun> run(String runId) {
        return Optional.ofNullable(getJson("/api/v1/runs/" + segment(runId))).map(n -> as(NodeRun.class, n));
    }

    @Override
    public StatisticSeries statistics(StatisticQuery q) {
        return as(StatisticSeries.class, getJson("/api/v1/statistics"
                + query(withRange(params("name", q.name(), "run", q.runId(), "maxPoints", q.maxPoints()), q.range()))));
    }

    @Override
    public List<String> statisticNames(String runId) {
        List<String> names = new ArrayList<>();
        getJson("/api/v1/statistics/names" + query(params("run", runId))).forEach(n -> names.add(n.asText()));
        return names;
    }

    @Override
    public Map<String, Double> latestStatistics(String runId) {
        Map<String, Double> latest = new java.util.TreeMap<>();
        getJson("/api/v1/statistics/latest" + query(params("run", runId))).fields()
                .forEachRemaining(e -> latest.put(e.getKey(), e.getValue().asDouble()));
        return latest;
    }

    private static String recordQuery(RecordQuery q) {
        return query(withRange(params("run", q.runId(), "instance", q.instanceId(), "type", q.type(), "subject", q.subjectId(), "limit", q.limit()), q.range()));
    }

    @Override
    public List<ModelRecord> models(RecordQuery q) {
        return listOf(ModelRecord.class, getJson("/api/v1/models" + recordQuery(q)));
    }

    @Override
    public Optional<ModelRecord> model(String modelId) {
        JsonNode node = getJson("/api/v1/models/" + segment(modelId));
        if (node == null) {
            return Optional.empty();
        }
        ModelRecord m = as(ModelRecord.class, node);
        byte[] bytes = null;
        if (m.location() == null) {
            Reply reply = send("GET", "/api/v1/models/" + segment(modelId) + "/bytes", null);
            bytes = reply.status() == 404 ? null : reply.body();
        }
        return Optional.of(new ModelRecord(m.id(), m.runId(), m.name(), m.format(), m.sha256(), m.size(), m.createdAt(), bytes,
                m.location(), m.metadataJson()));
    }

    @Override
    public List<DatasetRecord> datasets(RecordQuery q) {
        return listOf(DatasetRecord.class, getJson("/api/v1/datasets" + recordQuery(q)));
    }

    @Override
    public List<PredictionRecord> predictions(RecordQuery q) {
        return listOf(PredictionRecord.class, getJson("/api/v1/predictions" + recordQuery(q)));
    }

    @Override
    public Optional<PredictionRecord> prediction(String predictionId) {
        return Optional.ofNullable(getJson("/api/v1/predictions/" + segment(predictionId))).map(n -> as(PredictionRecord.class, n));
    }

    @Override
    public List<EventRecord> events(RecordQuery q) {
        return listOf(EventRecord.class, getJson("/api/v1/events" + recordQuery(q)));
    }

    @Override
    public List<SearchResultRecord> searchResults(RecordQuery q) {
        return listOf(SearchResultRecord.class, getJson("/api/v1/search-results" + recordQuery(q)));
    }

    @Override
    public List<SignatureRecord> signatures(RecordQuery q) {
        return listOf(SignatureRecord.class, getJson("/api/v1/signatures" + recordQuery(q)));
    }

    @Override
    public List<StatisticRecord> structuredStatistics(RecordQuery q) {
        return listOf(StatisticRecord.class, getJson("/api/v1/structured-statistics" + recordQuery(q)));
    }

    @Override
    public List<LogRecord> logs(RecordQuery q) {
        return listOf(LogRecord.class, getJson("/api/v1/logs" + recordQuery(q)));
    }

    @Override
    public List<DatasetUseRecord> datasetUses(RecordQuery q) {
        return listOf(DatasetUseRecord.class, getJson("/api/v1/dataset-uses" + recordQuery(q)));
    }

    @Override
    public List<MessageReceivedRecord> messageReceipts(RecordQuery q) {
        return listOf(MessageReceivedRecord.class, getJson("/api/v1/message-receipts" + recordQuery(q)));
    }

    @Override
    public List<MessageRecord> messages(RecordQuery q) {
        return listOf(MessageRecord.class, getJson("/api/v1/messages" + query(withRange(params("instance", q.instanceId(), "channel",
                q.type(), "run", q.runId(), "model", q.subjectId(), "limit", q.limit()), q.range()))));
    }

    @Override
    public Optional<MessageRecord> message(String messageId) {
        return Optional.ofNullable(getJson("/api/v1/messages/" + segment(messageId))).map(n -> as(MessageRecord.class, n));
    }

    @Override
    public List<HumanActionRecord> humanActions(RecordQuery q) {
        return listOf(HumanActionRecord.class, getJson("/api/v1/approvals"
                + query(withRange(params("action", q.type(), "subject", q.subjectId(), "limit", q.limit()), q.range()))));
    }

    @Override
    public IssuedToken createToken(String user, Role role) {
        ObjectNode body = JSON.objectNode();
        body.put("user", user);
        body.put("role", role.wireName());
        JsonNode reply = postJson("/api/v1/tokens", body);
        String secret = reply.get("secret").asText();
        ((ObjectNode) reply).remove("secret");
        return new IssuedToken(as(AccessToken.class, reply), secret);
    }

    @Override
    public Optional<AccessToken> authenticate(String secret) {
        throw new UnsupportedOperationException("tokens are checked by the server, not by its clients");
    }

    @Override
    public List<AccessToken> tokens() {
        return listOf(AccessToken.class, getJson("/api/v1/tokens"));
    }

    @Override
    public List<LedgerEntry> ledger(long from, int limit) {
        return listOf(LedgerEntry.class, getJson("/api/v1/ledger" + query(params("from", from, "limit", limit))));
    }

    @Override
    public LedgerHead ledgerHead() {
        return as(LedgerHead.class, getJson("/api/v1/ledger/head"));
    }

    @Override
    public LedgerVerification verifyLedger(LedgerHead exportedHead) {
        return as(LedgerVerification.class, getJson("/api/v1/ledger/verify" + query(exportedHead == null ? params()
                : params("headSequence", exportedHead.sequence(), "headHash", exportedHead.hash()))));
    }

    @Override
    public boolean revokeToken(String tokenId) {
        return send("DELETE", "/api/v1/tokens/" + segment(tokenId), null).status() != 404;
    }

    @Override
    public RetentionReport applyRetention(RetentionPolicy policy, Instant now, boolean dryRun) {
        ObjectNode body = JSON.objectNode();
        body.put("dryRun", dryRun);
        ObjectNode days = body.putObject("maxAgeDays");
        policy.maxAge().forEach((kind, age) -> days.put(kind.wireName(), age.toDays()));
        JsonNode reply = postJson("/api/v1/retention", body);
        Map<RecordKind, Long> expired = new EnumMap<>(RecordKind.class);
        reply.path("expired").fields().forEachRemaining(
                e -> RecordKind.fromWireName(e.getKey()).ifPresent(k -> expired.put(k, e.getValue().asLong())));
        return new RetentionReport(Instant.parse(reply.get("now").asText()), reply.get("dryRun").asBoolean(), expired);
    }

    @Override
    public void close() {
        // Each call is its own request: nothing to release.
    }
}
