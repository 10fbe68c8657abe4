package org.iongov.connector.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.scoring.Scorer;
import org.iongov.connector.scoring.Scorers;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains once (sample ION e, node train-neural-network) against a real store, server and agent,
 * with TensorFlow's native runtime, and checks what the model is and what the store holds.
 */
class TensorFlowConnectorTest {

    private static final String INSTANCE = "ensemble-e";
    private static final int EPOCHS = 30;
    private static final double[] AGE_EDGES = {18, 40, 60, 95};

    @TempDir
    static Path folder;

    static GovernedEnvironment env;
    static Path csv;
    static TrainedNetwork trained;
    static String runId;
    static String modelId;

    @BeforeAll
    static void trainAndPublish() throws Exception {
        env = GovernedEnvironment.startWithSample(folder.resolve("env"), "e-ensemble-with-canary.json", INSTANCE);
        csv = PatientData.writeCsv(folder.resolve("data/batch-0.csv"), PatientData.batch(42, 0, 2000, false));
        NeuralNetworkTrainer trainer = NeuralNetworkTrainer.defaults().withEpochs(EPOCHS).withInputSignature("age", AGE_EDGES);
        RunSpec spec = RunSpec.of(INSTANCE, "train-neural-network").withEngine("tensorflow", org.tensorflow.TensorFlow.version())
                .withCode("https://git.example.org/clinic-ml/test-recommendation.git", "test").startedBy("tester");
        trainer.parameters().forEach(spec::withParameter);
        try (RunHandle run = env.governance().openRun(spec)) {
            runId = run.id();
            trained = trainer.train(csv, run);
            modelId = trained.publish(run, "neural-network-candidate");
        }
        env.awaitStored();
        System.out.println("trained: holdout auc " + trained.auc() + ", confusion " + trained.confusionJson());
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void theExtractedSignatureIsTheGraphWeBuilt() {
        try (LoadedSavedModel model = LoadedSavedModel.load(trained.savedModel())) {
            assertEquals(List.of(new LoadedSavedModel.SignatureSpec("serving_default", "tensorflow/serving/predict",
                    List.of(new LoadedSavedModel.TensorSpec("features", "features:0", "DT_FLOAT", List.of(-1L, 9L))),
                    List.of(new LoadedSavedModel.TensorSpec("probability", "probability:0", "DT_FLOAT", List.of(-1L, 1L))))),
                    model.signatures());
            assertEquals(PatientRecord.FEATURES, model.features());
            assertEquals(model.metadataJson(), trained.metadataJson());
        }
        String json = trained.metadataJson();
        assertTrue(json.contains("\"tags\":[\"serve\"]"), json);
        assertTrue(json.contains("{\"name\":\"features\",\"tensor\":\"features:0\",\"dtype\":\"DT_FLOAT\",\"shape\":[-1,9]}"), json);
        assertTrue(json.contains("{\"name\":\"probability\",\"tensor\":\"probability:0\",\"dtype\":\"DT_FLOAT\",\"shape\":[-1,1]}"),
                json);
        assertTrue(json.contains("\"features\":[\"age\",\"sex\",\"bmi\",\"systolic_bp\""), json);
    }

    @Test
    void aReloadedModelScoresExactlyAsTheTrainingSession() {
        try (Scorer scorer = Scorers.load("saved-model", trained.savedModel())) {
            SavedModelScorer savedModel = assertInstanceOf(SavedModelScorer.class, scorer);
            assertEquals("saved-model", scorer.format());
            assertEquals(PatientRecord.FEATURES, scorer.inputs());
            assertArrayEquals(trained.holdoutScores(), savedModel.scoreAll(trained.holdoutFeatures()), 0.0);
            for (int i = 0; i < 20; i++) {
                assertEquals(trained.holdoutScores()[i], scorer.score(trained.holdoutFeatures()[i]), 1e-6);
            }
        }
    }

    @Test
    void theArchiveIsDeterministic() throws Exception {
        Path unpacked = folder.resolve("unpacked");
        SavedModelArchive.unzip(trained.savedModel(), unpacked);
        assertTrue(Files.isRegularFile(unpacked.resolve("saved_model.pb")));
        assertArrayEquals(trained.savedModel(), SavedModelArchive.zip(unpacked), "unzip then zip gives the same bytes");
        Files.setLastModifiedTime(unpacked.resolve("saved_model.pb"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertArrayEquals(trained.savedModel(), SavedModelArchive.zip(unpacked), "file times do not reach the archive");
    }

    @Test
    void theStoredAucIsTheHoldoutsAuc() {
        List<StatisticPoint> auc = env.store().statistics(new StatisticQuery("auc", runId, null, 100)).points();
        assertEquals(1, auc.size());
        double expected = pairwiseAuc(trained.holdoutScores(), trained.holdoutLabels());
        assertEquals(expected, auc.get(0).value(), 1e-12);
        assertEquals(expected, trained.auc(), 1e-12);
        assertTrue(trained.auc() > 0.75, "the network learned something: auc " + trained.auc());

        List<StatisticPoint> loss = env.store().statistics(new StatisticQuery("loss", runId, null, 1000)).points();
        assertEquals(EPOCHS, loss.size());
        assertTrue(loss.get(EPOCHS - 1).value() < loss.get(0).value(), "the loss fell: " + trained.epochLosses());

        long[] confusion = confusion(trained.holdoutScores(), trained.holdoutLabels());
        assertEquals("{\"labels\":[0,1],\"threshold\":0.5,\"matrix\":[[" + confusion[0] + "," + confusion[1] + "],[" + confusion[2]
                + "," + confusion[3] + "]]}", trained.confusionJson());
        List<StatisticRecord> matrices = env.store().structuredStatistics(new RecordQuery(runId, null, "confusion-matrix", null, null, 10));
        assertEquals(1, matrices.size());
        assertEquals("evaluate", matrices.get(0).component());
        assertEquals(trained.confusionJson(), matrices.get(0).structuredJson().replace(" ", ""));
        double accuracy = (double) (confusion[0] + confusion[3]) / trained.holdoutLabels().length;
        assertEquals(accuracy, only("accuracy"), 1e-12);
        assertEquals((double) confusion[3] / (confusion[3] + confusion[1]), only("precision"), 1e-12);
        assertEquals((double) confusion[3] / (confusion[3] + confusion[2]), only("recall"), 1e-12);
    }

    @Test
    void theModelReachesTheStoreWithItsDigestMetadataRunAndDataset() throws Exception {
        ModelRecord model = env.store().model(modelId).orElseThrow();
        assertEquals(ModelRecord.ModelFormat.SAVED_MODEL, model.format());
        assertEquals(sha256(trained.savedModel()), model.sha256());
        assertEquals(runId, model.runId());
        assertArrayEquals(trained.savedModel(), model.bytes());
        assertNotNull(model.metadataJson());
        assertTrue(model.metadataJson().replace(" ", "").contains("\"shape\":[-1,9]"), model.metadataJson());
        assertTrue(model.metadataJson().contains("serving_default"), model.metadataJson());

        NodeRun run = env.store().run(runId).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals("train-neural-network", run.start().node());
        assertEquals("tensorflow", run.start().engine());
        assertTrue(run.start().configurationJson().contains("hiddenLayers"), run.start().configurationJson());

        String digest = sha256(Files.readAllBytes(csv));
        List<DatasetRecord> datasets = env.store().datasets(RecordQuery.latest(100));
        assertTrue(datasets.stream().anyMatch(d -> digest.equals(d.digest())), "the CSV read is recorded: " + datasets);
        List<DatasetUseRecord> uses = env.store().datasetUses(new RecordQuery(runId, null, null, null, null, 10));
        assertEquals(1, uses.size());
        assertEquals(DatasetUseRecord.Direction.READ, uses.get(0).direction());
        assertEquals("dataset:" + digest, uses.get(0).datasetId());

        List<SignatureRecord> signatures = env.store().signatures(new RecordQuery(runId, null, "probability", null, null, 10));
        assertEquals(1, signatures.size());
        long[] counts = new long[10];
        for (double score : trained.holdoutScores()) {
            counts[Math.min(9, (int) (score * 10))]++;
        }
        String histogram = signatures.get(0).histogramJson().replace(" ", "");
        assertTrue(histogram.contains(Arrays.toString(counts).replace(" ", "")), histogram + " vs " + Arrays.toString(counts));

        List<SignatureRecord> ages = env.store().signatures(new RecordQuery(runId, null, "age", null, null, 10));
        assertEquals(1, ages.size());
        long[] ageCounts = new long[3];
        for (PatientRecord r : PatientData.readCsv(csv)) {
            ageCounts[r.age() < 40 ? 0 : r.age() < 60 ? 1 : 2]++;
        }
        assertEquals(SignatureRecord.SignatureTarget.INPUT, ages.get(0).target());
        assertTrue(ages.get(0).histogramJson().replace(" ", "").contains(Arrays.toString(ageCounts).replace(" ", "")),
                ages.get(0).histogramJson() + " vs " + Arrays.toString(ageCounts));

        List<LogRecord> logs = env.store().logs(new RecordQuery(runId, null, null, null, null, 10));
        assertTrue(logs.stream().anyMatch(l -> l.message().startsWith("trained [16, 8] on 1600 encounters (400 held out)")),
                logs.toString());
    }

    @Test
    void theThresholdCheckDecidesOnTheReportedAuc() {
        // sample e: check-neural-network wants auc >= 0.82
        String decision = trained.auc() >= 0.82 ? "approval" : "rejection";
        List<EventRecord> events = env.store().events(new RecordQuery(null, INSTANCE, decision, null, null, 100));
        assertTrue(events.stream().anyMatch(e -> e.message().contains(modelId) && e.message().contains("check-neural-network")),
                "expected a " + decision + " of " + modelId + " (auc " + trained.auc() + "), events: " + events);
        // an approved member goes on to the inference pipeline, a rejected one stops at the check
        List<MessageRecord> forwarded = env.store().messages(new RecordQuery(null, INSTANCE, "neural-network-member", null, null, 100));
        assertEquals(trained.auc() >= 0.82, forwarded.stream().anyMatch(m -> modelId.equals(m.modelId())), forwarded.toString());
    }

    @Test
    void badBytesGiveAClearError() throws Exception {
        IllegalArgumentException notZip = assertThrows(IllegalArgumentException.class,
                () -> Scorers.load("saved-model", "not a model".getBytes(StandardCharsets.UTF_8)));
        assertEquals("not a SavedModel archive: the bytes are not a zip", notZip.getMessage());

        IllegalArgumentException noModel = assertThrows(IllegalArgumentException.class,
                () -> Scorers.load("saved-model", zip("readme.txt", "hello")));
        assertTrue(noModel.getMessage().startsWith("not a SavedModel archive: no saved_model.pb"), noModel.getMessage());

        IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                () -> Scorers.load("saved-model", zip("saved_model.pb", "garbage")));
        assertTrue(broken.getMessage().startsWith("cannot load the SavedModel: "), broken.getMessage());

        IllegalArgumentException escape = assertThrows(IllegalArgumentException.class,
                () -> Scorers.load("saved-model", zip("../saved_model.pb", "x")));
        assertTrue(escape.getMessage().contains("points outside it"), escape.getMessage());
    }

    @Test
    void theScorerIsSharedAcrossThreadsAndRefusesWorkOnceClosed() throws Exception {
        SavedModelScorer scorer = SavedModelScorer.load(trained.savedModel());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    double[] s = new double[trained.holdoutFeatures().length];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = scorer.score(trained.holdoutFeatures()[i]);
                    }
                    return s;
                }));
            }
            double[] first = results.get(0).get();
            for (Future<double[]> r : results) {
                assertArrayEquals(first, r.get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class, () -> scorer.score(new double[3]));
        assertTrue(width.getMessage().contains("the model takes 9"), width.getMessage());
        scorer.close();
        scorer.close();
        assertThrows(IllegalStateException.class, () -> scorer.score(trained.holdoutFeatures()[0]));
    }

    @Test
    void trainingIsRepeatableForASeed() {
        List<PatientRecord> records = PatientData.batch(7, 1, 400, false);
        NeuralNetworkTrainer trainer = NeuralNetworkTrainer.defaults().withEpochs(3).withSeed(7);
        TrainedNetwork a;
        TrainedNetwork b;
        TrainedNetwork other;
        try (RunHandle run = env.governance().openRun(RunSpec.of(INSTANCE, "train-neural-network"))) {
            a = trainer.train(records, run);
            b = trainer.train(records, run);
            other = trainer.withSeed(8).train(records, run);
        }
        assertEquals(a.epochLosses(), b.epochLosses());
        assertArrayEquals(a.holdoutScores(), b.holdoutScores(), 0.0);
        assertArrayEquals(a.savedModel(), b.savedModel(), "the same training gives the same archive bytes");
        assertFalse(a.epochLosses().equals(other.epochLosses()), "another seed trains differently");
    }

    @Test
    void badSettingsAreRefusedInTheUsersTerms() {
        assertEquals("epochs must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> NeuralNetworkTrainer.defaults().withEpochs(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> NeuralNetworkTrainer.defaults().withHiddenLayers());
        assertThrows(IllegalArgumentException.class, () -> NeuralNetworkTrainer.defaults().withLearningRate(-1));
    }

    private static double only(String statistic) {
        List<StatisticPoint> points = env.store().statistics(new StatisticQuery(statistic, runId, null, 10)).points();
        assertEquals(1, points.size(), statistic);
        return points.get(0).value();
    }

    /** AUC as the share of (positive, negative) pairs ranked right, ties counting half: independent of the rank sum. */
    static double pairwiseAuc(double[] scores, int[] labels) {
        double right = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] != 1) {
                continue;
            }
            for (int j = 0; j < scores.length; j++) {
                if (labels[j] == 0) {
                    pairs++;
                    right += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return right / pairs;
    }

    /** tn, fp, fn, tp at 0.5. */
    private static long[] confusion(double[] scores, int[] labels) {
        long[] c = new long[4];
        for (int i = 0; i < scores.length; i++) {
            c[(labels[i] == 1 ? 2 : 0) + (scores[i] >= 0.5 ? 1 : 0)]++;
        }
        return c;
    }

    private static byte[] zip(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
