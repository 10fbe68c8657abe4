package org.iongov.ui.model.series;

import java.util.Arrays;

/**
 * Reduces a long series to what a chart of a given pixel width can show, without losing what
 * matters to the eye: per pixel column (an equal share of the x range) it keeps the first, the
 * lowest, the highest and the last point, in their order (the "M4" reduction). A line drawn
 * through the result is the line drawn through the whole series, so spikes and dips stay visible,
 * the first and last points are kept, and the result has at most {@code 4 * width} points with x
 * never decreasing. Points whose y is NaN are skipped.
 */
public final class SeriesDownsampler {

    private SeriesDownsampler() {
    }

    /**
     * A series as two parallel arrays.
     *
     * @param x the x values, never decreasing (e.g. epoch milliseconds)
     * @param y the y values
     */
    public record Series(double[] x, double[] y) {

        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
            }
        }

        public int size() {
            return x.length;
        }
    }

    /**
     * @param x the x values, never decreasing
     * @param y the y values, as many as x
     * @param width the number of pixel columns, at least 1
     * @return the points to draw, at most {@code 4 * width}; the series itself when it is that short
     */
    public static Series downsample(double[] x, double[] y, int width) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1 pixel, was " + width);
        }
        int n = x.length;
        for (int i = 1; i < n; i++) {
            if (x[i] < x[i - 1]) {
                throw new IllegalArgumentException("x must never decrease, but x[" + i + "] = " + x[i] + " < x[" + (i - 1) + "] = " + x[i - 1]);
            }
        }
        if (n <= 4L * width) {
            return withoutNaN(x, y);
        }
        double first = x[0];
        double span = x[n - 1] - first;
        double[] outX = new double[4 * width];
        double[] outY = new double[4 * width];
        int out = 0;
        int i = 0;
        while (i < n) {
            int bucket = bucket(x[i], first, span, width);
            int firstIndex = -1;
            int minIndex = -1;
            int maxIndex = -1;
            int lastIndex = -1;
            for (; i < n && bucket(x[i], first, span, width) == bucket; i++) {
                double v = y[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (firstIndex < 0) {
                    firstIndex = i;
                    minIndex = i;
                    maxIndex = i;
                } else if (v < y[minIndex]) {
                    minIndex = i;
                } else if (v > y[maxIndex]) {
                    maxIndex = i;
                }
                lastIndex = i;
            }
            if (firstIndex < 0) {
                continue;
            }
            int[] keep = { firstIndex, minIndex, maxIndex, lastIndex };
            Arrays.sort(keep);
            int previous = -1;
            for (int k : keep) {
                if (k != previous) {
                    outX[out] = x[k];
                    outY[out] = y[k];
                    out++;
                    previous = k;
                }
            }
        }
        return new Series(Arrays.copyOf(outX, out), Arrays.copyOf(outY, out));
    }

    /** Which pixel column an x value falls in; the last x belongs to the last column. */
    private static int bucket(double value, double first, double span, int width) {
        if (span <= 0) {
            return 0;
        }
        int b = (int) ((value - first) / span * width);
        return Math.min(width - 1, Math.max(0, b));
    }

    private static Series withoutNaN(double[] x, double[] y) {
        int count = 0;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        if (count == y.length) {
            return new Series(x.clone(), y.clone());
        }
        double[] outX = new double[count];
        double[] outY = new double[count];
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                outX[j] = x[i];
                outY[j] = y[i];
                j++;
            }
        }
        return new Series(outX, outY);
    }
}
