package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.iongov.core.access.Role;
import org.iongov.server.ApiCalls.Reply;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.lineage.ControlResult;
import org.iongov.core.lineage.DatasetImpact;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.LineageText;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.lineage.ServingNode;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Models travel along the paper's sample IONs through threshold and human-approval policy nodes. */
class ModelPropagationTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private GovernanceStore store;
    private GovernanceServer server;
    private ApiCalls api;
    private String agent;
    private String olivia;
    private String oscar;
    private String dana;
    private int sequence;

    @BeforeEach
    void start() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        Path examples = Path.of(System.getProperty("iongov.root"), "ion-model", "examples");
        store.addIonDefinition("test-recommendation-approved-retraining", Files.readString(examples.resolve("c-retraining-with-approval.json")));
        store.addIonDefinition("test-recommendation-ensemble", Files.readString(examples.resolve("d-ensemble.json")));
        server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY, ServerOptions.defaults().withPort(0));
        api = new ApiCalls(server);
        agent = store.createToken("agent-spark", Role.AGENT).secret();
        olivia = store.createToken("olivia", Role.OPERATOR).secret();
        oscar = store.createToken("oscar", Role.OPERATOR).secret();
        dana = store.createToken("dana", Role.OPERATOR).secret();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private Reply call(String method, String path, String token, String body) throws Exception {
        return api.call(method, path, token, body);
    }

    private void ingest(List<MetadataRecord> records) throws Exception {
        api.ingest(agent, records);
    }

    /** A training run (started by dana) that reports its AUC and publishes a model on a channel. */
    private String train(String instance, String node, String channel, double auc) throws Exception {
        return train(instance, node, channel, "auc", auc);
    }

    private String train(String instance, String node, String channel, String statistic, double value) throws Exception {
        int n = ++sequence;
        byte[] bytes = ("<PMML n=\"" + n + "\"/>").getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String run = "run-" + n;
        String model = "model-" + n;
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new RunRecord(run, instance, node, RunRecord.NodeKind.PIPELINE, T0.plusSeconds(n), "h", "spark", "4.0.1", "a",
                "git://r", "c", null, "dana"));
        records.add(new StatisticRecord("stat-" + n, run, "evaluate", statistic, T0.plusSeconds(n), value, null));
        records.add(new ModelRecord(model, run, "lr", ModelRecord.ModelFormat.PMML, sha, bytes.length, T0.plusSeconds(n), bytes, null,
                null));
        records.add(new MessageRecord("msg-" + n, instance, channel, MessageRecord.MessageType.MODEL, run, null, T0.plusSeconds(n), null,
                model, null));
        ingest(records);
        return model;
    }

    private List<String> deliveredModels(String instance, String node) throws Exception {
        Reply reply = call("GET", "/api/v1/deliveries?instance=" + instance + "&node=" + node, agent, null);
        assertEquals(200, reply.status(), reply.json().toString());
        List<String> models = new ArrayList<>();
        reply.json().forEach(m -> models.add(m.get("modelId").asText()));
        return models;
    }

    @Test
    void thresholdPoliciesLetGoodModelsThroughAndStopTheOthers() throws Exception {
        ingest(List.of(new IonInstanceRecord("ens-1", "test-recommendation-ensemble", 1, T0, null)));
        String good = train("ens-1", "train-logistic-regression", "logistic-regression-candidate", 0.85);
        String weak = train("ens-1", "train-neural-network", "neural-network-candidate", 0.80);

        assertEquals(List.of(good), deliveredModels("ens-1", "recommend-tests"));
        List<String> decisions = store.events(new RecordQuery(null, "ens-1", null, null, null, 10)).stream()
                .map(e -> e.type() + ": " + e.message()).toList();
        assertTrue(decisions.contains("approval: model " + good + " approval at check-logistic-regression: auc 0.85 >= 0.8"), decisions.toString());
        assertTrue(decisions.contains("rejection: model " + weak + " rejection at check-neural-network: auc 0.8 not >= 0.82"),
                decisions.toString());
        // Each step is a recorded policy run that received the message.
        MessageRecord candidate = store.message("msg-1").orElseThrow();
        assertEquals("policy:msg-1:run", candidate.receiverRunId());
        assertEquals("check-logistic-regression", store.run("policy:msg-1:run").orElseThrow().start().node());
    }

    @Test
    void humanApprovalNeedsTwoDistinctApproversNotTheTrainerAndARejectionStopsTheModel() throws Exception {
        ingest(List.of(new IonInstanceRecord("c-1", "test-recommendation-approved-retraining", 1, T0, null)));
        String model = train("c-1", "train-recommender", "candidate-model", 0.9);
        assertEquals(List.of(), deliveredModels("c-1", "recommend-tests"), "parked until people decide");
        String decide = "{\"messageId\":\"msg-1\",\"decision\":\"approve\",\"comment\":\"looks right\"}";

        Reply own = call("POST", "/api/v1/approvals", dana, decide);
        assertEquals(400, own.status());
        assertTrue(own.json().get("error").asText().contains("dana started the run that produced model " + model), own.json().toString());
        assertEquals(403, call("POST", "/api/v1/approvals", agent, decide).status());

        assertEquals("waiting", call("POST", "/api/v1/approvals", olivia, decide).json().get("status").asText());
        assertEquals(1, call("POST", "/api/v1/approvals", olivia, decide).json().get("approvals").asInt(), "the same person counts once");
        Reply second = call("POST", "/api/v1/approvals", oscar, decide);
        assertEquals("approved", second.json().get("status").asText());
        assertEquals(List.of(model), deliveredModels("c-1", "recommend-tests"));
        assertEquals(List.of("oscar", "olivia"), store.humanActions(new RecordQuery(null, null, "approve", model, null, 10)).stream()
                .map(h -> h.actor()).toList());
        assertEquals(400, call("POST", "/api/v1/approvals", oscar, decide).status(), "already decided");

        String rejected = train("c-1", "train-recommender", "candidate-model", 0.7);
        Reply no = call("POST", "/api/v1/approvals", olivia, "{\"messageId\":\"msg-2\",\"decision\":\"reject\",\"comment\":\"recall dropped\"}");
        assertEquals("rejected", no.json().get("status").asText());
        assertEquals(List.of(model), deliveredModels("c-1", "recommend-tests"), rejected + " never reaches inference");

        // A third model is approved, then an operator rolls back to the first.
        String third = train("c-1", "train-recommender", "candidate-model", 0.92);
        call("POST", "/api/v1/approvals", olivia, "{\"messageId\":\"msg-3\",\"decision\":\"approve\"}");
        call("POST", "/api/v1/approvals", oscar, "{\"messageId\":\"msg-3\",\"decision\":\"approve\"}");
        assertEquals(List.of(model, third), deliveredModels("c-1", "recommend-tests"));
        Reply rollback = call("POST", "/api/v1/rollbacks", olivia, "{\"instance\":\"c-1\",\"node\":\"recommend-tests\",\"modelId\":\""
                + model + "\",\"comment\":\"third model misbehaves\"}");
        assertEquals(201, rollback.status(), rollback.json().toString());
        assertEquals(List.of(model, third, model), deliveredModels("c-1", "recommend-tests"));
        assertEquals("olivia", store.humanActions(new RecordQuery(null, null, "rollback", model, null, 10)).get(0).actor());
        assertEquals(400, call("POST", "/api/v1/rollbacks", olivia, "{\"instance\":\"c-1\",\"node\":\"recommend-tests\",\"modelId\":\""
                + rejected + "\"}").status(), "only a model the node used before");
    }

    @Test
    void lineageFollowsAPredictionBackThroughItsDeploymentApprovalsTrainingRunAndData() throws Exception {
        ingest(List.of(new IonInstanceRecord("c-2", "test-recommendation-approved-retraining", 1, T0, null)));
        String model = train("c-2", "train-recommender", "candidate-model", 0.9);
        String trainingRun = store.model(model).orElseThrow().runId();
        ingest(List.of(new DatasetRecord("dataset:abc", "file:///data/batch-0.csv", 1234, "abc", null, T0),
                new DatasetUseRecord("use-1", trainingRun, "dataset:abc", DatasetUseRecord.Direction.READ, T0.plusSeconds(1))));
        call("POST", "/api/v1/approvals", olivia, "{\"messageId\":\"msg-1\",\"decision\":\"approve\",\"comment\":\"fine\"}");
        call("POST", "/api/v1/approvals", oscar, "{\"messageId\":\"msg-1\",\"decision\":\"approve\"}");
        JsonNode delivery = call("GET", "/api/v1/deliveries?instance=c-2&node=recommend-tests", agent, null).json().get(0);
        String deliveryMessage = delivery.get("id").asText();

        Instant t = Instant.now();
        ingest(List.of(new RunRecord("infer", "c-2", "recommend-tests", RunRecord.NodeKind.PIPELINE, t, "h", "flink", "2.1.1", "a",
                        "git://r", "d", null, "scheduler"),
                new MessageReceivedRecord("rcv", deliveryMessage, "infer", t.plusMillis(1)),
                new PredictionRecord("enc-7@recommend-tests", "infer", t.plusMillis(5), List.of(model), "digest-7", "{\"age\":40}",
                        "{\"probability\":0.42}"),
                new RunRecord("other", "c-2", "recommend-tests", RunRecord.NodeKind.PIPELINE, t.minusSeconds(1), "h", "flink", "2.1.1",
                        "a", "git://r", "d", null, "scheduler"),
                new RunEndRecord("other-end", "other", t, RunStatus.SUCCEEDED),
                new PredictionRecord("enc-7@other", "other", t.plusMillis(6), List.of(model), "digest-7", "{\"age\":40}",
                        "{\"probability\":0.90}"),
                new EventRecord("alert-1", "c-2", "infer", t.plusMillis(3), "input-drift", EventRecord.Severity.WARNING, "age drifted",
                        null)));

        PredictionLineage lineage = new Lineage(store, 0.1).ofPrediction("enc-7@recommend-tests").orElseThrow();
        assertEquals("infer", lineage.inferenceRun().start().id());
        assertEquals(new PredictionLineage.IonReference("c-2", "test-recommendation-approved-retraining", 1), lineage.ion());
        ModelLineage m = lineage.models().get(0);
        assertEquals(store.model(model).orElseThrow().sha256(), m.model().sha256());
        assertEquals(trainingRun, m.trainingRun().start().id());
        assertEquals(0.9, m.statistics().get("auc"));
        assertEquals("abc", m.datasets().get(0).dataset().digest());
        assertEquals("read", m.datasets().get(0).direction());
        ModelLineage.PolicyStep approval = m.policySteps().get(0);
        assertEquals("clinical-approval", approval.node());
        assertEquals("approval", approval.outcome());
        assertEquals(List.of("olivia", "oscar"), approval.humanActions().stream().map(h -> h.actor()).toList());
        assertEquals("fine", approval.humanActions().get(0).comment());
        assertEquals(deliveryMessage, m.deployment().messageId());
        assertEquals("infer", m.deployment().receiverRunId());
        ControlResult control = lineage.control().get(0);
        assertEquals("enc-7@other", control.prediction().id());
        assertEquals(0.48, control.difference(), 1e-12);
        assertFalse(control.agrees());
        assertTrue(lineage.events().stream().anyMatch(e -> e.id().equals("alert-1")), lineage.events().toString());
        String text = LineageText.render(lineage);
        assertTrue(text.contains("approve by olivia (operator)"), text);
        assertTrue(text.contains("DISAGREES"), text);
        assertTrue(new Lineage(store, 0.1).ofPrediction("nope").isEmpty());

        Reply api = call("GET", "/api/v1/predictions/enc-7@recommend-tests/lineage", olivia, null);
        assertEquals(200, api.status(), api.json().toString());
        JsonNode apiModel = api.json().get("models").get(0);
        assertEquals(m.model().sha256(), apiModel.get("model").get("sha256").asText());
        assertEquals("olivia", apiModel.get("policySteps").get(0).get("humanActions").get(0).get("actor").asText());
        assertEquals("infer", apiModel.get("deployment").get("receiverRunId").asText());
        assertEquals("enc-7@other", api.json().get("control").get(0).get("prediction").get("id").asText());
        assertEquals(0.42, api.json().get("prediction").get("output").get("probability").asDouble());
        assertEquals(404, call("GET", "/api/v1/predictions/nope/lineage", olivia, null).status());
        Reply ofModel = call("GET", "/api/v1/models/" + model + "/lineage", olivia, null);
        assertEquals(trainingRun, ofModel.json().get("trainingRun").get("start").get("id").asText());

        // Downstream: the dataset's model served in run "infer" and made one recorded prediction there.
        DatasetImpact impact = new Lineage(store, 0.1).impactOfDataset("dataset:abc").orElseThrow();
        assertEquals(List.of(model), impact.models().stream().map(i -> i.model().id()).toList());
        assertEquals(List.of("infer"), impact.models().get(0).uses().stream().map(u -> u.run().start().id()).toList());
        assertEquals(1, impact.models().get(0).uses().get(0).predictions());
        Reply impactApi = call("GET", "/api/v1/datasets/dataset:abc/impact", olivia, null);
        assertEquals(200, impactApi.status(), impactApi.json().toString());
        assertEquals(model, impactApi.json().get("models").get(0).get("model").get("id").asText());
        assertEquals(404, call("GET", "/api/v1/datasets/nope/impact", olivia, null).status());

        // In production just after the deployment: recommend-tests' run "infer" with that model, approved by olivia and oscar.
        List<ServingNode> serving = new Lineage(store, 0.1).inProduction("c-2", t.plusMillis(2));
        assertEquals(List.of("recommend-tests"), serving.stream().map(ServingNode::node).toList());
        assertEquals("infer", serving.get(0).run().start().id());
        assertEquals(model, serving.get(0).models().get(0).model().id());
        assertEquals(List.of("olivia", "oscar"), serving.get(0).models().get(0).policySteps().get(0).humanActions().stream()
                .map(h -> h.actor()).toList());
        assertTrue(new Lineage(store, 0.1).inProduction("c-2", t.minusSeconds(3600)).get(0).models().isEmpty(), "nothing ran then");
        Reply production = call("GET", "/api/v1/instances/c-2/production?at=" + t.plusMillis(2), olivia, null);
        assertEquals(model, production.json().get(0).get("models").get(0).get("model").get("id").asText());
        assertEquals(404, call("GET", "/api/v1/instances/nope/production", olivia, null).status());
    }

    @Test
    void automaticApprovalSendsEveryModelOnAndRecordsTheApproval() throws Exception {
        // Figure 1(c) with its human approval replaced by an automatic one.
        var ion = (ObjectNode) MetadataJson.MAPPER.readTree(Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model",
                "examples", "c-retraining-with-approval.json")));
        ion.put("name", "automatic-retraining");
        for (JsonNode node : ion.withArray("nodes")) {
            if ("policy".equals(node.path("type").asText())) {
                ((ObjectNode) node).removeAll();
                ((ObjectNode) node).put("type", "policy").put("name", "clinical-approval").put("kind", "automatic-approval");
            }
        }
        store.addIonDefinition("automatic-retraining", ion.toString());
        ingest(List.of(new IonInstanceRecord("auto-1", "automatic-retraining", 1, T0, null)));
        String first = train("auto-1", "train-recommender", "candidate-model", 0.5);
        String second = train("auto-1", "train-recommender", "candidate-model", 0.6);
        assertEquals(List.of(first, second), deliveredModels("auto-1", "recommend-tests"));
        assertEquals(2, store.events(new RecordQuery(null, "auto-1", "approval", null, null, 10)).size());
        assertTrue(store.events(new RecordQuery(null, "auto-1", "approval", null, null, 10)).get(0).message()
                .endsWith("approval at clinical-approval: automatic approval"));
        // Re-sending the same batch (a retry) decides nothing twice.
        int before = store.messages(new RecordQuery(null, "auto-1", "approved-model", null, null, 10)).size();
        ingest(List.of(store.message("msg-1").orElseThrow()));
        assertEquals(before, store.messages(new RecordQuery(null, "auto-1", "approved-model", null, null, 10)).size());
    }

    /** Figure 1(c) with its policy node replaced by the given one. */
    private void ionWithPolicy(String name, ObjectNode policy) throws Exception {
        var ion = (ObjectNode) MetadataJson.MAPPER.readTree(Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model",
                "examples", "c-retraining-with-approval.json")));
        ion.put("name", name);
        for (JsonNode node : ion.withArray("nodes")) {
            if ("policy".equals(node.path("type").asText())) {
                ((ObjectNode) node).removeAll();
                ((ObjectNode) node).setAll(policy);
            }
        }
        store.addIonDefinition(name, ion.toString());
    }

    @Test
    void installedCustomPolicyCodeDecidesAndUninstalledCodeLeavesTheModelToPeople() throws Exception {
        ObjectNode custom = MetadataJson.MAPPER.createObjectNode().put("type", "policy").put("name", "clinical-approval")
                .put("kind", "custom-policy");
        custom.putObject("code").put("uri", "git://clinic/policies").put("commit", "abc1234").put("entryPoint", RecallPolicy.class.getName());
        ionWithPolicy("custom-retraining", custom);
        ingest(List.of(new IonInstanceRecord("cu-1", "custom-retraining", 1, T0, null)));
        String good = trainWithRecall("cu-1", 0.8);
        String poor = trainWithRecall("cu-1", 0.5);
        assertEquals(List.of(good), deliveredModels("cu-1", "recommend-tests"));
        assertTrue(store.events(new RecordQuery(null, "cu-1", "rejection", null, null, 10)).get(0).message()
                .endsWith("rejection at clinical-approval: recall 0.5 is below 0.7"), poor);

        ObjectNode missing = custom.deepCopy();
        ((ObjectNode) missing.get("code")).put("entryPoint", "com.example.NotInstalled");
        ionWithPolicy("missing-code", missing);
        ingest(List.of(new IonInstanceRecord("mc-1", "missing-code", 1, T0, null)));
        String parked = trainWithRecall("mc-1", 0.9);
        assertEquals(List.of(), deliveredModels("mc-1", "recommend-tests"));
        assertTrue(store.events(new RecordQuery(null, "mc-1", "approval-pending", null, null, 10)).get(0).message()
                .contains("custom policy com.example.NotInstalled is not installed on this server"));
        // People can still decide it.
        String message = store.messages(new RecordQuery(null, "mc-1", "candidate-model", null, null, 10)).get(0).id();
        assertEquals("approved", call("POST", "/api/v1/approvals", olivia, "{\"messageId\":\"" + message + "\",\"decision\":\"approve\"}")
                .json().get("status").asText());
        assertEquals(List.of(parked), deliveredModels("mc-1", "recommend-tests"));
    }

    private String trainWithRecall(String instance, double recall) throws Exception {
        return train(instance, "train-recommender", "candidate-model", "recall", recall);
    }
}
