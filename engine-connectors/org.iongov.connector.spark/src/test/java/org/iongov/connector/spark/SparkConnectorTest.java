package org.iongov.connector.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.connector.testkit.GovernedEnvironment;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.store.GovernanceStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One governed Spark training (real Spark in local mode, real store, server and agent), reported
 * through the connector, then checked against what Spark itself computes and what the store holds.
 */
class SparkConnectorTest {

    private static final String INSTANCE = "inst-spark";
    private static final String LABEL = PatientRecord.LABEL;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    static GovernedEnvironment env;
    static SparkSession spark;
    static List<Path> batches;
    static Dataset<Row> holdout;
    static TrainValidationSplitModel tuned;
    static PipelineModel best;
    static Evaluation evaluation;
    static ModelArtifact pmml;
    static String runId;
    static String modelId;
    static Path written;
    static long rows;

    @BeforeAll
    static void trainOnce() throws IOException {
        env = GovernedEnvironment.startWithSample(folder.resolve("env"), "c-retraining-with-approval.json", INSTANCE);
        spark = SparkSession.builder().master("local[2]").appName("spark-connector-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        batches = List.of(PatientData.writeCsv(folder.resolve("data/batch-1.csv"), PatientData.batch(7, 1, 400, false)),
                PatientData.writeCsv(folder.resolve("data/batch-2.csv"), PatientData.batch(7, 2, 400, false)));
        written = folder.resolve("out/holdout-predictions");

        RunSpec spec = RunSpec.of(INSTANCE, "train-recommender").withEngine("spark", spark.version())
                .withCode("https://git.example.org/clinic-ml/test-recommendation.git", "test").startedBy("scheduler");
        try (RunHandle run = env.governance().openRun(spec)) {
            runId = run.id();
            try (SparkGovernance attached = SparkGovernance.attach(spark, run)) {
                Dataset<Row> data = spark.read().option("header", "true").schema(schema())
                        .csv(batches.stream().map(Path::toString).toArray(String[]::new)).cache();
                rows = data.count();
                Dataset<Row>[] split = data.randomSplit(new double[] {0.8, 0.2}, 7);
                holdout = split[1].cache();
                tuned = tuner().fit(split[0]);
                best = (PipelineModel) tuned.bestModel();
                SparkMlReport.stages(run, "fit-logistic-regression", tuned);
                SparkMlReport.search(run, tuned);
                SparkMlReport.logisticRegression(run, "fit-logistic-regression", best);
                evaluation = SparkMlReport.evaluate(best, holdout, LABEL);
                evaluation.report(run, "evaluate");
                best.transform(holdout).select("encounter_id", "prediction").write().parquet(written.toString());
            }
            pmml = SparkModelExport.pmml(best, "test-recommender", LABEL);
            modelId = run.publishModel("candidate-model", pmml);
        }
        env.awaitStored();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (env != null) {
            env.close();
        }
    }

