package org.iongov.connector.flink;

import static org.iongov.connector.flink.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
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
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.RecordQuery;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.iongov.connector.flink.GovernedInference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sample e: recommend-tests is an ensemble of the members that passed their threshold checks,
 * and canary-recommend-tests scores the same inputs with the logistic regression alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnsembleCanaryTest {

    private static final String INSTANCE = "flink-e";
    private static final int ROWS = 400;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build());

    @TempDir
    static Path folder;
    static GovernedEnvironment env;
    static Path socket;

    @BeforeAll
    static void start() throws Exception {
        env = GovernedEnvironment.startWithSample(folder.resolve("env"), "e-ensemble-with-canary.json", INSTANCE);
        socket = env.socket();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    @Order(1)
    void ensembleWaitsForEveryMemberAndTheCanaryRaisesDivergence() throws Exception {
        TestSupport.gate = new CountDownLatch(1);
        RunHandle primaryRun = env.governance().openRun(RunSpec.of(INSTANCE, "recommend-tests").withEngine("flink", "2.1.1"));
        RunHandle canaryRun = env.governance().openRun(RunSpec.of(INSTANCE, "canary-recommend-tests").withEngine("flink", "2.1.1"));
        byte[] lrPmml = TestSupport.model("lr", -8.3, 1);
        String lr = TestSupport.publish(env, "train-logistic-regression", "logistic-regression-candidate", "lr", lrPmml);

        StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment(TestSupport.noGenericTypes());
        flink.setParallelism(2);
        DataStream<PatientRecord> encounters = flink.fromSource(TestSupport.source(ROWS, ROWS / 2), WatermarkStrategy.noWatermarks(),
                "encounters").setParallelism(1);
        PatientInput view = new PatientInput();
        DataStream<Prediction<PatientRecord>> primary = GovernedInference.score(encounters, view, PatientInput
                .signatures(GovernanceConfig.of(socket, INSTANCE, "recommend-tests", primaryRun.id()))
                .channels("logistic-regression-member", "neural-network-member").window(Duration.ofMillis(100)));
        GovernedInference.canary(primary, view, GovernanceConfig.of(socket, INSTANCE, "canary-recommend-tests", canaryRun.id())
                .channels("canary-model").window(Duration.ofMillis(100)).divergenceThreshold(0.05)).sinkTo(new DiscardingSink<>());
        JobClient job = flink.executeAsync("ensemble and canary test");
        byte[] nnPmml = TestSupport.model("nn", -2.0, 1.2); // very different from the logistic regression
        String nn;
        try {
            // The ensemble has one member of two: it keeps its inputs and predicts nothing yet.
            await("the receipt of the first member", Duration.ofSeconds(60), () -> env.store()
                    .messages(new RecordQuery(null, INSTANCE, "logistic-regression-member", null, null, 10)).stream()
                    .anyMatch(m -> primaryRun.id().equals(m.receiverRunId())));
            assertTrue(predictions(primaryRun.id()).isEmpty(), "no prediction before every member has a model");
            nn = TestSupport.publish(env, "train-neural-network", "neural-network-candidate", "nn", nnPmml);
            TestSupport.gate.countDown();
            await(ROWS + " predictions of each node", Duration.ofSeconds(60),
                    () -> predictions(primaryRun.id()).size() >= ROWS && predictions(canaryRun.id()).size() >= ROWS);
        } finally {
            TestSupport.gate.countDown();
            TestSupport.cancel(job);
        }
        PmmlRegressionModel lrModel = PmmlRegressionModel.parse(lrPmml);
        PmmlRegressionModel nnModel = PmmlRegressionModel.parse(nnPmml);
        Map<String, PatientRecord> byId = TestSupport.encounters(ROWS).stream()
                .collect(Collectors.toMap(PatientRecord::encounterId, Function.identity()));

        List<PredictionRecord> primaries = predictions(primaryRun.id());
        assertEquals(ROWS, primaries.size());
        Map<String, PredictionRecord> primaryByEncounter = primaries.stream()
                .collect(Collectors.toMap(p -> p.id().substring(0, p.id().indexOf('@')), Function.identity()));
        for (PredictionRecord p : primaries) {
            PatientRecord input = byId.get(p.id().substring(0, p.id().indexOf('@')));
            assertEquals(List.of(lr, nn), p.modelIds(), "every member's model, in channel order: " + p.id());
            double[] members = TestSupport.members(p.outputJson());
            assertEquals(lrModel.score(input.features()), members[0], 0.0);
            assertEquals(nnModel.score(input.features()), members[1], 0.0);
            assertEquals((members[0] + members[1]) / 2, TestSupport.number(p.outputJson(), "score"), 0.0);
            TestSupport.assertRecordedInput(input, p);
        }

        List<PredictionRecord> canaries = predictions(canaryRun.id());
        assertEquals(ROWS, canaries.size());
        for (PredictionRecord c : canaries) {
            String encounter = c.id().substring(0, c.id().indexOf('@'));
            assertEquals(Prediction.id(encounter, "canary-recommend-tests"), c.id());
            assertEquals(List.of(lr), c.modelIds());
            assertEquals(lrModel.score(byId.get(encounter).features()), TestSupport.number(c.outputJson(), "score"), 0.0);
            assertEquals(primaryByEncounter.get(encounter).inputDigest(), c.inputDigest(), "same input, same digest");
        }

        await("a divergence alert", Duration.ofSeconds(30), () -> !alerts(canaryRun.id()).isEmpty());
        EventRecord alert = alerts(canaryRun.id()).get(0);
        assertEquals(EventRecord.Severity.WARNING, alert.severity());
        assertTrue(alert.message().contains("canary-recommend-tests"), alert.message());
        assertFalse(env.store().statisticNames(canaryRun.id()).isEmpty());
        assertTrue(env.store().statisticNames(canaryRun.id()).contains("divergence"));
        primaryRun.close();
        canaryRun.close();
    }

    /** After the first test, whose models the channels' history hands to these new runs. */
    @Test
    @Order(2)
    void aSampledCanaryRecordsExactlyTheInputsItsPrimaryRecorded() throws Exception {
        TestSupport.gate = new CountDownLatch(0);
        CanaryOutputs.COUNT.set(0);
        RunHandle primaryRun = env.governance().openRun(RunSpec.of(INSTANCE, "recommend-tests").withEngine("flink", "2.1.1"));
        RunHandle canaryRun = env.governance().openRun(RunSpec.of(INSTANCE, "canary-recommend-tests").withEngine("flink", "2.1.1"));
        StreamExecutionEnvironment flink = StreamExecutionEnvironment.getExecutionEnvironment(TestSupport.noGenericTypes());
        flink.setParallelism(2);
        DataStream<PatientRecord> encounters = flink.fromSource(new org.apache.flink.connector.datagen.source.DataGeneratorSource<>(
                new RenamedEncounters(), ROWS, org.apache.flink.api.common.typeinfo.TypeInformation.of(PatientRecord.class)),
                WatermarkStrategy.noWatermarks(), "encounters").setParallelism(1);
        PatientInput view = new PatientInput();
        DataStream<Prediction<PatientRecord>> primary = GovernedInference.score(encounters, view, PatientInput
                .signatures(GovernanceConfig.of(socket, INSTANCE, "recommend-tests", primaryRun.id()))
                .channels("logistic-regression-member", "neural-network-member").sampling(0.3));
        GovernedInference.canary(primary, view, GovernanceConfig.of(socket, INSTANCE, "canary-recommend-tests", canaryRun.id())
                .channels("canary-model").sampling(0.3)).sinkTo(new CanaryOutputs());
        JobClient job = flink.executeAsync("sampled canary test");
        try {
            await("every input scored by the canary", Duration.ofSeconds(60), () -> CanaryOutputs.COUNT.get() == ROWS);
        } finally {
            TestSupport.cancel(job); // closing the operators hands over everything they recorded
        }
        env.awaitStored();
        List<String> primaries = predictions(primaryRun.id()).stream().map(p -> p.id().substring(0, p.id().indexOf('@'))).sorted()
                .toList();
        List<String> canaries = predictions(canaryRun.id()).stream().map(p -> p.id().substring(0, p.id().indexOf('@'))).sorted()
                .toList();
        assertTrue(primaries.size() > ROWS / 10 && primaries.size() < ROWS / 2, "about 30 % recorded: " + primaries.size());
        assertEquals(primaries, canaries, "the canary records the inputs its primary recorded");
        primaryRun.close();
        canaryRun.close();
    }

    /** The test encounters under new ids (a prediction id is stored once: the first test's are taken). */
    static final class RenamedEncounters implements org.apache.flink.connector.datagen.source.GeneratorFunction<Long, PatientRecord> {
        private static final long serialVersionUID = 1L;
        private transient List<PatientRecord> records;

        @Override
        public PatientRecord map(Long index) {
            if (records == null) {
                records = TestSupport.encounters(ROWS);
            }
            PatientRecord r = records.get(index.intValue());
            return new PatientRecord("sampled-" + r.encounterId(), r.age(), r.sex(), r.bmi(), r.systolicBp(), r.heartRate(),
                    r.temperature(), r.whiteCellCount(), r.painScore(), r.priorVisits(), r.testOrdered());
        }
    }

    /** Counts the canary's outputs (the job runs in this JVM). */
    static final class CanaryOutputs implements Sink<Prediction<PatientRecord>> {
        private static final long serialVersionUID = 1L;
        static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public SinkWriter<Prediction<PatientRecord>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(Prediction<PatientRecord> element, Context context) {
                    COUNT.incrementAndGet();
                }

                @Override
                public void flush(boolean endOfInput) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    private static List<PredictionRecord> predictions(String runId) {
        return env.store().predictions(new RecordQuery(runId, null, null, null, null, 10_000));
    }

    private static List<EventRecord> alerts(String runId) {
        return env.store().events(new RecordQuery(runId, null, "divergence-alert", null, null, 100));
    }
}
