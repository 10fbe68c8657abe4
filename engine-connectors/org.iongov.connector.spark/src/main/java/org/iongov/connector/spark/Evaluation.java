package org.iongov.connector.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.RunHandle;
import org.iongov.connector.spark.internal.Json;

/**
 * A binary classifier's metrics on a holdout set.
 *
 * @param auc area under the ROC curve, as Spark's {@code BinaryClassificationEvaluator} computes it
 * @param accuracy share of rows predicted right
 * @param precision of the positive class (NaN when nothing was predicted positive)
 * @param recall of the positive class (NaN when there are no positive rows)
 * @param confusion counts by actual (row) and predicted (column) class, 0 then 1
 */
public record Evaluation(double auc, double accuracy, double precision, double recall, long[][] confusion) {

    /** How many rows were evaluated. */
    public long rows() {
        return confusion[0][0] + confusion[0][1] + confusion[1][0] + confusion[1][1];
    }

    /**
     * Reports the metrics as statistics of the component: {@code auc} (the name policies check),
     * {@code accuracy}, {@code precision}, {@code recall}, {@code holdout_rows}, and the
     * structured statistic {@code confusion_matrix}.
     */
    public void report(RunHandle run, String component) {
        run.statistic(component, "auc", auc);
        run.statistic(component, "accuracy", accuracy);
        run.statistic(component, "precision", precision);
        run.statistic(component, "recall", recall);
        run.statistic(component, "holdout_rows", rows());
        Map<String, Object> matrix = new LinkedHashMap<>();
        matrix.put("labels", List.of(0, 1));
        matrix.put("rows", "actual");
        matrix.put("columns", "predicted");
        matrix.put("matrix", List.of(confusion[0], confusion[1]));
        run.structuredStatistic(component, "confusion_matrix", Json.write(matrix));
    }

    /** The metrics of these confusion counts, with this AUC. */
    static Evaluation of(double auc, long[][] confusion) {
        long tn = confusion[0][0];
        long fp = confusion[0][1];
        long fn = confusion[1][0];
        long tp = confusion[1][1];
        long all = tn + fp + fn + tp;
        return new Evaluation(auc, all == 0 ? Double.NaN : (double) (tp + tn) / all,
                tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp), tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn), confusion);
    }
}
