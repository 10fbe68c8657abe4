package org.iongov.connector.tensorflow.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.iongov.connector.data.PatientData;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's main against a real agent socket, store and server (sample ION e). */
class NeuralNetworkTrainingTest {

    @TempDir
    Path folder;

    @Test
    void eachCycleTrainsOnItsBatchAndPublishesAModel() throws Exception {
        Path data = folder.resolve("data");
        // cycle 0's batch is already there (as the Spark pipeline would have written it): used as is
        Path existing = PatientData.writeCsv(data.resolve("batch-0.csv"), PatientData.batch(42, 0, 300, false));
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(folder.resolve("env"), "e-ensemble-with-canary.json",
                "demo-e")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = NeuralNetworkTraining.run(new String[] {"--socket", env.socket().toString(), "--instance", "demo-e", "--data",
                    data.toString(), "--rows", "400", "--cycles", "2", "--interval-seconds", "0", "--drift-at-cycle", "1",
                    "--epochs", "3", "--user", "dana"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, printed + err.toString(StandardCharsets.UTF_8));
            assertTrue(printed.contains("train-neural-network: cycle 2 of 2: run "), printed);
            assertTrue(printed.contains("published on neural-network-candidate"), printed);

            // cycle 1's batch did not exist: written with PatientData's bytes (drifted from cycle 1 on)
            Path written = data.resolve("batch-1.csv");
            Path expected = PatientData.writeCsv(folder.resolve("expected/batch-1.csv"), PatientData.batch(42, 1, 400, true));
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(written));
            try (var left = Files.list(data)) {
                assertEquals(List.of("batch-0.csv", "batch-1.csv"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                        "no scratch files left behind");
            }

            env.awaitStored();
            List<NodeRun> runs = env.store().runs(new RunQuery("demo-e", "train-neural-network", null, 10));
            assertEquals(2, runs.size());
            for (NodeRun run : runs) {
                assertEquals(RunStatus.SUCCEEDED, run.status());
                assertEquals("tensorflow", run.start().engine());
                assertEquals("dana", run.start().startedBy());
                List<ModelRecord> models = env.store().models(new RecordQuery(run.start().id(), null, null, null, null, 10));
                assertEquals(1, models.size());
                assertEquals(ModelRecord.ModelFormat.SAVED_MODEL, models.get(0).format());
            }
            List<String> digests = env.store().datasets(RecordQuery.latest(100)).stream().map(DatasetRecord::digest).toList();
            assertTrue(digests.contains(sha256(existing)), "the existing batch was read as it was: " + digests);
            assertTrue(digests.contains(sha256(written)), digests.toString());
        }
    }

    @Test
    void badArgumentsExitWithCode2AndOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, NeuralNetworkTraining.run(new String[] {"--instance", "x"}, out, errors));
        assertEquals(2, NeuralNetworkTraining.run(new String[] {"--socket", "s", "--instance", "x", "--rows", "many"}, out, errors));
        assertEquals(2, NeuralNetworkTraining.run(new String[] {"--socket", "s", "--instance", "x", "--hidden", "16,0"}, out, errors));
        assertEquals(2, NeuralNetworkTraining.run(new String[] {"--socket", "s", "--colour", "red"}, out, errors));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("train-neural-network: --socket is required",
                "train-neural-network: --rows must be a whole number, was 'many'",
                "train-neural-network: --hidden must be layer sizes (1 to 4096) separated by commas, e.g. 16,8; was '16,0'"),
                lines.subList(0, 3));
        assertTrue(lines.get(3).startsWith("train-neural-network: unknown argument '--colour'"), lines.get(3));
        assertEquals(4, lines.size());
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
