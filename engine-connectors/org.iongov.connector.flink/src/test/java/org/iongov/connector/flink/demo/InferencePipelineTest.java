package org.iongov.connector.flink.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunOutcome;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.pmml.LogisticRegressionPmml;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's inference main, as the demo starts it, for a few seconds (sample b). */
class InferencePipelineTest {

    @TempDir
    Path folder;

    @Test
    void scoresForTheGivenTimeAndEndsItsRun() throws Exception {
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "b-scheduled-retraining.json", "demo-b")) {
            Path socket = env.socket();
            String model;
            try (RunHandle train = env.governance().openRun(RunSpec.of("demo-b", "train-recommender"))) {
                model = train.publishModel("trained-model", new ModelArtifact("lr", "pmml", LogisticRegressionPmml.write("lr",
                        PatientRecord.FEATURES, new double[] {0.045, 0.25, 0.02, 0.008, 0.012, 0.06, 0.11, 0.28, 0.08}, -8.3,
                        PatientRecord.LABEL), null));
            }
            env.awaitStored();
            java.util.Set<String> tempBefore = clusterLeftovers();
            RunOutcome outcome = InferencePipeline.run(new String[] {"--socket", socket.toString(), "--instance", "demo-b", "--topology",
                    "b", "--seconds", "3", "--rate", "200", "--sampling", "0.5", "--seed", "7", "--drift-after-seconds", "1",
                    "--code-uri", "https://git.example.org/clinic-ml/test-recommendation.git", "--code-version", "151e90e",
                    "--window-seconds", "1"});
            assertEquals(RunOutcome.SUCCEEDED, outcome);
            // Its local cluster's files (a copy of the RPC system's jar among them) did not stay in the temporary folder.
            java.util.Set<String> left = clusterLeftovers();
            left.removeAll(tempBefore);
            assertTrue(left.isEmpty(), "left in " + System.getProperty("java.io.tmpdir") + ": " + left);
            env.awaitStored();
            NodeRun run = env.store().runs(new RunQuery("demo-b", "recommend-tests", null, 10)).get(0);
            assertEquals(RunStatus.SUCCEEDED, run.status());
            assertEquals("flink", run.start().engine());
            assertEquals("151e90e", run.start().codeVersion());
            List<PredictionRecord> predictions = env.store().predictions(new RecordQuery(run.start().id(), null, null, null, null, 10_000));
            // 600 encounters, about half of them sampled, each by the delivered model.
            assertTrue(predictions.size() > 200 && predictions.size() < 400, "sampled predictions: " + predictions.size());
            assertTrue(predictions.stream().allMatch(p -> p.modelIds().equals(List.of(model))));
            assertTrue(env.store().statisticNames(run.start().id()).contains("throughput"));
        }
    }

    private static java.util.Set<String> clusterLeftovers() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("flink-rpc-akka") || n.startsWith("iongov-flink-")
                    || n.startsWith("minicluster_")).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    @Test
    void refusesBadArgumentsWithOneLine() throws Exception {
        Path missing = folder.resolve("missing.sock");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InferencePipeline.run(new String[] {"--socket", missing.toString(), "--instance", "i", "--topology", "c"}));
        assertEquals("no agent socket at " + missing + " (an agent started with --spool DIR listens on DIR/agent.sock)", e.getMessage());
        Path socket = java.nio.file.Files.createFile(folder.resolve("agent.sock"));
        e = assertThrows(IllegalArgumentException.class,
                () -> InferencePipeline.run(new String[] {"--socket", socket.toString(), "--instance", "i", "--topology", "z"}));
        assertEquals("--topology must be b, c or e, was 'z'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> InferencePipeline.run(new String[] {"--socket", socket.toString(),
                "--instance", "i", "--topology", "c", "--seconds", "10", "--rate", "fast"}));
        assertEquals("--rate must be a whole number, was 'fast'", e.getMessage());
    }
}