    static StructType schema() {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("encounter_id", DataTypes.StringType, false));
        for (String f : PatientRecord.FEATURES) {
            fields.add(DataTypes.createStructField(f, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField(LABEL, DataTypes.DoubleType, false));
        return DataTypes.createStructType(fields);
    }

    static TrainValidationSplit tuner() {
        VectorAssembler assembler = new VectorAssembler().setInputCols(PatientRecord.FEATURES.toArray(String[]::new))
                .setOutputCol("raw");
        StandardScaler scaler = new StandardScaler().setInputCol("raw").setOutputCol("features").setWithMean(true);
        LogisticRegression lr = new LogisticRegression().setLabelCol(LABEL).setMaxIter(10);
        ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), new double[] {0.001, 0.05})
                .addGrid(lr.elasticNetParam(), new double[] {0.0, 0.5}).build();
        return new TrainValidationSplit().setEstimator(new Pipeline().setStages(new PipelineStage[] {assembler, scaler, lr}))
                .setEstimatorParamMaps(grid).setEvaluator(new BinaryClassificationEvaluator().setLabelCol(LABEL))
                .setTrainRatio(0.75).setSeed(7);
    }

    static GovernanceStore store() {
        return env.store();
    }

    static RecordQuery ofRun(String type) {
        return new RecordQuery(runId, null, type, null, null, 1000);
    }

    static List<StatisticPoint> points(String name) {
        return store().statistics(new StatisticQuery(name, runId, null, 10_000)).points();
    }

    static double single(String name) {
        List<StatisticPoint> p = points(name);
        assertEquals(1, p.size(), "one point of " + name);
        return p.get(0).value();
    }

    static JsonNode structured(String name) throws IOException {
        List<StatisticRecord> found = store().structuredStatistics(ofRun(name));
        assertEquals(1, found.size(), "one structured statistic " + name);
        return JSON.readTree(found.get(0).structuredJson());
    }

    @Test
    void theRunIsStoredAsTheIonsTrainingNode() {
        NodeRun run = store().run(runId).orElseThrow();
        assertEquals("train-recommender", run.start().node());
        assertEquals("spark", run.start().engine());
        assertEquals(spark.version(), run.start().engineVersion());
        assertEquals("scheduler", run.start().startedBy());
    }

    @Test
    void storedAucIsWhatSparksEvaluatorComputes() {
        double expected = new BinaryClassificationEvaluator().setLabelCol(LABEL).setMetricName("areaUnderROC")
                .evaluate(best.transform(holdout));
        assertEquals(expected, single("auc"), 1e-12);
        assertTrue(expected > 0.7, "a useful model: " + expected);
    }

    @Test
    void storedPrecisionRecallAccuracyAndConfusionMatchSpark() throws IOException {
        Dataset<Row> scored = best.transform(holdout);
        MulticlassClassificationEvaluator m = new MulticlassClassificationEvaluator().setLabelCol(LABEL).setMetricLabel(1);
        assertEquals(m.setMetricName("accuracy").evaluate(scored), single("accuracy"), 1e-12);
        assertEquals(m.setMetricName("precisionByLabel").evaluate(scored), single("precision"), 1e-12);
        assertEquals(m.setMetricName("recallByLabel").evaluate(scored), single("recall"), 1e-12);
        JsonNode matrix = structured("confusion_matrix").get("matrix");
        long[][] expected = new long[2][2];
        for (Row r : scored.selectExpr("cast(" + LABEL + " as int)", "cast(prediction as int)").collectAsList()) {
            expected[r.getInt(0)][r.getInt(1)]++;
        }
        for (int a = 0; a < 2; a++) {
            for (int p = 0; p < 2; p++) {
                assertEquals(expected[a][p], matrix.get(a).get(p).asLong(), "actual " + a + ", predicted " + p);
            }
        }
        assertEquals(holdout.count(), single("holdout_rows"), 0);
    }

    @Test
    void gridSettingsAndMetricsAreTheTunersAndTheBestIsChosen() throws IOException {
        List<SearchResultRecord> results = store().searchResults(ofRun(null));
        ParamMap[] grid = tuned.getEstimatorParamMaps();
        double[] metrics = tuned.validationMetrics();
        assertEquals(grid.length, results.size());
        int bestIndex = 0;
        for (int i = 0; i < grid.length; i++) {
            bestIndex = metrics[i] > metrics[bestIndex] ? i : bestIndex;
        }
        LogisticRegressionModel chosenLr = (LogisticRegressionModel) best.stages()[2];
        for (int i = 0; i < grid.length; i++) {
            SearchResultRecord r = results.get(i);
            JsonNode parameters = JSON.readTree(r.parametersJson());
            assertEquals(grid[i].size(), parameters.size());
            for (var pair : grid[i].toList()) {
                assertEquals(((Number) pair.value()).doubleValue(), parameters.get(pair.param().name()).asDouble(), 0,
                        pair.param().name());
            }
            assertEquals("areaUnderROC", r.metric());
            assertEquals(metrics[i], r.value(), 0);
            assertEquals(i == bestIndex, r.chosen(), "setting " + i + " chosen");
            if (r.chosen()) {
                assertEquals(chosenLr.getRegParam(), parameters.get("regParam").asDouble(), 0);
                assertEquals(chosenLr.getElasticNetParam(), parameters.get("elasticNetParam").asDouble(), 0);
            }
        }
    }

    @Test
    void pipelineStagesAndParametersAreReported() throws IOException {
        JsonNode stages = structured("pipeline_stages");
        assertEquals(List.of("VectorAssembler", "StandardScalerModel", "LogisticRegressionModel"),
                List.of(stages.get(0).get("stage").asText(), stages.get(1).get("stage").asText(), stages.get(2).get("stage").asText()));
        assertEquals(10, stages.get(2).get("parameters").get("maxIter").asInt());
        assertEquals("age", stages.get(0).get("parameters").get("inputCols").get(0).asText());
        assertTrue(stages.get(1).get("parameters").get("withMean").asBoolean());
    }

    @Test
    void coefficientsAndTrainingSummaryAreReported() throws IOException {
        LogisticRegressionModel lr = (LogisticRegressionModel) best.stages()[2];
        JsonNode c = structured("coefficients");
        assertEquals(PatientRecord.FEATURES.get(3), c.get("features").get(3).asText());
        double[] coefficients = lr.coefficients().toArray();
        for (int i = 0; i < coefficients.length; i++) {
            assertEquals(coefficients[i], c.get("coefficients").get(i).asDouble(), 0);
        }
        assertEquals(lr.intercept(), single("intercept"), 0);
        assertEquals(lr.binarySummary().areaUnderROC(), single("training_auc"), 1e-12);
        assertEquals(lr.summary().totalIterations(), single("iterations"), 0);
        JsonNode history = structured("objective_history");
        assertEquals(lr.summary().objectiveHistory().length, history.size());
        assertEquals(lr.summary().objectiveHistory()[0], history.get(0).asDouble(), 0);
    }

    @Test
    void pmmlScoresAsSparkDoes() throws Exception {
        PmmlRegressionModel ours = PmmlRegressionModel.parse(pmml.bytes());
        IndependentPmml theirs = new IndependentPmml(pmml.bytes());
        assertEquals(PatientRecord.FEATURES, ours.inputs());
        List<Row> scored = best.transform(holdout).select("probability", PatientRecord.FEATURES.toArray(String[]::new)).collectAsList();
        assertFalse(scored.isEmpty());
        double worst = 0;
        for (Row row : scored) {
            double expected = ((Vector) row.get(0)).apply(1);
            double[] features = new double[PatientRecord.FEATURES.size()];
            Map<String, Object> named = new HashMap<>();
            for (int i = 0; i < features.length; i++) {
                features[i] = row.getDouble(i + 1);
                named.put(PatientRecord.FEATURES.get(i), features[i]);
            }
            double ourScore = ours.score(features);
            double theirScore = ((Number) theirs.predict(named).get("probability(1)")).doubleValue();
            worst = Math.max(worst, Math.max(Math.abs(ourScore - expected), Math.abs(theirScore - expected)));
        }
        assertTrue(worst <= 1e-9, "largest difference from Spark's probability: " + worst);
    }

    @Test
    void pmmlMetadataGivesInputsAndFoldedCoefficients() throws IOException {
        JsonNode metadata = JSON.readTree(pmml.metadataJson());
        assertEquals(PatientRecord.FEATURES.size(), metadata.get("inputs").size());
        assertEquals(LABEL, metadata.get("target").asText());
        PmmlRegressionModel ours = PmmlRegressionModel.parse(pmml.bytes());
        assertEquals(ours.intercept(), metadata.get("intercept").asDouble(), 0);
        assertEquals(ours.coefficients()[0], metadata.get("coefficients").get("age").asDouble(), 0);
    }

    @Test
    void publishedModelReachesTheStoreWithItsDigest() throws Exception {
        List<ModelRecord> models = store().models(ofRun(null));
        assertEquals(1, models.size());
        ModelRecord model = models.get(0);
        assertEquals(modelId, model.id());
        assertEquals(ModelRecord.ModelFormat.PMML, model.format());
        assertEquals(sha256(pmml.bytes()), model.sha256());
        assertArrayEquals(pmml.bytes(), store().model(modelId).orElseThrow().bytes());
        List<MessageRecord> messages = store().messages(new RecordQuery(null, INSTANCE, "candidate-model", null, null, 100));
        assertTrue(messages.stream().anyMatch(m -> modelId.equals(m.modelId()) && runId.equals(m.senderRunId())), messages.toString());
    }

    @Test
    void filesReadAndWrittenAreRecordedWithTheirContentSignatures() throws Exception {
        List<DatasetUseRecord> uses = store().datasetUses(ofRun(null));
        Set<String> read = uses.stream().filter(u -> u.direction().name().equalsIgnoreCase("read")).map(DatasetUseRecord::datasetId)
                .collect(Collectors.toSet());
        Set<String> wrote = uses.stream().filter(u -> u.direction().name().equalsIgnoreCase("written"))
                .map(DatasetUseRecord::datasetId).collect(Collectors.toSet());
        assertEquals(2, read.size(), uses.toString());
        List<DatasetRecord> datasets = store().datasets(RecordQuery.latest(1000));
        for (Path batch : batches) {
            String digest = sha256(Files.readAllBytes(batch));
            DatasetRecord dataset = datasets.stream().filter(d -> d.digest().equals(digest)).findFirst().orElseThrow(
                    () -> new AssertionError("no dataset with the digest of " + batch + " in " + datasets));
            assertTrue(read.contains(dataset.id()), dataset.id());
            assertTrue(dataset.uri().endsWith(batch.getFileName().toString()), dataset.uri());
            assertEquals(Files.size(batch), dataset.size());
        }
        assertEquals(1, wrote.size(), uses.toString());
        DatasetRecord out = datasets.stream().filter(d -> wrote.contains(d.id())).findFirst().orElseThrow();
        assertTrue(out.uri().contains("holdout-predictions"), out.uri());
    }

    @Test
    void jobsAndStagesAreReportedAsStatistics() {
        double stages = single("stages");
        double jobs = single("jobs");
        assertTrue(jobs >= 10, "an LR tuning runs many jobs: " + jobs);
        assertTrue(stages >= jobs, stages + " stages for " + jobs + " jobs");
        // Every completed stage reported its task count once, and the totals add up.
        List<StatisticPoint> tasks = points("tasks");
        assertEquals(stages, tasks.size(), 0);
        assertEquals(single("total_tasks"), tasks.stream().mapToDouble(StatisticPoint::value).sum(), 0);
        assertEquals(jobs, points("stage_count").size(), 0);
        // The files were read by a stage: its input records are the rows of both batches.
        double inputRecords = points("input_records").stream().mapToDouble(StatisticPoint::value).sum();
        assertEquals(single("total_input_records"), inputRecords, 0);
        assertTrue(inputRecords >= rows, inputRecords + " input records for " + rows + " rows");
        assertTrue(points("duration_ms").size() >= stages + jobs);
        assertTrue(single("failed_jobs") == 0);
    }

    @Test
    void unsupportedStageIsAClearError() {
        SQLTransformer extra = new SQLTransformer().setStatement("SELECT *, age * 2 AS double_age FROM __THIS__");
        List<Transformer> stages = new ArrayList<>(List.of(best.stages()));
        stages.add(1, extra);
        PipelineModel withExtra = new Pipeline().setStages(stages.toArray(PipelineStage[]::new)).fit(holdout);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkModelExport.pmml(withExtra, "x", LABEL));
        assertTrue(e.getMessage().contains("SQLTransformer") && e.getMessage().contains(extra.uid()), e.getMessage());
        IllegalArgumentException noLr = assertThrows(IllegalArgumentException.class,
                () -> SparkModelExport.pmml(new Pipeline().setStages(new PipelineStage[] {best.stages()[0]}).fit(holdout), "x", LABEL));
        assertTrue(noLr.getMessage().contains("no LogisticRegressionModel"), noLr.getMessage());
    }

    @Test
    void sparkNativeModelZipsAndLoadsBack() throws IOException {
        ModelArtifact a = SparkModelExport.sparkNative(best, "native");
        assertEquals("opaque", a.format());
        Path unpacked = SparkModelExport.unpackNative(a.bytes(), folder.resolve("native"));
        PipelineModel loaded = PipelineModel.load(unpacked.toString());
        List<Row> expected = best.transform(holdout).select("probability").collectAsList();
        List<Row> actual = loaded.transform(holdout).select("probability").collectAsList();
        assertEquals(expected, actual);
        // The same folder zips to the same bytes.
        byte[] again = org.iongov.connector.spark.internal.DeterministicZip.zip(unpacked);
        assertArrayEquals(a.bytes(), again);
        assertNotEquals(0, a.bytes().length);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
