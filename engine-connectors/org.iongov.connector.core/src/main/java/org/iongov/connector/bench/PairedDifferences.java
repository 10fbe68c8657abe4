package org.iongov.connector.bench;

import java.util.Arrays;

/**
 * The overhead benchmarks' estimate: the median of paired differences (each pair the same work
 * plain and governed, back to back, so that drift between pairs cancels), with a distribution-free
 * interval for it.
 */
public final class PairedDifferences {

    private PairedDifferences() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * A distribution-free interval for the median of the values (order statistics, from the
     * binomial distribution): {low, high, confidence in percent}, the narrowest whose confidence is
     * at least 95 % (with few values, the widest there is).
     */
    public static double[] medianInterval(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        // P(fewer than k of n values fall below the median) for a fair coin: grow k while both tails stay within 2.5 %.
        double tail = Math.pow(0.5, n);
        double below = tail; // P(B <= 0)
        int k = 0;
        while (k + 1 < n - k - 1) {
            double next = below + tail * binomial(n, k + 1);
            if (next > 0.025) {
                break;
            }
            below = next;
            k++;
        }
        return new double[] {sorted[k], sorted[n - 1 - k], 100 * (1 - 2 * below)};
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }
}
