package org.iongov.connector.spark.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iongov.connector.bench.CompilerThreads;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's training main, in-process, reporting over the agent's socket as it would from its own JVM. */
class TrainingPipelineTest {

    @TempDir
    Path folder;

    @Test
    void twoCyclesPublishTwoModelsOnTheChannel() throws Exception {
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "c-retraining-with-approval.json",
                "inst-demo")) {
            Path data = folder.resolve("data");
            int code = TrainingPipeline.run("--socket", env.socket().toString(), "--instance", "inst-demo", "--data", data.toString(),
                    "--rows", "300", "--cycles", "2", "--interval-seconds", "0", "--drift-at-cycle", "2", "--seed", "5");
            assertEquals(0, code);
            env.awaitStored();

            List<NodeRun> runs = env.store().runs(new RunQuery("inst-demo", "train-recommender", null, 10));
            assertEquals(2, runs.size());
            for (NodeRun run : runs) {
                assertEquals(RunStatus.SUCCEEDED, run.status());
                assertEquals("spark", run.start().engine());
                assertEquals("scheduler", run.start().startedBy());
                assertEquals(1, env.store().statistics(new StatisticQuery("auc", run.start().id(), null, 10)).points().size());
                assertEquals(4, env.store().searchResults(new RecordQuery(run.start().id(), null, null, null, null, 10)).size());
            }
            List<MessageRecord> messages = env.store().messages(new RecordQuery(null, "inst-demo", "candidate-model", null, null, 10));
            assertEquals(2, messages.size());
            List<ModelRecord> models = env.store().models(new RecordQuery(null, "inst-demo", null, null, null, 10));
            assertEquals(2, models.size());
            assertTrue(models.stream().allMatch(m -> m.format() == ModelRecord.ModelFormat.PMML));
            assertNotEquals(models.get(0).sha256(), models.get(1).sha256(), "each cycle trains on other data");
            // The batches were written as PatientData writes them: cycle 2's drifted.
            assertEquals(PatientData.batch(5, 2, 300, true), PatientData.readCsv(data.resolve("batch-2.csv")));
            assertTrue(Files.exists(data.resolve("batch-1.csv")));
        }
    }

    @Test
    void theOverheadBenchmarkGovernsOnlyItsGovernedRunsAndPrintsItsResultLine() throws Exception {
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "c-retraining-with-approval.json",
                "inst-bench")) {
            java.util.List<String> args = new java.util.ArrayList<>(List.of("--socket", env.socket().toString(), "--instance", "inst-bench",
                    "--data", folder.resolve("bench-data").toString(), "--rows", "200", "--repetitions", "1", "--warmup", "0",
                    "--calibration-pairs", "1", "--added-work-ms", "1", "--master", "local[1]"));
            String allowed = CompilerThreads.allowedCpus();
            boolean placeJit = CompilerThreads.canPlace();
            if (placeJit) {
                String[] cpus = allowed.split("[,-]");
                args.addAll(List.of("--jit-cpus", cpus[cpus.length - 1]));
            }
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            java.io.PrintStream out = System.out;
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            int code;
            try {
                code = OverheadBenchmark.run(args.toArray(String[]::new));
            } finally {
                System.setOut(out);
                if (placeJit) { // this JVM's compiler back on all its CPUs for the tests after this one
                    CompilerThreads.moveTo(allowed);
                }
            }
            String output = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, code, output);
            env.awaitStored();

            // One governed run (the calibration's runs are plain on both sides), which reported and published as the demo's does.
            List<NodeRun> runs = env.store().runs(new RunQuery("inst-bench", "train-recommender", null, 10));
            assertEquals(1, runs.size());
            assertEquals(RunStatus.SUCCEEDED, runs.get(0).status());
            assertEquals(1, env.store().statistics(new StatisticQuery("auc", runs.get(0).start().id(), null, 10)).points().size());
            assertEquals(1, env.store().messages(new RecordQuery(null, "inst-bench", "candidate-model", null, null, 10)).size());
            String result = output.lines().filter(l -> l.startsWith("[overhead] result ")).findFirst().orElseThrow(() -> new AssertionError(output));
            assertTrue(result.contains(" repetitions=1 ") && result.contains(" calibration-pairs=1") && result.contains(" added-work-ms=1 "),
                    result);
            assertTrue(result.contains(" jit-placed=" + (placeJit ? 1 : 0) + " "), result);
            assertTrue(output.contains("[overhead] calibration pair 1 of 1: "), output);
        }
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertEquals(2, TrainingPipeline.run("--instance", "x"));
        assertEquals(2, TrainingPipeline.run("--socket", "s", "--instance", "x", "--bogus", "1"));
        assertEquals(2, TrainingPipeline.run("--socket", "s", "--instance", "x", "--cycles", "many"));
        assertEquals(2, TrainingPipeline.run("--socket", "s", "--instance", "x", "--rows"));
        assertEquals(2, OverheadBenchmark.run("--repetitions", "3"));
        assertEquals(2, OverheadBenchmark.run("--socket", "s", "--calibration-pairs", "-1"));
        assertEquals(2, OverheadBenchmark.run("--socket", "s", "--jit-cpus", "100000"), "a CPU taskset refuses (or no taskset at all)");
    }
}
