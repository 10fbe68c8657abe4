package org.iongov.connector.flink.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overhead benchmark runs both jobs and keeps its figures in its run (no timing asserted). */
class OverheadBenchmarkTest {

    @TempDir
    Path folder;

    @Test
    void samplingRatesAreSharesBetweenZeroAndOne() {
        assertEquals(List.of(0.0, 1.0E-4, 0.001), java.util.Arrays.stream(OverheadBenchmark.samplings("0, 0.0001,0.001")).boxed().toList());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OverheadBenchmark.samplings("0.001,2"));
        assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
    }

    @Test
    void runsBothJobsAtEachSamplingRateAndRecordsTheGovernedOnes() throws Exception {
        String records = System.getProperty("bench.records", "100000");
        String repetitions = System.getProperty("bench.repetitions", "1");
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "b-scheduled-retraining.json",
                "benchmark")) {
            OverheadBenchmark.run(new String[] {"--socket", env.socket().toString(), "--records", records, "--repetitions", repetitions,
                    "--warmup", System.getProperty("bench.warmup", "0"), "--sampling", "0,0.01", "--headline", "0.01", "--headline-repetitions",
                    "2", "--jvms", "separate", "--forks", "2"});
            env.awaitStored();
            List<NodeRun> runs = env.store().runs(new RunQuery("benchmark", "recommend-tests", null, 10));
            assertEquals(1, runs.size());
            String runId = runs.get(0).start().id();
            assertTrue(env.store().statisticNames(runId).containsAll(List.of("overhead-percent-unsampled",
                    "overhead-percent-sampling-0.01", "throughput", "latency-p99-ms")), env.store().statisticNames(runId).toString());
            List<PredictionRecord> predictions = env.store().predictions(new RecordQuery(runId, null, null, null, null, 10_000));
            assertFalse(predictions.isEmpty(), "sampled predictions of the governed job at 0.01");
        }
    }

    @Test
    void aCalibrationRunsPlainJobsInBothVariantsAndRecordsNoPrediction() throws Exception {
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "b-scheduled-retraining.json",
                "benchmark")) {
            OverheadBenchmark.run(new String[] {"--socket", env.socket().toString(), "--records", "50000", "--repetitions", "1",
                    "--warmup", "0", "--sampling", "0.01", "--jvms", "shared", "--calibrate", "true"});
            env.awaitStored();
            List<NodeRun> runs = env.store().runs(new RunQuery("benchmark", "recommend-tests", null, 10));
            assertEquals(1, runs.size());
            String runId = runs.get(0).start().id();
            assertTrue(env.store().statisticNames(runId).contains("overhead-percent-sampling-0.01"),
                    env.store().statisticNames(runId).toString());
            // At 1 % of 50,000, a governed job would have recorded about 500.
            assertTrue(env.store().predictions(new RecordQuery(runId, null, null, null, null, 10)).isEmpty(),
                    "a calibration's 'governed' jobs run plain");
            assertFalse(env.store().statisticNames(runId).contains("throughput"), "no job reported its windows");
        }
    }

    @Test
    void badSetUpsAreRefusedWithTheReason() {
        Path socket = folder.resolve("agent.sock");
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> java.nio.file.Files.createFile(socket));
        String[] common = {"--socket", socket.toString(), "--records", "1000", "--repetitions", "1"};
        IllegalArgumentException forks = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OverheadBenchmark.run(concat(common, "--jvms", "shared", "--forks", "2")));
        assertTrue(forks.getMessage().contains("--forks 2 needs --jvms separate"), forks.getMessage());
        IllegalArgumentException calibrate = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OverheadBenchmark.run(concat(common, "--calibrate", "yes")));
        assertTrue(calibrate.getMessage().contains("--calibrate is true or false"), calibrate.getMessage());
        IllegalArgumentException jvms = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OverheadBenchmark.run(concat(common, "--jvms", "both")));
        assertTrue(jvms.getMessage().contains("--jvms is separate"), jvms.getMessage());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
