package org.iongov.connector.tensorflow.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A binary classifier's quality on a holdout, from its scores and the true labels: AUC (the
 * rank-sum form, ties sharing their mean rank) and the confusion matrix at a threshold.
 */
public record Evaluation(double auc, long truePositives, long falsePositives, long trueNegatives, long falseNegatives,
        double threshold) {

    public static Evaluation of(double[] scores, int[] labels, double threshold) {
        if (scores.length != labels.length || scores.length == 0) {
            throw new IllegalArgumentException("need as many labels as scores, and some: " + scores.length + " scores, "
                    + labels.length + " labels");
        }
        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            boolean actual = labels[i] == 1;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Evaluation(auc(scores, labels), tp, fp, tn, fn, threshold);
    }

    /** Mann-Whitney U over the positives' ranks, divided by positives x negatives; NaN with one class only. */
    static double auc(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.length;) {
            int end = start;
            while (end + 1 < order.length && scores[order[end + 1]] == scores[order[start]]) {
                end++;
            }
            double meanRank = (start + end) / 2.0 + 1; // ranks are 1-based
            for (int k = start; k <= end; k++) {
                if (labels[order[k]] == 1) {
                    positiveRankSum += meanRank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public long count() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    public double accuracy() {
        return (double) (truePositives + trueNegatives) / count();
    }

    /** NaN when nothing was predicted positive. */
    public double precision() {
        return (double) truePositives / (truePositives + falsePositives);
    }

    /** NaN when there are no positives. */
    public double recall() {
        return (double) truePositives / (truePositives + falseNegatives);
    }

    /** The confusion matrix as JSON: rows are the true class (0, 1), columns the predicted one. */
    public String confusionJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labels", List.of(0, 1));
        json.put("threshold", threshold);
        json.put("matrix", List.of(List.of(trueNegatives, falsePositives), List.of(falseNegatives, truePositives)));
        return Json.write(json);
    }
}
