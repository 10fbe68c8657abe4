package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.server.ApiCalls.Reply;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.Violation;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compliance checks on the real server: on request ({@code POST /api/v1/compliance/check}), the
 * latest report ({@code GET /api/v1/compliance}) and the periodic check, over a model that an
 * automatic approval sent into production with a poor AUC and no person's approval.
 */
class ComplianceRoutesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private GovernanceStore store;
    private GovernanceServer server;
    private ApiCalls api;
    private String agent;
    private String auditor;
    private String operator;

    private void start(Duration interval) throws Exception {
        start(interval, CompliancePolicies.defaults());
    }

    private void start(Duration interval, List<org.iongov.core.compliance.CompliancePolicy> policies) throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY, ServerOptions.defaults().withPort(0)
                .withCompliance(interval, policies));
        api = new ApiCalls(server);
        agent = store.createToken("agent-spark", Role.AGENT).secret();
        auditor = store.createToken("alice", Role.AUDITOR).secret();
        operator = store.createToken("olivia", Role.OPERATOR).secret();
        // Figure 1(c) with its people replaced by an automatic approval.
        ObjectNode ion = (ObjectNode) MetadataJson.MAPPER.readTree(Files.readString(Path.of(System.getProperty("iongov.root"),
                "ion-model", "examples", "c-retraining-with-approval.json")));
        ion.put("name", "automatic-retraining");
        for (JsonNode node : ion.withArray("nodes")) {
            if ("policy".equals(node.path("type").asText())) {
                ((ObjectNode) node).removeAll();
                ((ObjectNode) node).put("type", "policy").put("name", "clinical-approval").put("kind", "automatic-approval");
            }
        }
        store.addIonDefinition("automatic-retraining", ion.toString());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private Reply call(String method, String path, String token, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    /** Through the server's ingest, so the automatic approval sends the model on; then an inference run takes it in. */
    private void modelInProduction(double auc) throws Exception {
        byte[] bytes = "<PMML/>".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        send(List.of(new IonInstanceRecord("auto-1", "automatic-retraining", 1, T0, null),
                new RunRecord("train-1", "auto-1", "train-recommender", RunRecord.NodeKind.PIPELINE, T0, "h", "spark", "4.0.1", "a",
                        "git://r", "c", null, "dana"),
                new StatisticRecord("auc-1", "train-1", "evaluate", "auc", T0, auc, null),
                new ModelRecord("model-1", "train-1", "lr", ModelRecord.ModelFormat.PMML, sha, bytes.length, T0, bytes, null, null),
                new MessageRecord("candidate-1", "auto-1", "candidate-model", MessageRecord.MessageType.MODEL, "train-1", null,
                        T0.plusSeconds(1), null, "model-1", null)));
        Reply deliveries = call("GET", "/api/v1/deliveries?instance=auto-1&node=recommend-tests", agent, null);
        String delivered = deliveries.json().get(0).get("id").asText();
        send(List.of(new RunRecord("infer-1", "auto-1", "recommend-tests", RunRecord.NodeKind.PIPELINE, T0.plusSeconds(5), "h",
                "flink", "2.1.1", "a", "git://r", "d", null, "scheduler"),
                new MessageReceivedRecord("receipt-1", delivered, "infer-1", T0.plusSeconds(6))));
    }

    private void send(List<MetadataRecord> records) throws Exception {
        api.ingest(agent, records);
    }

    private int violationEvents() {
        return store.events(new RecordQuery(null, null, Violation.EVENT_TYPE, null, null, 100)).size();
    }

    @Test
    void aCheckOnRequestRecordsItsViolationsOnceAndBecomesTheLatestReport() throws Exception {
        start(Duration.ZERO);
        modelInProduction(0.7);
        Reply none = call("GET", "/api/v1/compliance", auditor, null);
        assertEquals(404, none.status());
        assertTrue(none.json().get("error").asText().contains("POST /api/v1/compliance/check"), none.json().toString());
        assertEquals(403, call("POST", "/api/v1/compliance/check", operator, null).status(), "operators do not run audits");

        Reply first = call("POST", "/api/v1/compliance/check?from=" + T0 + "&to=" + T0.plusSeconds(3600), auditor, null);
        assertEquals(200, first.status(), first.json().toString());
        assertEquals(1, first.json().get("recorded").asInt());
        JsonNode results = first.json().get("report").get("results");
        assertEquals(List.of("serving-models-approved", "personal-data-approvals", "ledger-intact"),
                List.of(results.get(0).get("policyId").asText(), results.get(1).get("policyId").asText(),
                        results.get(2).get("policyId").asText()));
        JsonNode violation = results.get(0).get("violations").get(0);
        assertEquals("model-1", violation.get("subjectId").asText());
        assertEquals("error", violation.get("severity").asText());
        assertEquals("model model-1 serves at recommend-tests (instance auto-1) without a human approval and with a training auc of 0.7,"
                + " below 0.8", violation.get("message").asText());
        assertTrue(results.get(1).get("passed").asBoolean() && results.get(2).get("passed").asBoolean(), results.toString());

        Reply latest = call("GET", "/api/v1/compliance", operator, null);
        assertEquals(200, latest.status());
        assertEquals(first.json().get("report"), latest.json().get("report"));
        assertTrue(latest.json().get("lastError").isNull() && latest.json().get("lastAttempt").isNull(), "no periodic check ran");

        Reply again = call("POST", "/api/v1/compliance/check", auditor, null);
        assertEquals(0, again.json().get("recorded").asInt(), "recorded once");
        assertEquals(1, violationEvents());
        Reply events = call("GET", "/api/v1/events?type=compliance-violation", operator, null);
        String eventId = events.json().get(0).get("id").asText();
        assertTrue(eventId.startsWith("compliance:serving-models-approved:model:model-1:auto-1:")
                && eventId.endsWith(":approvals+auc-below"), eventId);
        assertEquals("infer-1", events.json().get(0).get("runId").asText());

        // Policies of the caller's own run instead of the server's; they do not replace the latest report.
        Reply lenient = call("POST", "/api/v1/compliance/check", auditor,
                "{\"policies\":[{\"id\":\"lenient\",\"type\":\"serving-models-approved\",\"minApprovals\":0,\"minimum\":0.5}]}");
        assertEquals(200, lenient.status(), lenient.json().toString());
        assertTrue(lenient.json().get("report").get("results").get(0).get("passed").asBoolean());
        assertEquals(again.json().get("report"), call("GET", "/api/v1/compliance", auditor, null).json().get("report"));
        // A configuration of the caller's that reuses the server's policy id records under compliance:adhoc:, with its parameters.
        Reply strict = call("POST", "/api/v1/compliance/check", auditor,
                "{\"policies\":[{\"id\":\"serving-models-approved\",\"type\":\"serving-models-approved\",\"minimum\":0.95}]}");
        assertEquals(1, strict.json().get("recorded").asInt(), strict.json().toString());
        JsonNode adHoc = call("GET", "/api/v1/events?type=compliance-violation", operator, null).json();
        assertEquals(2, adHoc.size());
        JsonNode recordedAdHoc = adHoc.get(0).get("id").asText().startsWith("compliance:adhoc:") ? adHoc.get(0) : adHoc.get(1);
        assertTrue(recordedAdHoc.get("id").asText().startsWith("compliance:adhoc:serving-models-approved:model:model-1:"),
                adHoc.toString());
        assertTrue(recordedAdHoc.get("details").get("adHoc").asBoolean(), recordedAdHoc.toString());
        assertTrue(recordedAdHoc.get("details").get("policyDescription").asText().contains("of at least 0.95"), recordedAdHoc.toString());
        assertEquals(again.json().get("report"), call("GET", "/api/v1/compliance", auditor, null).json().get("report"),
                "an ad-hoc check does not replace the latest report");
        Reply tooLong = call("POST", "/api/v1/compliance/check?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", auditor, null);
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.json().get("error").asText().contains("longer than 400 days"), tooLong.json().toString());
        Reply bad = call("POST", "/api/v1/compliance/check", auditor, "{\"policies\":[{\"type\":\"nope\"}]}");
        assertEquals(400, bad.status());
        assertEquals("policies[0].type: 'nope' is not known; one of ledger-intact, personal-data-approvals, serving-models-approved",
                bad.json().get("problems").get(0).asText());
    }

    @Test
    void thePeriodicCheckFindsAModelServingNowAndRecordsItOnce() throws Exception {
        start(Duration.ofSeconds(1));
        modelInProduction(0.6);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply latest = call("GET", "/api/v1/compliance", auditor, null);
        // The violation is recorded a moment before the check's report becomes the latest: wait for both.
        while (violationEvents() == 0 || latest.status() != 200 || latest.json().get("report").isNull()) {
            assertTrue(System.nanoTime() < deadline, "no periodic check recorded the violation within 60 s: " + latest.json());
            synchronized (this) {
                wait(50); // polling with a deadline: the schedule runs on its own thread
            }
            latest = call("GET", "/api/v1/compliance", auditor, null);
        }
        assertTrue(latest.json().get("lastAttempt").isTextual() && latest.json().get("lastError").isNull(), latest.json().toString());
        JsonNode window = latest.json().get("report").get("window");
        assertTrue(window.hasNonNull("from") && window.hasNonNull("to"), "a periodic check covers the time since the last: " + window);
        // Later runs find it again but record nothing new.
        String firstCheck = latest.json().get("report").get("checkedAt").asText();
        // The window reaches a lookback (a day) before the last check, for records spooled and sent late.
        assertTrue(Instant.parse(window.get("from").asText()).isBefore(Instant.parse(firstCheck).minus(Duration.ofHours(23))),
                window.toString());
        while (latest.json().get("report").get("checkedAt").asText().equals(firstCheck)) {
            assertTrue(System.nanoTime() < deadline, "no second periodic check within 60 s");
            synchronized (this) {
                wait(50);
            }
            latest = call("GET", "/api/v1/compliance", auditor, null);
        }
        assertEquals(1, violationEvents());
    }

    @Test
    void agentsMayNotIngestPeoplesActionsNorTheServersOwnEvents() throws Exception {
        start(Duration.ZERO);
        modelInProduction(0.9);
        String batch = "{\"records\":[{\"kind\":\"humanAction\",\"id\":\"forged\",\"actor\":\"olivia\",\"role\":\"operator\","
                + "\"action\":\"approve\",\"subjectType\":\"model\",\"subjectId\":\"model-1\",\"time\":\"" + T0.plusSeconds(2) + "\"},"
                + "{\"kind\":\"event\",\"id\":\"compliance:serving-models-approved:model:model-1\",\"time\":\"" + T0 + "\","
                + "\"type\":\"compliance-violation\",\"severity\":\"info\",\"message\":\"pre-empted\"},"
                + "{\"kind\":\"event\",\"id\":\"policy:x:final\",\"time\":\"" + T0 + "\",\"type\":\"approval\","
                + "\"severity\":\"info\",\"message\":\"approved\"}]}";
        Reply refused = call("POST", "/api/v1/ingest", agent, batch);
        assertEquals(400, refused.status(), refused.json().toString());
        JsonNode problems = refused.json().get("problems");
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).asText().startsWith("records[0]: humanAction 'forged' is recorded by a person"), problems.toString());
        assertTrue(problems.get(1).asText().startsWith("records[1].id: event 'compliance:serving-models-approved:model:model-1'"),
                problems.toString());
        assertTrue(problems.get(2).asText().startsWith("records[2].id: event 'policy:x:final'"), problems.toString());
        assertEquals(0, store.humanActions(new RecordQuery(null, null, null, null, null, 10)).size(), "nothing stored");
        // An admin's token may still ingest a human action, as an import does.
        String admin = store.createToken("root", Role.ADMIN).secret();
        Reply byAdmin = call("POST", "/api/v1/ingest", admin, "{\"records\":[" + batch.substring(batch.indexOf('[') + 1,
                batch.indexOf("},{") + 1) + "]}");
        assertEquals(200, byAdmin.status(), byAdmin.json().toString());
    }

    @Test
    void aPersonFlagsADatasetAsPersonalDataWithTheirOwnToken() throws Exception {
        start(Duration.ZERO);
        send(List.of(new org.iongov.core.metadata.DatasetRecord("dataset:patients", "file:///p.csv", 10, "d", null, T0)));
        String body = "{\"flagged\": true, \"comment\": \"holds patient identifiers\"}";
        assertEquals(403, call("POST", "/api/v1/datasets/dataset:patients/personal-data", agent, body).status());
        assertEquals(404, call("POST", "/api/v1/datasets/dataset:nope/personal-data", auditor, body).status());
        assertEquals(400, call("POST", "/api/v1/datasets/dataset:patients/personal-data", auditor, "{\"flagged\": \"yes\"}").status());
        Reply flagged = call("POST", "/api/v1/datasets/dataset:patients/personal-data", auditor, body);
        assertEquals(201, flagged.status(), flagged.json().toString());
        var actions = store.humanActions(new RecordQuery(null, null, "flag-personal-data", "dataset:patients", null, 10));
        assertEquals(1, actions.size());
        assertEquals("alice", actions.get(0).actor());
        assertEquals("auditor", actions.get(0).role());
        assertEquals("dataset", actions.get(0).subjectType());
        assertEquals("holds patient identifiers", actions.get(0).comment());
        Reply cleared = call("POST", "/api/v1/datasets/dataset:patients/personal-data", operator, "{\"flagged\": false}");
        assertEquals(201, cleared.status(), cleared.json().toString());
        assertEquals("olivia", store.humanActions(new RecordQuery(null, null, "clear-personal-data", "dataset:patients", null, 10))
                .get(0).actor());
    }

    /** A policy whose check fails with an {@link Error}, as a policy that runs out of stack would. */
    private static final class FailingPolicy implements org.iongov.core.compliance.CompliancePolicy {
        @Override
        public String id() {
            return "failing";
        }

        @Override
        public String type() {
            return "failing";
        }

        @Override
        public String description() {
            return "fails with an Error";
        }

        @Override
        public List<org.iongov.core.compliance.Violation> check(org.iongov.core.compliance.ComplianceScope scope) {
            throw new StackOverflowError("policy ran out of stack");
        }
    }

    @Test
    void anErrorInThePeriodicCheckIsReportedAndTheScheduleGoesOn() throws Exception {
        start(Duration.ofSeconds(1), List.of(new FailingPolicy()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply status = call("GET", "/api/v1/compliance", auditor, null);
        while (status.status() != 200) {
            assertTrue(System.nanoTime() < deadline, "no periodic check was attempted within 60 s: " + status.json());
            synchronized (this) {
                wait(50); // polling with a deadline: the schedule runs on its own thread
            }
            status = call("GET", "/api/v1/compliance", auditor, null);
        }
        assertTrue(status.json().get("report").isNull(), status.json().toString());
        assertTrue(status.json().get("lastError").asText().contains("policy ran out of stack"), status.json().toString());
        assertEquals("PT1S", status.json().get("interval").asText());
        String first = status.json().get("lastAttempt").asText();
        while (status.json().get("lastAttempt").asText().equals(first)) {
            assertTrue(System.nanoTime() < deadline, "the schedule stopped after the Error: " + status.json());
            synchronized (this) {
                wait(50);
            }
            status = call("GET", "/api/v1/compliance", auditor, null);
        }
    }

    @Test
    void aPeriodicCheckInWhichAPolicyCouldNotRunDoesNotMoveTheWindowOn() throws Exception {
        org.iongov.core.compliance.CompliancePolicy broken = new org.iongov.core.compliance.CompliancePolicy() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String type() {
                return "broken";
            }

            @Override
            public String description() {
                return "cannot run";
            }

            @Override
            public List<org.iongov.core.compliance.Violation> check(org.iongov.core.compliance.ComplianceScope scope) {
                throw new IllegalStateException("lineage store unavailable");
            }
        };
        start(Duration.ofSeconds(1), List.of(CompliancePolicies.defaults().get(0), broken));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Reply status = call("GET", "/api/v1/compliance", auditor, null);
        while (status.status() != 200 || status.json().get("report").isNull()) {
            assertTrue(System.nanoTime() < deadline, "no periodic check within 60 s: " + status.json());
            synchronized (this) {
                wait(50); // polling with a deadline: the schedule runs on its own thread
            }
            status = call("GET", "/api/v1/compliance", auditor, null);
        }
        assertTrue(status.json().get("lastError").asText().contains("broken: the policy could not run"), status.json().toString());
        JsonNode first = status.json().get("report");
        while (status.json().get("report").get("checkedAt").equals(first.get("checkedAt"))) {
            assertTrue(System.nanoTime() < deadline, "no second periodic check within 60 s");
            synchronized (this) {
                wait(50);
            }
            status = call("GET", "/api/v1/compliance", auditor, null);
        }
        assertEquals(first.get("window").get("from"), status.json().get("report").get("window").get("from"),
                "the window still starts where the unchecked metadata does");
    }
}
