package org.iongov.connector.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.BinaryLogisticRegressionTrainingSummary;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.LogisticRegressionTrainingSummary;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.iongov.agent.api.RunHandle;
import org.iongov.connector.spark.internal.Json;
import org.iongov.connector.spark.internal.Stages;

/**
 * Reports what a Spark ML training did: its pipeline's stages and parameters, a tuner's grid with
 * each setting's metric, a logistic regression's coefficients and training summary, and a
 * classifier's metrics on a holdout set.
 */
public final class SparkMlReport {

    private SparkMlReport() {
    }

    /**
     * Reports each stage of a pipeline, pipeline model or tuner (its estimator or best model) with
     * its class, uid and defined parameters, as the structured statistic {@code pipeline_stages} of the
     * component.
     *
     * @return the JSON reported
     */
    public static String stages(RunHandle run, String component, PipelineStage pipeline) {
        List<Object> stages = new ArrayList<>();
        for (PipelineStage stage : Stages.flatten(pipeline)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("stage", stage.getClass().getSimpleName());
            s.put("uid", stage.uid());
            s.put("parameters", Stages.parameters(stage));
            stages.add(s);
        }
        String json = Json.write(stages);
        run.structuredStatistic(component, "pipeline_stages", json);
        return json;
    }

    /**
     * Reports each setting of a {@link TrainValidationSplitModel}'s or {@link CrossValidatorModel}'s
     * grid as a search result with its validation (or average cross-validation) metric, the best
     * one (by the evaluator's direction, the first of equals, as Spark chooses) marked chosen.
     *
     * @return the index of the chosen setting in the grid
     */
    public static int search(RunHandle run, Model<?> tuned) {
        ParamMap[] grid;
        double[] metrics;
        Evaluator evaluator;
        if (tuned instanceof TrainValidationSplitModel tvs) {
            grid = tvs.getEstimatorParamMaps();
            metrics = tvs.validationMetrics();
            evaluator = tvs.getEvaluator();
        } else if (tuned instanceof CrossValidatorModel cv) {
            grid = cv.getEstimatorParamMaps();
            metrics = cv.avgMetrics();
            evaluator = cv.getEvaluator();
        } else {
            throw new IllegalArgumentException("not a tuned model: expected a TrainValidationSplitModel or CrossValidatorModel, got "
                    + tuned.getClass().getSimpleName());
        }
        int best = best(metrics, evaluator.isLargerBetter());
        String metric = metricName(evaluator);
        for (int i = 0; i < grid.length; i++) {
            run.searchResult(Stages.setting(grid[i].toList()), metric, metrics[i], i == best);
        }
        return best;
    }

    static int best(double[] metrics, boolean largerIsBetter) {
        int best = 0;
        for (int i = 1; i < metrics.length; i++) {
            if (largerIsBetter ? metrics[i] > metrics[best] : metrics[i] < metrics[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String metricName(Evaluator evaluator) {
        if (evaluator.hasParam("metricName")) {
            Object name = evaluator.getOrDefault(evaluator.getParam("metricName"));
            if (name != null) {
                return name.toString();
            }
        }
        return evaluator.getClass().getSimpleName();
    }

    /**
     * Reports the logistic regression in a model (a pipeline model or a tuner's best model):
     * its coefficients by feature (structured statistic {@code coefficients}: the features as the
     * model sees them, after any scaling), {@code intercept}, and, when it has a training summary,
     * {@code objective_history}, {@code iterations} and {@code training_auc} (AUC on the training
     * data: Spark computes it with a few jobs, about 0.15 s on a laptop, unless the pipeline
     * already asked the summary for it, as Spark keeps it).
     */
    public static void logisticRegression(RunHandle run, String component, Transformer model) {
        List<PipelineStage> stages = Stages.flatten(model);
        LogisticRegressionModel lr = Stages.logisticRegression(stages);
        if (lr == null) {
            throw new IllegalArgumentException("no LogisticRegressionModel among the stages of " + model.getClass().getSimpleName());
        }
        Matrix matrix = lr.coefficientMatrix();
        List<String> names = Stages.assembledColumns(stages);
        if (names == null || names.size() != matrix.numCols()) {
            names = new ArrayList<>();
            for (int i = 0; i < matrix.numCols(); i++) {
                names.add("feature_" + i);
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("features", names);
        if (matrix.numRows() == 1) {
            c.put("coefficients", lr.coefficients().toArray());
            c.put("intercept", lr.intercept());
            run.statistic(component, "intercept", lr.intercept());
        } else {
            List<double[]> rows = new ArrayList<>();
            for (int r = 0; r < matrix.numRows(); r++) {
                double[] row = new double[matrix.numCols()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = matrix.apply(r, j);
                }
                rows.add(row);
            }
            c.put("coefficientMatrix", rows);
            c.put("interceptVector", lr.interceptVector().toArray());
        }
        run.structuredStatistic(component, "coefficients", Json.write(c));
        if (lr.hasSummary()) {
            LogisticRegressionTrainingSummary summary = lr.summary();
            run.structuredStatistic(component, "objective_history", Json.write(summary.objectiveHistory()));
            run.statistic(component, "iterations", summary.totalIterations());
            if (summary instanceof BinaryLogisticRegressionTrainingSummary binary) {
                run.statistic(component, "training_auc", binary.areaUnderROC());
            }
        }
    }

    /**
     * Scores the holdout set with the model and measures it: the AUC with Spark's
     * {@link BinaryClassificationEvaluator} on the model's raw prediction, the rest from the
     * confusion counts. The label column holds 0 and 1.
     */
    public static Evaluation evaluate(Transformer model, Dataset<Row> holdout, String labelColumn) {
        LogisticRegressionModel lr = Stages.logisticRegression(Stages.flatten(model));
        String raw = lr == null ? "rawPrediction" : lr.getRawPredictionCol();
        String prediction = lr == null ? "prediction" : lr.getPredictionCol();
        Dataset<Row> scored = model.transform(holdout);
        double auc = new BinaryClassificationEvaluator().setLabelCol(labelColumn).setRawPredictionCol(raw)
                .setMetricName("areaUnderROC").evaluate(scored);
        long[][] confusion = new long[2][2];
        List<Row> counts = scored.groupBy(functions.col(labelColumn).cast("int"), functions.col(prediction).cast("int")).count()
                .collectAsList();
        for (Row row : counts) {
            int actual = row.getInt(0);
            int predicted = row.getInt(1);
            if (actual < 0 || actual > 1 || predicted < 0 || predicted > 1) {
                throw new IllegalArgumentException("not a binary classification: label " + actual + ", prediction " + predicted);
            }
            confusion[actual][predicted] = row.getLong(2);
        }
        return Evaluation.of(auc, confusion);
    }
}
