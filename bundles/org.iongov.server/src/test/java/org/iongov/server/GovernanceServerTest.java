package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The real server on a free loopback port over a real embedded Derby store, driven over HTTP. */
class GovernanceServerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    /** Accepts any JSON object with a "name"; the ION model's own validator is tested with the model. */
    static final IonDefinitionCheck NAME_ONLY = json -> {
        try {
            JsonNode node = MetadataJson.MAPPER.readTree(json);
            if (!node.path("name").isTextual()) {
                throw new IonDefinitionCheck.InvalidDefinitionException(List.of("name: is required"));
            }
            return node.get("name").asText();
        } catch (IOException e) {
            throw new IonDefinitionCheck.InvalidDefinitionException(List.of("malformed: " + e.getMessage()));
        }
    };

    @TempDir
    Path temp;

    private GovernanceStore store;
    private GovernanceServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private String admin;
    private String agent;
    private String operator;
    private String scientist;

    @BeforeEach
    void start() throws IOException {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        server = GovernanceServer.start(store, NAME_ONLY, ServerOptions.defaults().withPort(0).withLimits(256 * 1024, 500));
        admin = store.createToken("root", Role.ADMIN).secret();
        agent = store.createToken("agent-spark", Role.AGENT).secret();
        operator = store.createToken("olivia", Role.OPERATOR).secret();
        scientist = store.createToken("dana", Role.DATA_SCIENTIST).secret();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private record Reply(int status, JsonNode json, byte[] bytes, HttpResponse<byte[]> raw) {
    }

    private Reply call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.uri() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        boolean json = response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        return new Reply(response.statusCode(), json ? MetadataJson.MAPPER.readTree(response.body()) : null, response.body(),
                response);
    }

    private static String batch(List<MetadataRecord> records) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(MetadataJson.toWire(r)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("records", array);
        return body.toString();
    }

    private List<MetadataRecord> pipelineRecords() throws Exception {
        byte[] model = "<PMML version=\"4.4\"/>".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new IonInstanceRecord("inst-1", "retraining", 1, T0, null));
        records.add(new RunRecord("train-1", "inst-1", "train", RunRecord.NodeKind.PIPELINE, T0, "h", "spark", "4.0.1", "agent-spark",
                "git://repo", "abc", "{\"maxIter\":10}", null));
        records.add(new DatasetRecord("ds-1", "file:/data/a.csv", 100, "d1", null, T0));
        for (int i = 0; i < 50; i++) {
            records.add(new StatisticRecord("loss-" + i, "train-1", "trainer", "loss", T0.plusSeconds(i), 1.0 / (i + 1), null));
        }
        records.add(new ModelRecord("model-1", "train-1", "lr", ModelRecord.ModelFormat.PMML, sha, model.length, T0.plusSeconds(60),
                model, null, null));
        records.add(new RunRecord("infer-1", "inst-1", "infer", RunRecord.NodeKind.PIPELINE, T0, "h2", "flink", "2.1.1", "agent-flink",
                "git://repo", "def", null, null));
        records.add(new MessageRecord("msg-1", "inst-1", "deploy", MessageRecord.MessageType.MODEL, "train-1", "infer-1",
                T0.plusSeconds(61), T0.plusSeconds(62), "model-1", null));
        records.add(new PredictionRecord("pred-1", "infer-1", T0.plusSeconds(70), List.of("model-1"), "x", null, "{\"ct\":true}"));
        return records;
    }

    private void uploadIon() throws Exception {
        assertEquals(201, call("POST", "/api/v1/ions", scientist, "{\"name\":\"retraining\",\"nodes\":[]}").status());
    }

    @Test
    void everyRequestNeedsAValidToken() throws Exception {
        Reply none = call("GET", "/api/v1/health", null, null);
        assertEquals(401, none.status());
        assertEquals("Bearer realm=\"iongov\"", none.raw().headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, call("GET", "/api/v1/health", "igv_forged", null).status());
        Reply health = call("GET", "/api/v1/health", agent, null);
        assertEquals(200, health.status());
        assertEquals("ok", health.json().get("status").asText());
        assertEquals(store.info().schemaVersion(), health.json().get("store").get("schemaVersion").asInt());
        assertEquals(store.info().location(), health.json().get("store").get("location").asText());
        assertEquals(0, health.json().get("counts").get("statistic").asInt());
    }

    @Test
    void wrongRolesAreRefusedAndChangeNothing() throws Exception {
        uploadIon();
        Map<RecordKind, Long> before = store.counts();
        Reply ingestAsOperator = call("POST", "/api/v1/ingest", operator, batch(pipelineRecords()));
        assertEquals(403, ingestAsOperator.status());
        assertEquals("role operator may not ingest (POST /api/v1/ingest)", ingestAsOperator.json().get("error").asText());
        assertEquals(403, call("POST", "/api/v1/ions", agent, "{\"name\":\"x\"}").status());
        assertEquals(403, call("POST", "/api/v1/tokens", scientist, "{\"user\":\"eve\",\"role\":\"admin\"}").status());
        assertEquals(403, call("POST", "/api/v1/retention", operator, "{\"dryRun\":false}").status());
        assertEquals(before, store.counts());
        assertEquals(4, store.tokens().size());
        assertEquals(1, store.ionDefinitions().size());
    }

    @Test
    void retriedIngestBatchNeverDuplicates() throws Exception {
        uploadIon();
        String body = batch(pipelineRecords());
        Reply first = call("POST", "/api/v1/ingest", agent, body);
        assertEquals(200, first.status(), first.json().toString());
        assertEquals(57, first.json().get("stored").asInt());
        Map<RecordKind, Long> after = store.counts();
        Reply retry = call("POST", "/api/v1/ingest", agent, body);
        assertEquals(200, retry.status());
        assertEquals(0, retry.json().get("stored").asInt());
        assertEquals(57, retry.json().get("duplicates").asInt());
        assertEquals(after, store.counts());
    }

    @Test
    void badBatchIsRejectedAtomicallyWithEachProblemNamed() throws Exception {
        uploadIon();
        List<MetadataRecord> records = new ArrayList<>(pipelineRecords());
        records.add(new StatisticRecord("orphan", "run-nobody-started", null, "auc", T0, 0.5, null));
        Reply reply = call("POST", "/api/v1/ingest", agent, batch(records));
        assertEquals(400, reply.status());
        assertEquals("records[57].runId: run 'run-nobody-started' is not recorded", reply.json().get("problems").get(0).asText());
        assertEquals(0L, store.counts().get(RecordKind.STATISTIC));
        assertEquals(0L, store.counts().get(RecordKind.RUN));
    }

    @Test
    void badInputGetsA4xxThatSaysWhatWasWrong() throws Exception {
        Reply malformed = call("POST", "/api/v1/ingest", agent, "{\"records\": [ {\"kind\": ");
        assertEquals(400, malformed.status());
        assertTrue(malformed.json().get("error").asText().startsWith("malformed JSON at line 1, column"), malformed.json().toString());

        Reply wrongType = call("POST", "/api/v1/ingest", agent, "{\"records\": [{\"kind\":\"statistic\",\"id\":7}]}");
        assertEquals(400, wrongType.status());
        assertEquals("records[0].id: expected text, got number 7", wrongType.json().get("problems").get(0).asText());

        String tooBig = "{\"records\": [" + "{\"kind\":\"log\"},".repeat(501) + "{\"kind\":\"log\"}]}";
        assertEquals(413, call("POST", "/api/v1/ingest", agent, tooBig).status());
        String oversized = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        assertEquals(413, call("POST", "/api/v1/ions", scientist, oversized).status());

        assertEquals(404, call("GET", "/api/v1/runs/no-such-run", agent, null).status());
        assertEquals("no run 'x' OR '1'='1' is recorded",
                call("GET", "/api/v1/runs/x'%20OR%20'1'='1", agent, null).json().get("error").asText());
        assertEquals(400, call("GET", "/api/v1/runs?limit=lots", agent, null).status());
        assertEquals(400, call("GET", "/api/v1/runs?limit=0", agent, null).status());
        assertEquals(400, call("GET", "/api/v1/events?from=yesterday", agent, null).status());
        assertEquals(400, call("GET", "/api/v1/statistics", agent, null).status());
        assertEquals(404, call("GET", "/api/v1/nothing-here", agent, null).status());
        assertEquals(405, call("DELETE", "/api/v1/runs", admin, null).status());
        assertEquals(400, call("POST", "/api/v1/ions", scientist, "{\"nodes\":[]}").status());

        // The server is still serving.
        assertEquals(200, call("GET", "/api/v1/health", agent, null).status());
    }

    @Test
    void queriesReturnWhatWasIngested() throws Exception {
        uploadIon();
        assertEquals(200, call("POST", "/api/v1/ingest", agent, batch(pipelineRecords())).status());

        JsonNode runs = call("GET", "/api/v1/runs?instance=inst-1&node=train", operator, null).json();
        assertEquals(1, runs.size());
        assertEquals("train-1", runs.get(0).get("start").get("id").asText());
        assertEquals(10, runs.get(0).get("start").get("configuration").get("maxIter").asInt());

        JsonNode series = call("GET", "/api/v1/statistics?name=loss&run=train-1&maxPoints=5", operator, null).json();
        assertTrue(series.get("downsampled").asBoolean());
        assertEquals(50, series.get("storedPoints").asInt());
        assertEquals(1.0, series.get("points").get(0).get("max").asDouble());

        Reply bytes = call("GET", "/api/v1/models/model-1/bytes", operator, null);
        assertArrayEquals("<PMML version=\"4.4\"/>".getBytes(StandardCharsets.UTF_8), bytes.bytes());
        JsonNode model = call("GET", "/api/v1/models/model-1", operator, null).json();
        assertEquals("pmml", model.get("format").asText());
        assertTrue(model.get("bytes") == null, "metadata without the bytes");

        JsonNode predictions = call("GET", "/api/v1/predictions?run=infer-1", operator, null).json();
        assertEquals("model-1", predictions.get(0).get("modelIds").get(0).asText());
        assertEquals(true, predictions.get(0).get("output").get("ct").asBoolean());
    }

    @Test
    void ionDefinitionsAreValidatedVersionedAndReadBack() throws Exception {
        Reply invalid = call("POST", "/api/v1/ions", scientist, "{\"nodes\":[]}");
        assertEquals(400, invalid.status());
        assertEquals("name: is required", invalid.json().get("problems").get(0).asText());
        assertEquals(1, call("POST", "/api/v1/ions", scientist, "{\"name\":\"r\",\"v\":1}").json().get("version").asInt());
        assertEquals(2, call("POST", "/api/v1/ions", scientist, "{\"name\":\"r\",\"v\":2}").json().get("version").asInt());
        assertEquals(2, call("GET", "/api/v1/ions/r", operator, null).json().get("definition").get("v").asInt());
        assertEquals(1, call("GET", "/api/v1/ions/r?version=1", operator, null).json().get("definition").get("v").asInt());
        assertEquals(2, call("GET", "/api/v1/ions", operator, null).json().size());
        assertEquals(404, call("GET", "/api/v1/ions/unknown", operator, null).status());
    }

    @Test
    void adminIssuesAndRevokesTokens() throws Exception {
        Reply created = call("POST", "/api/v1/tokens", admin, "{\"user\":\"bob\",\"role\":\"auditor\"}");
        assertEquals(201, created.status());
        String secret = created.json().get("secret").asText();
        assertEquals("auditor", created.json().get("role").asText());
        assertEquals(200, call("GET", "/api/v1/events", secret, null).status());
        assertEquals(400, call("POST", "/api/v1/tokens", admin, "{\"user\":\"bob\",\"role\":\"king\"}").status());
        assertEquals(200, call("DELETE", "/api/v1/tokens/" + created.json().get("id").asText(), admin, null).status());
        assertEquals(401, call("GET", "/api/v1/events", secret, null).status());
    }

    @Test
    void retentionDefaultsToADryRun() throws Exception {
        uploadIon();
        call("POST", "/api/v1/ingest", agent, batch(pipelineRecords()));
        JsonNode dry = call("POST", "/api/v1/retention", admin, "{\"maxAgeDays\":{\"log\":1}}").json();
        assertTrue(dry.get("dryRun").asBoolean());
        assertEquals(400, call("POST", "/api/v1/retention", admin, "{\"maxAgeDays\":{\"model\":1}}").status());
    }
}
