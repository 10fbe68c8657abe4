package org.iongov.connector.flink;

import static org.iongov.connector.flink.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.flink.demo.PatientInput;
import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.query.RecordQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A governed inference on a real Flink mini cluster against a real store, server and agent
 * (sample b: train-recommender --trained-model--> recommend-tests).
 */
class GovernedInferenceTest {

    private static final String INSTANCE = "flink-b";
    private static final String NODE = "recommend-tests";
    private static final int ROWS = 600;
    private static final int GATE_AT = 300;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    @TempDir
    static Path folder;
    static GovernedEnvironment env;
    static Path socket;

    @BeforeAll
    static void start() throws Exception {
        env = GovernedEnvironment.startWithSample(folder.resolve("env"), "b-scheduled-retraining.json", INSTANCE);
        socket = env.socket();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            long t = System.nanoTime();
            env.close();
            System.out.println("env closed in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }

    @Test
    void swapsModelsMidStreamAndAttributesEveryPrediction() throws Exception {
        TestSupport.gate = new CountDownLatch(1);
        RunHandle run = env.governance().openRun(RunSpec.of(INSTANCE, NODE).withEngine("flink", "2.1.1").startedBy("test"));
        StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment(TestSupport.noGenericTypes());
        flink.setParallelism(2);
        DataStream<PatientRecord> encounters = flink.fromSource(TestSupport.source(ROWS, GATE_AT), WatermarkStrategy.noWatermarks(),
                "encounters").setParallelism(1);
        GovernanceConfig config = PatientInput.signatures(GovernanceConfig.of(socket, INSTANCE, NODE, run.id()))
                .channels("trained-model").sampling(1).window(Duration.ofMillis(100));
        GovernedInference.score(encounters, new PatientInput(), config).sinkTo(new DiscardingSink<>());
        JobClient job = flink.executeAsync("governed inference test");
        try {
            // Inputs arrive before any model: they wait, and are scored once model A arrives.
            byte[] pmmlA = TestSupport.model("lr-a", -8.3, 1);
            String modelA = TestSupport.publish(env, "train-recommender", "trained-model", "lr-a", pmmlA);
            await(GATE_AT + " predictions with model A", Duration.ofSeconds(60), () -> predictions(run.id()).size() >= GATE_AT);
            byte[] pmmlB = TestSupport.model("lr-b", -6.0, 0.8);
            String modelB = TestSupport.publish(env, "train-recommender", "trained-model", "lr-b", pmmlB);
            await("the receipt of model B", Duration.ofSeconds(60), () -> message(modelB).map(m -> run.id().equals(m.receiverRunId())).orElse(false));
            TestSupport.gate.countDown();
            await(ROWS + " predictions", Duration.ofSeconds(60), () -> predictions(run.id()).size() >= ROWS);

            Map<String, PatientRecord> byId = TestSupport.encounters(ROWS).stream()
                    .collect(Collectors.toMap(PatientRecord::encounterId, r -> r));
            Map<String, PmmlRegressionModel> models = Map.of(modelA, PmmlRegressionModel.parse(pmmlA), modelB,
                    PmmlRegressionModel.parse(pmmlB));
            List<PredictionRecord> predictions = predictions(run.id());
            assertEquals(ROWS, predictions.size(), "one prediction per input, none lost");
            Map<String, Integer> used = new HashMap<>();
            for (PredictionRecord p : predictions) {
                String encounter = p.id().substring(0, p.id().length() - ("@" + NODE).length());
                assertEquals(Prediction.id(encounter, NODE), p.id());
                PatientRecord input = byId.remove(encounter);
                assertTrue(input != null, "a prediction of an unknown or already predicted input: " + p.id());
                TestSupport.assertRecordedInput(input, p);
                assertEquals(1, p.modelIds().size());
                PmmlRegressionModel model = models.get(p.modelIds().get(0));
                assertTrue(model != null, "attributed to an unknown model: " + p.modelIds());
                // The attributed model really made it: re-scoring gives the recorded output exactly.
                assertEquals(model.score(input.features()), TestSupport.number(p.outputJson(), "score"), 0.0, p.id());
                int index = Integer.parseInt(encounter.substring(encounter.lastIndexOf('-') + 1));
                if (index < GATE_AT) {
                    assertEquals(modelA, p.modelIds().get(0), "before the gate only model A was delivered: " + p.id());
                }
                used.merge(p.modelIds().get(0), 1, Integer::sum);
            }
            assertTrue(byId.isEmpty(), "inputs without a prediction: " + byId.keySet());
            assertTrue(used.getOrDefault(modelB, 0) > 0, "model B made predictions after the swap: " + used);

            // Each model acknowledged once by the run, though every subtask received it.
            for (String model : List.of(modelA, modelB)) {
                String messageId = message(model).orElseThrow().id();
                assertEquals(1, env.store().messageReceipts(new RecordQuery(run.id(), null, null, messageId, null, 10)).size(),
                        "receipts of " + model);
            }
            await("window statistics", Duration.ofSeconds(30),
                    () -> env.store().statisticNames(run.id()).containsAll(List.of("throughput", "latency-p50-ms", "latency-p99-ms")));
            List<SignatureRecord> signatures = env.store().signatures(new RecordQuery(run.id(), null, null, null, null, 10_000));
            for (String feature : PatientRecord.FEATURES) {
                List<SignatureRecord> windows = signatures.stream().filter(g -> g.feature().equals(feature)).toList();
                assertFalse(windows.isEmpty(), "input signatures of " + feature);
                assertTrue(windows.stream().allMatch(g -> g.target() == SignatureRecord.SignatureTarget.INPUT));
            }
            List<SignatureRecord> scores = signatures.stream().filter(g -> g.feature().equals("score")).toList();
            assertFalse(scores.isEmpty(), "prediction signatures");
            assertTrue(scores.stream().allMatch(g -> g.target() == SignatureRecord.SignatureTarget.PREDICTION));
            // Fixed edges, so that windows compare; the windows count (a sample of) the scored inputs.
            long counted = 0;
            for (SignatureRecord age : signatures.stream().filter(g -> g.feature().equals("age")).toList()) {
                assertArrayEquals(new double[] {18, 30, 40, 50, 60, 70, 80, 95}, TestSupport.array(age.histogramJson(), "edges"), 0.0);
                counted += (long) java.util.Arrays.stream(TestSupport.array(age.histogramJson(), "counts")).sum();
            }
            assertTrue(counted > 0 && counted <= ROWS, "inputs counted in the age signatures: " + counted);
        } finally {
            TestSupport.gate.countDown();
            TestSupport.cancel(job);
            run.close();
        }
    }

    private static List<PredictionRecord> predictions(String runId) {
        return env.store().predictions(new RecordQuery(runId, null, null, null, null, 10_000));
    }

    private static Optional<MessageRecord> message(String modelId) {
        return env.store().messages(new RecordQuery(null, INSTANCE, "trained-model", null, null, 1000)).stream()
                .filter(m -> modelId.equals(m.modelId())).findFirst();
    }
}
