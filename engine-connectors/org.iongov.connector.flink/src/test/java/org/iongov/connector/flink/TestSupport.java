package org.iongov.connector.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.pmml.LogisticRegressionPmml;
import org.iongov.connector.testkit.GovernedEnvironment;

/** Models, data and waiting for the Flink connector's tests. */
final class TestSupport {

    static final long SEED = 11;
    /** Opened by a test to let the encounter source go past its gate. */
    static volatile CountDownLatch gate = new CountDownLatch(0);

    private TestSupport() {
    }

    /** No Kryo: a type Flink cannot serialize as a POJO fails the job. */
    static Configuration noGenericTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** A logistic regression over the encounter features, as PMML. */
    static byte[] model(String name, double intercept, double scale) {
        double[] coefficients = {0.045, 0.25, 0.02, 0.008, 0.012, 0.06, 0.11, 0.28, 0.08};
        for (int i = 0; i < coefficients.length; i++) {
            coefficients[i] *= scale;
        }
        return LogisticRegressionPmml.write(name, PatientRecord.FEATURES, coefficients, intercept, PatientRecord.LABEL);
    }

    /** A training run of {@code node} that reports its AUC and publishes the model on {@code channel}. */
    static String publish(GovernedEnvironment env, String node, String channel, String name, byte[] pmml) {
        try (RunHandle train = env.governance().openRun(RunSpec.of(env.instanceId(), node).withEngine("spark", "4.0.1")
                .withCode("https://git.example.org/clinic-ml/test-recommendation.git", "4a58347").startedBy("test"))) {
            train.statistic("evaluate", "auc", 0.9);
            return train.publishModel(channel, new ModelArtifact(name, "pmml", pmml, null));
        }
    }

    /** The test's encounters, by index. */
    static List<PatientRecord> encounters(int rows) {
        return PatientData.batch(SEED, 0, rows, false);
    }

    /** A source of {@link #encounters}; the element at index {@code gateAt} waits for {@link #gate}. */
    static DataGeneratorSource<PatientRecord> source(int rows, long gateAt) {
        return new DataGeneratorSource<>(new GatedEncounters(rows, gateAt), rows, TypeInformation.of(PatientRecord.class));
    }

    static final class GatedEncounters implements GeneratorFunction<Long, PatientRecord> {
        private static final long serialVersionUID = 1L;
        private final int rows;
        private final long gateAt;
        private transient List<PatientRecord> records;

        GatedEncounters(int rows, long gateAt) {
            this.rows = rows;
            this.gateAt = gateAt;
        }

        @Override
        public void open(SourceReaderContext context) {
            records = encounters(rows);
        }

        @Override
        public PatientRecord map(Long index) throws Exception {
            if (index == gateAt) {
                gate.await();
            }
            return records.get(index.intValue());
        }
    }

    /** Cancels a job and waits until its tasks are closed (they flush what they reported). */
    static void cancel(org.apache.flink.core.execution.JobClient job) throws Exception {
        job.cancel().get();
        await("the job to end", Duration.ofSeconds(60), () -> {
            try {
                return job.getJobStatus().get().isGloballyTerminalState();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits for a condition, failing with {@code what} after the deadline. */
    static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out after " + deadline.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\"%s\":(-?[0-9.Ee+-]+)");

    /** A number field of a prediction's output JSON. */
    static double number(String json, String field) {
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), Pattern.quote(field))).matcher(json);
        if (!m.find()) {
            fail("no '" + field + "' in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The prediction's recorded input is the encounter's JSON with its features, and its digest that of the stored input. */
    static void assertRecordedInput(PatientRecord input, org.iongov.core.metadata.PredictionRecord p) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(p.inputJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(java.util.HexFormat.of().formatHex(digest), p.inputDigest(), p.id());
            assertTrue(p.inputJson().startsWith("{\"encounterId\":\"" + input.encounterId() + "\","), p.inputJson());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        double[] features = input.features();
        for (int i = 0; i < features.length; i++) {
            assertEquals(features[i], number(p.inputJson(), PatientRecord.FEATURES.get(i)), 0.0, p.id());
        }
    }

    /** The members' scores of an ensemble prediction's output JSON. */
    static double[] members(String json) {
        return array(json, "members");
    }

    /** A JSON array of numbers, by field name. */
    static double[] array(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\":\\[([^\\]]*)\\]").matcher(json);
        if (!m.find()) {
            fail("no " + field + " in " + json);
        }
        String[] parts = m.group(1).split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }
}
