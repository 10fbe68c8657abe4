package org.iongov.connector.flink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.iongov.agent.api.Histogram;
import org.junit.jupiter.api.Test;

class InferenceReporterTest {

    @Test
    void binsLikeTheApisFixedEdgeHistograms() {
        double[] edges = {18, 30, 40, 50, 60, 70, 80, 95};
        SplittableRandom random = new SplittableRandom(3);
        double[] values = new double[5000];
        long[] counts = new long[edges.length - 1];
        for (int i = 0; i < values.length; i++) {
            // Edges themselves, values outside the range and NaN included.
            values[i] = i % 10 == 0 ? edges[i % edges.length] : i == 7 ? Double.NaN : random.nextDouble(0, 110);
            if (!Double.isNaN(values[i])) {
                counts[InferenceReporter.bin(edges, values[i])]++;
            }
        }
        assertArrayEquals(Histogram.binned(edges, values).counts(), counts);
    }

    @Test
    void samplesAboutTheShareAskedFor() {
        for (long seed = 1; seed <= 3; seed++) {
            Sampler tenth = new Sampler(0.1, seed);
            int sampled = 0;
            for (int i = 0; i < 100_000; i++) {
                if (tenth.next()) {
                    sampled++;
                }
            }
            assertTrue(sampled > 9_000 && sampled < 11_000, "sampled " + sampled + " of 100,000 at 0.1");
        }
        Sampler all = new Sampler(1, 7);
        Sampler none = new Sampler(0, 7);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(all.next(), "share 1 records every prediction");
            assertFalse(none.next(), "share 0 records none");
        }
    }
}
