package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.server.ApiCalls.Reply;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The governance ledger fed by the server's real paths (ION upload, ingest with model
 * propagation, approvals, rollbacks, tokens) and read through its routes.
 */
class GovernanceLedgerRoutesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private GovernanceStore store;
    private GovernanceServer server;
    private ApiCalls api;
    private String admin;
    private String agent;
    private String olivia;
    private String oscar;
    private int sequence;

    @BeforeEach
    void start() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY, ServerOptions.defaults().withPort(0));
        api = new ApiCalls(server);
        admin = store.createToken("root", Role.ADMIN).secret();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private Reply call(String method, String path, String token, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    private String token(String user, String role) throws Exception {
        Reply reply = call("POST", "/api/v1/tokens", admin, "{\"user\":\"" + user + "\",\"role\":\"" + role + "\"}");
        assertEquals(201, reply.status(), reply.json().toString());
        return reply.json().get("secret").asText();
    }

    private void ingest(List<MetadataRecord> records) throws Exception {
        api.ingest(agent, records);
    }

    private String train(double auc) throws Exception {
        return train("c-1", "train-recommender", "candidate-model", auc);
    }

    private String train(String instance, String node, String channel, double auc) throws Exception {
        int n = ++sequence;
        byte[] bytes = ("<PMML n=\"" + n + "\"/>").getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String run = "run-" + n;
        String model = "model-" + n;
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new RunRecord(run, instance, node, RunRecord.NodeKind.PIPELINE, T0.plusSeconds(n), "h", "spark", "4.0.1",
                "a", "git://r", "c", null, "dana"));
        records.add(new StatisticRecord("stat-" + n, run, "evaluate", "auc", T0.plusSeconds(n), auc, null));
        records.add(new ModelRecord(model, run, "lr", ModelRecord.ModelFormat.PMML, sha, bytes.length, T0.plusSeconds(n), bytes, null,
                null));
        records.add(new MessageRecord("msg-" + n, instance, channel, MessageRecord.MessageType.MODEL, run, null, T0.plusSeconds(n),
                null, model, null));
        ingest(records);
        return model;
    }

    private List<LedgerEntry> ledger(String token) throws Exception {
        Reply reply = call("GET", "/api/v1/ledger?from=1&limit=1000", token, null);
        assertEquals(200, reply.status(), reply.json().toString());
        List<LedgerEntry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        reply.json().forEach(e -> entries.add(MetadataJson.readAs(LedgerEntry.class, e, "entry", problems, java.util.Set.of())));
        assertEquals(List.of(), problems);
        return entries;
    }

    @Test
    void everyGovernanceChangeThroughTheServerIsInTheChain() throws Exception {
        Path examples = Path.of(System.getProperty("iongov.root"), "ion-model", "examples");
        String definition = Files.readString(examples.resolve("c-retraining-with-approval.json"));
        assertEquals(201, call("POST", "/api/v1/ions", admin, definition).status());
        agent = token("agent-spark", "agent");
        olivia = token("olivia", "operator");
        oscar = token("oscar", "operator");
        String auditor = token("audrey", "auditor");
        ingest(List.of(new IonInstanceRecord("c-1", "test-recommendation-approved-retraining", 1, T0, null)));

        String first = train(0.9);
        assertEquals("waiting", call("POST", "/api/v1/approvals", olivia,
                "{\"messageId\":\"msg-1\",\"decision\":\"approve\",\"comment\":\"looks right\"}").json().get("status").asText());
        assertEquals("approved", call("POST", "/api/v1/approvals", oscar,
                "{\"messageId\":\"msg-1\",\"decision\":\"approve\"}").json().get("status").asText());
        String delivered = call("GET", "/api/v1/deliveries?instance=c-1&node=recommend-tests", agent, null).json().get(0).get("id").asText();
        ingest(List.of(new RunRecord("infer", "c-1", "recommend-tests", RunRecord.NodeKind.PIPELINE, T0.plusSeconds(60), "h", "flink",
                "2.1.1", "a", "git://r", "d", null, "scheduler"), new MessageReceivedRecord("rcv-1", delivered, "infer", T0.plusSeconds(61))));
        String second = train(0.7);
        assertEquals("rejected", call("POST", "/api/v1/approvals", olivia,
                "{\"messageId\":\"msg-2\",\"decision\":\"reject\",\"comment\":\"recall dropped\"}").json().get("status").asText());
        assertEquals(201, call("POST", "/api/v1/rollbacks", olivia, "{\"instance\":\"c-1\",\"node\":\"recommend-tests\",\"modelId\":\""
                + first + "\",\"comment\":\"back to the first\"}").status());
        String revoked = store.tokens().stream().filter(t -> t.user().equals("oscar")).findFirst().orElseThrow().id();
        assertEquals(200, call("DELETE", "/api/v1/tokens/" + revoked, admin, null).status());

        List<LedgerEntry> entries = ledger(auditor);
        assertEquals(List.of("token-created", "ion-definition", "token-created", "token-created", "token-created", "token-created",
                "approval", "approval", "policy-decision", "deployment", "deployment-receipt",
                "rejection", "policy-decision", "rollback", "deployment", "token-revoked"),
                entries.stream().map(LedgerEntry::kind).toList());
        assertEquals(List.of("olivia", "oscar", "policy:clinical-approval", "policy:clinical-approval", "pipeline:recommend-tests",
                "olivia", "policy:clinical-approval", "olivia"), entries.subList(6, 14).stream().map(LedgerEntry::actor).toList());
        assertEquals(List.of("model:" + first, "model:" + first, "model:" + first, "model:" + first, "model:" + first,
                "model:" + second, "model:" + second, "model:" + first, "model:" + first),
                entries.subList(6, 15).stream().map(LedgerEntry::subject).toList());
        JsonNode deployment = MetadataJson.MAPPER.readTree(entries.get(9).payloadJson());
        assertEquals("recommend-tests", deployment.get("node").asText());
        assertEquals(delivered, deployment.get("messageId").asText());
        assertEquals("ion:test-recommendation-approved-retraining", entries.get(1).subject());
        assertEquals("token:" + revoked, entries.get(15).subject());

        Reply head = call("GET", "/api/v1/ledger/head", auditor, null);
        assertEquals(entries.get(15).sequence(), head.json().get("sequence").asLong());
        assertEquals(entries.get(15).hash(), head.json().get("hash").asText());
        Reply verify = call("GET", "/api/v1/ledger/verify?headSequence=16&headHash=" + entries.get(15).hash(), auditor, null);
        assertTrue(verify.json().get("intact").asBoolean(), verify.json().toString());
        assertEquals(16, verify.json().get("entriesChecked").asLong());
        Reply beyond = call("GET", "/api/v1/ledger/verify?headSequence=20&headHash=" + "0".repeat(64), auditor, null);
        assertEquals(false, beyond.json().get("intact").asBoolean(), beyond.json().toString());
        assertEquals(17, beyond.json().get("brokenSequence").asLong());
        assertEquals(400, call("GET", "/api/v1/ledger/verify?headSequence=3", auditor, null).status());
        assertEquals(400, call("GET", "/api/v1/ledger?limit=0", auditor, null).status());
        assertEquals(401, call("GET", "/api/v1/ledger", "igv_nobody", null).status());
    }

    @Test
    void thresholdDecisionsAndTheirDeploymentsAreRecordedButParkedModelsAreNot() throws Exception {
        Path examples = Path.of(System.getProperty("iongov.root"), "ion-model", "examples");
        agent = store.createToken("agent", Role.AGENT).secret();
        store.addIonDefinition("test-recommendation-ensemble", Files.readString(examples.resolve("d-ensemble.json")));
        store.addIonDefinition("test-recommendation-approved-retraining", Files.readString(examples.resolve("c-retraining-with-approval.json")));
        ingest(List.of(new IonInstanceRecord("ens-1", "test-recommendation-ensemble", 1, T0, null),
                new IonInstanceRecord("c-1", "test-recommendation-approved-retraining", 1, T0, null)));
        long before = store.ledgerHead().sequence();

        String good = train("ens-1", "train-logistic-regression", "logistic-regression-candidate", 0.85);
        String weak = train("ens-1", "train-neural-network", "neural-network-candidate", 0.80);
        train(0.9);

        List<LedgerEntry> entries = store.ledger(before + 1, 100);
        assertEquals(List.of("policy-decision", "deployment", "policy-decision"), entries.stream().map(LedgerEntry::kind).toList(),
                "a model parked for people is not yet a decision");
        assertEquals(List.of("policy:check-logistic-regression", "policy:check-logistic-regression", "policy:check-neural-network"),
                entries.stream().map(LedgerEntry::actor).toList());
        assertEquals(List.of("model:" + good, "model:" + good, "model:" + weak), entries.stream().map(LedgerEntry::subject).toList());
        JsonNode rejection = MetadataJson.MAPPER.readTree(entries.get(2).payloadJson());
        assertEquals("rejection", rejection.get("outcome").asText());
        assertTrue(rejection.get("message").asText().contains("auc 0.8 not >= 0.82"), rejection.toString());
        assertTrue(store.verifyLedger(store.ledgerHead()).intact());
    }
}
