package org.iongov.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.iongov.agent.api.DeliveredModel;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.query.RecordQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model published by a training pipeline's agent reaches an inference pipeline's agent only
 * through the ION's human-approval policy, and the inference pipeline restarts with it while the
 * server is away.
 */
class ModelDeliveryTest {

    @TempDir
    Path temp;

    static void approve(ServerFixture fixture, String token, String messageId) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fixture.uri() + "/api/v1/approvals"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"messageId\":\"" + messageId + "\",\"decision\":\"approve\",\"comment\":\"fine\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
    }

    @Test
    void approvedModelReachesTheSubscribedInferencePipelineAndSurvivesItsRestart() throws Exception {
        byte[] pmml = "<PMML version=\"4.4\"><!-- lr --></PMML>".getBytes(StandardCharsets.UTF_8);
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            fixture.startServer();
            String olivia = fixture.store.createToken("olivia", Role.OPERATOR).secret();
            String oscar = fixture.store.createToken("oscar", Role.OPERATOR).secret();
            BlockingQueue<DeliveredModel> delivered = new LinkedBlockingQueue<>();
            String modelId;
            try (Agent training = Agent.start(AgentConfig.of(fixture.uri(), fixture.agentToken, temp.resolve("spool-train")));
                    Agent inference = Agent.start(AgentConfig.of(fixture.uri(), fixture.agentToken, temp.resolve("spool-infer")))) {
                Governance inferenceGovernance = inference.governance();
                RunHandle scoring = inferenceGovernance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
                AutoCloseable subscription = inferenceGovernance.subscribe(ServerFixture.INSTANCE, "recommend-tests", "approved-model",
                        delivered::add);

                Governance trainingGovernance = training.governance();
                try (RunHandle train = trainingGovernance.openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender").startedBy("dana"))) {
                    train.statistic("evaluate", "auc", 0.91);
                    modelId = train.publishModel("candidate-model", new ModelArtifact("lr", "pmml", pmml, null));
                }
                assertTrue(training.awaitForwarded(Duration.ofSeconds(30)));
                assertEquals(null, delivered.poll(1, TimeUnit.SECONDS), "nothing before people approve");

                MessageRecord candidate = fixture.store.messages(new RecordQuery(null, ServerFixture.INSTANCE, "candidate-model", null, null, 10))
                        .get(0);
                approve(fixture, olivia, candidate.id());
                approve(fixture, oscar, candidate.id());

                DeliveredModel model = delivered.poll(30, TimeUnit.SECONDS);
                assertEquals(modelId, model.modelId());
                assertArrayEquals(pmml, model.bytes());
                assertEquals("pmml", model.format());
                scoring.modelInUse(model);
                scoring.close();
                subscription.close();
                assertTrue(inference.awaitForwarded(Duration.ofSeconds(30)));
                MessageRecord deliveredMessage = fixture.store.message(model.messageId()).orElseThrow();
                assertEquals(scoring.id(), deliveredMessage.receiverRunId(), "the inference run acknowledged the model it uses");

                // The import side: the pipeline reads the model's approval history and accuracy.
                var history = inferenceGovernance.queries().models(ServerFixture.INSTANCE, "auc", 10);
                assertEquals(1, history.size());
                assertEquals(modelId, history.get(0).modelId());
                assertTrue(history.get(0).approved());
                assertEquals(java.util.Set.of("olivia", "oscar"), java.util.Set.copyOf(history.get(0).approvers()));
                assertEquals(0.91, history.get(0).statistic());
            }

            // The inference pipeline restarts while the server is away: it gets its last approved model.
            fixture.stopServer();
            BlockingQueue<DeliveredModel> afterRestart = new LinkedBlockingQueue<>();
            try (Agent inference = Agent.start(AgentConfig.of(fixture.uri(), fixture.agentToken, temp.resolve("spool-infer")));
                    AutoCloseable again = inference.governance().subscribe(ServerFixture.INSTANCE, "recommend-tests", "approved-model",
                            afterRestart::add)) {
                DeliveredModel cached = afterRestart.poll(10, TimeUnit.SECONDS);
                assertEquals(modelId, cached.modelId());
                assertArrayEquals(pmml, cached.bytes());
            }
        }
    }
}
