package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.demo.Demo;
import org.iongov.demo.EngineProcess;
import org.iongov.demo.Rescoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./iongov reproduce} end to end: the demo's Spark training (its own JVM) reports a model
 * through a real agent and server into an embedded store, a prediction with that model is recorded
 * through the agent API, and the verb reproduces it, then refuses once a dataset changed.
 */
class ReproduceVerbTest {

    @TempDir
    Path temp;

    private final CliCapture cli = new CliCapture();

    private int run(String... args) {
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    private String err() {
        return cli.err();
    }

    @Test
    void reproducesARecordedPredictionThenRefusesAChangedDataset() throws Exception {
        Path root = Path.of(System.getProperty("iongov.root"));
        Path data = temp.resolve("data");
        String predictionId = "cli-1@recommend-tests";
        String modelId;
        try (GovernedEnvironment env = GovernedEnvironment.startWithSample(temp.resolve("env"), "c-retraining-with-approval.json", "inst-cli")) {
            try (EngineProcess spark = EngineProcess.start("spark", root, List.of("org.iongov.connector.spark"), "1g",
                    "org.iongov.connector.spark.demo.TrainingPipeline", List.of("--socket", env.socket().toString(), "--instance", "inst-cli",
                            "--data", data.toString(), "--rows", "300", "--cycles", "1", "--interval-seconds", "0", "--seed", "7"),
                    temp.resolve("training.log"), System.out)) {
                assertEquals(0, spark.await(5, TimeUnit.MINUTES), String.join("\n", spark.tail()));
            }
            env.awaitStored();
            ModelRecord model = env.store().models(new RecordQuery(null, "inst-cli", null, null, null, 10)).get(0);
            modelId = model.id();
            String input = PatientData.batch(8, 1, 1, false).get(0).featuresJson();
            double score = Rescoring.score(PmmlRegressionModel.parse(env.store().model(modelId).orElseThrow().bytes()), input);
            RunHandle inference = env.governance().openRun(RunSpec.of("inst-cli", "recommend-tests").withEngine("standalone", "test"));
            inference.prediction(predictionId, input, "{\"score\":" + score + "}", List.of(modelId));
            inference.close();
            env.awaitStored();
        }
        String store = temp.resolve("env").resolve("store").toString();

        assertEquals(ExitCodes.OK, run("reproduce", "--prediction", predictionId, "--store", store, "--json"), err());
        JsonNode report = new ObjectMapper().readTree(out());
        assertEquals("prediction", report.path("subject").asText());
        assertEquals(predictionId, report.path("subjectId").asText());
        assertEquals("reproduced", report.path("outcome").asText(), out());
        assertTrue(report.path("checks").size() >= 7, out());
        for (JsonNode check : report.path("checks")) {
            assertTrue(check.path("matched").asBoolean(), check.toString());
        }
        assertTrue(err().contains("[spark] [reproduce] trained on 300 rows"), "Spark's progress goes to stderr with --json: " + err());
        assertFalse(err().contains("are kept in"), "a reproduction leaves nothing behind: " + err());

        Path batch = data.resolve("batch-1.csv");
        String recorded = sha256(Files.readAllBytes(batch));
        Files.writeString(batch, "e-extra,50,1,27,120,80,37,8.5,3,1,1\n", StandardOpenOption.APPEND);
        String now = sha256(Files.readAllBytes(batch));
        assertEquals(ExitCodes.FAILED, run("reproduce", "--model", modelId, "--store", store), out() + err());
        assertTrue(out().contains("[spark] [reproduce] refused: dataset " + batch), "Spark's progress, on stdout without --json: " + out());
        assertTrue(out().contains("Reproduction of model " + modelId + ": refused"), out());
        assertTrue(out().contains("dataset " + batch + " signature (recorded " + recorded + ", now " + now + ")"), out());
        // What the refused replay left stays, for a look at why.
        String kept = "The replay's files (request, Spark log, model) are kept in ";
        assertTrue(out().contains(kept), out());
        Path work = Path.of(out().substring(out().indexOf(kept) + kept.length()).lines().findFirst().orElseThrow());
        try {
            Path replay = work.resolve("replay-" + modelId.replaceAll("[^A-Za-z0-9._-]", "_"));
            assertTrue(Files.readString(replay.resolve("spark.log")).contains("[reproduce] refused: dataset " + batch), "the Spark log is kept");
            assertTrue(Files.isRegularFile(replay.resolve("request.json")), "the request is kept");
        } finally {
            delete(work);
        }
    }

    /** The demo's recorded parameters of a training run, as TrainingPipeline records them. */
    private static final String PARAMETERS = "{\"cycle\":1,\"rowsPerBatch\":300,\"batches\":[\"batch-1.csv\"],\"seed\":7,\"maxIter\":10,"
            + "\"regParam\":[0.001,0.05],\"elasticNetParam\":[0.0,0.5],\"trainRatio\":0.75,\"holdoutFraction\":0.2,\"drifted\":false}";
    private static final String TRAINING_CODE = "java:org.iongov.connector.spark.demo.RecommenderTraining";
    private static final Instant T = Instant.parse("2026-11-20T08:00:00Z");

    /**
     * A store (a real one, written through the store API) with a Spark training run of the given
     * code that read the given datasets and trained model {@code m-1}; prediction {@code p-1} of it,
     * with the given input and output.
     */
    private Path store(String codeUri, String parameters, List<String> datasetUris, String input, String output) throws Exception {
        Path folder = temp.resolve("store");
        try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(folder)) {
            String ion;
            try (var in = Demo.class.getResourceAsStream("demo-e.json")) {
                ion = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int version = store.addIonDefinition("demo-ensemble-with-canary", ion).version();
            List<MetadataRecord> records = new ArrayList<>(List.of(new IonInstanceRecord("inst-1", "demo-ensemble-with-canary", version, T, "test"),
                    new RunRecord("r-1", "inst-1", "train-logistic-regression", RunRecord.NodeKind.PIPELINE, T, "h", "spark", "4.0.1", null, codeUri,
                            "sha256:1", parameters, "scheduler"),
                    new ModelRecord("m-1", "r-1", "test-recommender", ModelRecord.ModelFormat.PMML, sha256(new byte[] {1}), 1, T, new byte[] {1},
                            null, null)));
            for (int i = 0; i < datasetUris.size(); i++) {
                records.add(new DatasetRecord("d-" + i, datasetUris.get(i), 1, "beef", null, T));
                records.add(new DatasetUseRecord("u-" + i, "r-1", "d-" + i, DatasetUseRecord.Direction.READ, T));
            }
            records.add(new RunRecord("flink-run", "inst-1", "recommend-tests", RunRecord.NodeKind.PIPELINE, T, "h", "flink", "2.1.1", null, null,
                    null, null, null));
            records.add(new PredictionRecord("p-1@recommend-tests", "flink-run", T.plusSeconds(5), List.of("m-1"), "d", input, output));
            store.ingest(new IngestBatch(records));
        }
        return folder;
    }

    /** Runs the verb with {@code iongov.root} pointing at {@code root} (IONGOV_ROOT, when set, would win). */
    private int runFrom(Path root, String... args) {
        assumeTrue(System.getenv("IONGOV_ROOT") == null, "IONGOV_ROOT is set: it decides where the connector is");
        String before = System.getProperty("iongov.root");
        System.setProperty("iongov.root", root.toString());
        try {
            return run(args);
        } finally {
            System.setProperty("iongov.root", before);
        }
    }

    private static Path root() {
        return Path.of(System.getProperty("iongov.root"));
    }

    @Test
    void aConnectorThatIsNotBuiltIsOneLineWithExitCodeOne() throws Exception {
        Path store = store(TRAINING_CODE, PARAMETERS, List.of(temp.resolve("batch-1.csv").toUri().toString()), "{}", "{\"score\":0.5}");
        Path empty = Files.createDirectories(temp.resolve("not-built"));
        assertEquals(ExitCodes.FAILED, runFrom(empty, "reproduce", "--model", "m-1", "--store", store.toString()), err());
        assertEquals("iongov reproduce: the org.iongov.connector.spark connector is not built (no "
                + Path.of("engine-connectors", "org.iongov.connector.spark", "target", "engine-classpath.txt")
                + "): build IonGov first with ./mvnw -B -DskipTests install\n", err());
    }

    @Test
    void runsOfOtherCodeAreRefusedBeforeAnyJvmStarts() throws Exception {
        String other = "https://git.example.org/clinic-ml/test-recommendation.git";
        Path store = store(other, PARAMETERS, List.of(temp.resolve("batch-1.csv").toUri().toString()), "{}", "{\"score\":0.5}");
        // Nothing is built where it looks for the connector: had it started a replay, it would fail otherwise.
        Path empty = Files.createDirectories(temp.resolve("not-built"));
        assertEquals(ExitCodes.FAILED, runFrom(empty, "reproduce", "--model", "m-1", "--store", store.toString()), out() + err());
        assertTrue(out().startsWith("Reproduction of model m-1: refused\n  nothing could be replayed: model m-1 was trained by code " + other
                + " (node train-logistic-regression, run r-1), which this replay does not know how to re-run (it re-runs " + TRAINING_CODE + ")"),
                out());
        assertEquals("", err());
    }

    @Test
    void overridesTheTrainingCannotTakeAreOneLineWithExitCodeTwoBeforeAnyJvmStarts() throws Exception {
        Path store = store(TRAINING_CODE, PARAMETERS, List.of(temp.resolve("batch-1.csv").toUri().toString()), "{}", "{\"score\":0.5}");
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("maxIter=0", "maxIter must be between 1 and 2147483647, was 0");
        refusals.put("maxIter=10.7", "parameter maxIter must be a whole number, was 10.7");
        refusals.put("seed=1.5", "parameter seed must be a whole number, was 1.5");
        refusals.put("regParam=abc", "parameter regParam is not a number or a list of numbers: \"abc\"");
        refusals.put("regParam=1,x", "parameter regParam holds a value that is not a number: \"x\"");
        refusals.put("cycle=2", "the training has no parameter 'cycle' that a replay can change (it uses: seed, maxIter, regParam, "
                + "elasticNetParam, trainRatio, holdoutFraction)");
        refusals.put("drifted=true", "the training has no parameter 'drifted' that a replay can change (it uses: seed, maxIter, regParam, "
                + "elasticNetParam, trainRatio, holdoutFraction)");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            assertEquals(ExitCodes.USAGE, runFrom(root(), "reproduce", "--model", "m-1", "--store", store.toString(), "--set", r.getKey()),
                    r.getKey() + ": " + out() + err());
            assertEquals("iongov reproduce: run r-1 cannot be replayed with " + r.getKey() + ": " + r.getValue() + "\n", err());
            assertEquals("", out(), "nothing was replayed");
        }
        Path other = Files.writeString(temp.resolve("other.csv"), "x");
        assertEquals(ExitCodes.USAGE, runFrom(root(), "reproduce", "--model", "m-1", "--store", store.toString(), "--dataset",
                "s3://bucket/batch-1.csv=" + other));
        assertEquals("iongov reproduce: run r-1 read no dataset s3://bucket/batch-1.csv (it read: " + temp.resolve("batch-1.csv") + ")\n", err());
    }

