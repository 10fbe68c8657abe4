package org.iongov.agent.api;

import java.util.Arrays;

/**
 * A histogram of one feature's values (an input or prediction signature): bin edges and counts.
 *
 * @param edges n + 1 increasing bin edges
 * @param counts n counts
 */
public record Histogram(double[] edges, long[] counts) {

    public Histogram {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram of " + counts.length + " bins needs " + (counts.length + 1)
                    + " edges, got " + edges.length);
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    /** Equal-width bins over the values' range. */
    public static Histogram of(double[] values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1");
        }
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        double width = max > min ? (max - min) / bins : 1;
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            edges[b] = min + b * width;
        }
        long[] counts = new long[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        return new Histogram(edges, counts);
    }

    /**
     * Counts values into given bins, so that histograms of successive windows line up and can be
     * compared (drift). Values below the first edge count in the first bin, values above the last
     * in the last; NaN values are skipped.
     */
    public static Histogram binned(double[] edges, double[] values) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("a histogram needs at least two edges");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] > edges[i - 1])) {
                throw new IllegalArgumentException("histogram edges must increase, edge " + i + " is " + edges[i]
                        + " after " + edges[i - 1]);
            }
        }
        long[] counts = new long[edges.length - 1];
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            int bin = Arrays.binarySearch(edges, v);
            bin = bin >= 0 ? bin : -bin - 2;
            counts[Math.max(0, Math.min(counts.length - 1, bin))]++;
        }
        return new Histogram(edges, counts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[" + counts.length + " bins]";
    }
}
