package org.iongov.connector.spark.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Matrix;

/**
 * A binary logistic regression on the raw input columns: what a pipeline of a vector assembler,
 * an optional standard scaler and a logistic regression computes, with the scaler folded into
 * the coefficients, so that logit = intercept + sum(coefficient * column).
 *
 * @param columns the raw input columns, in the assembler's order
 * @param coefficients one per column
 * @param intercept the intercept
 * @param stages the stages' class names, in order
 */
public record LinearForm(List<String> columns, double[] coefficients, double intercept, List<String> stages) {

    private static final String SUPPORTED = "only VectorAssembler, StandardScalerModel and a binary LogisticRegressionModel are";

    /** Reads the pipeline; a stage it cannot express is an IllegalArgumentException naming it. */
    public static LinearForm of(Transformer model) {
        List<PipelineStage> stages = Stages.flatten(model);
        List<String> names = new ArrayList<>();
        VectorAssembler assembler = null;
        StandardScalerModel scaler = null;
        LogisticRegressionModel lr = null;
        String column = null;
        for (PipelineStage stage : stages) {
            names.add(stage.getClass().getSimpleName());
            if (lr != null) {
                throw unsupported(stage, "it comes after the LogisticRegressionModel");
            } else if (stage instanceof VectorAssembler a && assembler == null) {
                assembler = a;
                column = a.getOutputCol();
            } else if (stage instanceof StandardScalerModel s && assembler != null && scaler == null) {
                requireInput(stage, s.getInputCol(), column);
                scaler = s;
                column = s.getOutputCol();
            } else if (stage instanceof LogisticRegressionModel m && assembler != null) {
                requireInput(stage, m.getFeaturesCol(), column);
                lr = m;
            } else {
                throw unsupported(stage, assembler == null ? "the pipeline must start with a VectorAssembler"
                        : SUPPORTED + " exported, in that order");
            }
        }
        if (lr == null) {
            throw new IllegalArgumentException("cannot export as PMML: the pipeline has no LogisticRegressionModel (stages: " + names + ")");
        }
        if (lr.numClasses() != 2) {
            throw new IllegalArgumentException("cannot export stage LogisticRegressionModel '" + lr.uid() + "' as PMML: it has "
                    + lr.numClasses() + " classes, only binary models are exported");
        }
        List<String> columns = List.of(assembler.getInputCols());
        double[] w = new double[columns.size()];
        double b;
        Matrix matrix = lr.coefficientMatrix();
        if (matrix.numCols() != w.length) {
            throw new IllegalArgumentException("cannot export as PMML: the LogisticRegressionModel takes " + matrix.numCols()
                    + " features but the VectorAssembler assembles " + w.length + " columns (vector columns are not supported)");
        }
        if (matrix.numRows() == 1) {
            for (int j = 0; j < w.length; j++) {
                w[j] = matrix.apply(0, j);
            }
            b = lr.interceptVector().apply(0);
        } else {
            // A two-class multinomial model: P(1) is the logistic of the difference of its rows.
            for (int j = 0; j < w.length; j++) {
                w[j] = matrix.apply(1, j) - matrix.apply(0, j);
            }
            b = lr.interceptVector().apply(1) - lr.interceptVector().apply(0);
        }
        if (scaler != null) {
            double[] std = scaler.std().toArray();
            double[] mean = scaler.mean().toArray();
            // Spark scales a column of zero deviation to 0, so its coefficient vanishes.
            for (int j = 0; j < w.length; j++) {
                double factor = scaler.getWithStd() ? (std[j] == 0 ? 0 : 1 / std[j]) : 1;
                w[j] *= factor;
                if (scaler.getWithMean()) {
                    b -= w[j] * mean[j];
                }
            }
        }
        return new LinearForm(columns, w, b, List.copyOf(names));
    }

    private static void requireInput(PipelineStage stage, String input, String expected) {
        if (!input.equals(expected)) {
            throw unsupported(stage, "its input column '" + input + "' is not the previous stage's output '" + expected + "'");
        }
    }

    private static IllegalArgumentException unsupported(PipelineStage stage, String why) {
        return new IllegalArgumentException("cannot export stage " + stage.getClass().getSimpleName() + " '" + stage.uid()
                + "' as PMML: " + why);
    }
}