    @Test
    void whatCannotBeReplayedIsAReportWithExitCodeOne() throws Exception {
        // A dataset under another URI scheme: refused, naming it.
        Path store = store(TRAINING_CODE, PARAMETERS, List.of("s3://bucket/batch-1.csv"), "{}", "{\"score\":0.5}");
        assertEquals(ExitCodes.FAILED, runFrom(root(), "reproduce", "--model", "m-1", "--store", store.toString()), out() + err());
        assertTrue(out().startsWith("Reproduction of model m-1: refused\n  nothing could be replayed: model m-1 (node train-logistic-regression, "
                + "run r-1): dataset s3://bucket/batch-1.csv is not a local file, so it cannot be read again here"), out());
        delete(store);

        // A run that recorded no dataset it read.
        store = store(TRAINING_CODE, PARAMETERS, List.of(), "{}", "{\"score\":0.5}");
        assertEquals(ExitCodes.FAILED, runFrom(root(), "reproduce", "--model", "m-1", "--store", store.toString(), "--json"), out() + err());
        JsonNode report = new ObjectMapper().readTree(out());
        assertEquals("refused", report.path("outcome").asText());
        assertEquals("nothing could be replayed: model m-1 (node train-logistic-regression, run r-1): the run recorded no dataset that it read, "
                + "so there is nothing to train it on again", report.path("summary").asText());
        delete(store);

        // A prediction that was not sampled: its input was not recorded (its output always is).
        store = store(TRAINING_CODE, PARAMETERS, List.of(), null, "{\"score\":0.5}");
        assertEquals(ExitCodes.FAILED, runFrom(root(), "reproduce", "--prediction", "p-1@recommend-tests", "--store", store.toString(), "--json"),
                out() + err());
        report = new ObjectMapper().readTree(out());
        assertEquals("refused", report.path("outcome").asText());
        List<String> notReproduced = new ArrayList<>();
        report.path("notReproduced").forEach(n -> notReproduced.add(n.asText()));
        assertEquals(List.of("model m-1 (node train-logistic-regression, run r-1): the run recorded no dataset that it read, so there is nothing "
                + "to train it on again", "prediction p-1@recommend-tests: its input was not recorded (the prediction was not sampled), so it "
                + "cannot be scored again"), notReproduced);
    }

    private static void delete(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void badUsageIsOneLineWithExitCodeTwo() {
        assertEquals(ExitCodes.USAGE, run("reproduce", "--store", temp.toString()));
        assertEquals("iongov reproduce needs one of --prediction ID or --model ID\n", err());
        assertEquals(ExitCodes.USAGE, run("reproduce", "--model", "m", "--set", "regParam"));
        assertTrue(err().startsWith("iongov reproduce: --set takes NAME=VALUE"), err());
        assertEquals(ExitCodes.USAGE, run("reproduce", "--model", "m", "--dataset", "batch-1.csv=" + temp.resolve("missing.csv")));
        assertTrue(err().contains("no file"), err());
        assertEquals(ExitCodes.OK, run("reproduce", "--help"));
        assertTrue(out().contains("--set NAME=VALUE") && out().contains("Exit codes"), out());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
