package org.iongov.connector.spark.demo;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.VectorAssembler;
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
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.spark.Evaluation;
import org.iongov.connector.spark.SparkMlReport;
import org.iongov.connector.spark.SparkModelExport;

/**
 * The demo's training: a logistic regression recommender (assembler, scaler, logistic
 * regression) tuned with a train-validation split over regParam x elasticNetParam, evaluated on
 * a holdout, exported as PMML. With a run, it reports everything on the way; without, it does
 * the same work silently (the overhead benchmark's baseline).
 */
final class RecommenderTraining {

    static final String MODEL_NAME = "test-recommender";
    static final StructType SCHEMA;

    static {
        StructField[] fields = new StructField[PatientRecord.FEATURES.size() + 2];
        fields[0] = DataTypes.createStructField("encounter_id", DataTypes.StringType, false);
        for (int i = 0; i < PatientRecord.FEATURES.size(); i++) {
            fields[i + 1] = DataTypes.createStructField(PatientRecord.FEATURES.get(i), DataTypes.DoubleType, false);
        }
        fields[fields.length - 1] = DataTypes.createStructField(PatientRecord.LABEL, DataTypes.DoubleType, false);
        SCHEMA = DataTypes.createStructType(fields);
    }

    /** What one training produced. */
    record Result(TrainValidationSplitModel tuned, PipelineModel model, double trainingAuc, Evaluation evaluation,
            ModelArtifact pmml, long rows, int chosen, long reportNanos) {
    }

    private final SparkSession spark;
    private final TrainingSettings settings;

    RecommenderTraining(SparkSession spark, long seed, int maxIter) {
        this(spark, TrainingSettings.defaults(seed, maxIter));
    }

    RecommenderTraining(SparkSession spark, TrainingSettings settings) {
        this.spark = spark;
        this.settings = settings;
    }

    TrainingSettings settings() {
        return settings;
    }

    SparkSession spark() {
        return spark;
    }

    /** Reads the CSV files written by PatientData. */
    Dataset<Row> read(List<Path> files) {
        String[] paths = files.stream().map(p -> p.toAbsolutePath().toString()).toArray(String[]::new);
        return spark.read().option("header", "true").schema(SCHEMA).csv(paths);
    }

    Pipeline pipeline() {
        VectorAssembler assembler = new VectorAssembler().setInputCols(PatientRecord.FEATURES.toArray(String[]::new))
                .setOutputCol("raw_features");
        StandardScaler scaler = new StandardScaler().setInputCol("raw_features").setOutputCol("features").setWithMean(true)
                .setWithStd(true);
        LogisticRegression lr = new LogisticRegression().setLabelCol(PatientRecord.LABEL).setFeaturesCol("features")
                .setMaxIter(settings.maxIter());
        return new Pipeline().setStages(new PipelineStage[] {assembler, scaler, lr});
    }

    TrainValidationSplit tuner() {
        Pipeline pipeline = pipeline();
        LogisticRegression lr = (LogisticRegression) pipeline.getStages()[2];
        ParamMap[] grid = new ParamGridBuilder().addGrid(lr.regParam(), values(settings.regParam()))
                .addGrid(lr.elasticNetParam(), values(settings.elasticNetParam())).build();
        return new TrainValidationSplit().setEstimator(pipeline).setEstimatorParamMaps(grid)
                .setEvaluator(new BinaryClassificationEvaluator().setLabelCol(PatientRecord.LABEL)).setTrainRatio(settings.trainRatio())
                .setSeed(settings.seed());
    }

    /** Trains on the files; reports into the run when there is one. */
    Result train(List<Path> files, RunHandle run) {
        Dataset<Row> data = read(files).cache();
        try {
            long rows = data.count();
            Dataset<Row>[] split = data.randomSplit(new double[] {1 - settings.holdoutFraction(), settings.holdoutFraction()},
                    settings.seed());
            TrainValidationSplit tuner = tuner();
            TrainValidationSplitModel tuned = tuner.fit(split[0]);
            PipelineModel model = (PipelineModel) tuned.bestModel();
            // The pipeline's own check for overfitting (training vs holdout AUC); Spark keeps it,
            // so reporting it later costs nothing more.
            double trainingAuc = ((LogisticRegressionModel) model.stages()[2]).binarySummary().areaUnderROC();
            Evaluation evaluation = SparkMlReport.evaluate(model, split[1], PatientRecord.LABEL);
            ModelArtifact pmml = SparkModelExport.pmml(model, MODEL_NAME, PatientRecord.LABEL);
            int chosen;
            long reportStart = System.nanoTime();
            if (run != null) {
                run.statistic("read-history", "rows", rows);
                SparkMlReport.stages(run, "fit-logistic-regression", tuner);
                chosen = SparkMlReport.search(run, tuned);
                SparkMlReport.logisticRegression(run, "fit-logistic-regression", model);
                evaluation.report(run, "evaluate");
            } else {
                chosen = -1;
            }
            return new Result(tuned, model, trainingAuc, evaluation, pmml, rows, chosen, System.nanoTime() - reportStart);
        } finally {
            data.unpersist();
        }
    }

    private static double[] values(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
