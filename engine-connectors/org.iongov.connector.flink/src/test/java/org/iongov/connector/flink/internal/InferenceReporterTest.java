package org.iongov.connector.flink.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void latencyPercentilesAreExactBelowASecondAndWithinASixteenthAbove() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentile(0.5), "none added");
        for (int ms = 1; ms <= 100; ms++) {
            h.add(ms);
        }
        assertEquals(50, h.percentile(0.5));
        assertEquals(99, h.percentile(0.99));
        assertEquals(100, h.percentile(1));
        h.clear();
        SplittableRandom random = new SplittableRandom(5);
        long[] values = new long[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong(0, 120_000); // up to two minutes behind
            h.add(values[i]);
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {0.01, 0.5, 0.9, 0.99}) {
            long exact = values[(int) Math.ceil(p * values.length) - 1];
            long estimate = h.percentile(p);
            assertTrue(estimate <= exact && estimate >= exact - exact / 16 - 1, "p" + p + ": " + estimate + " for " + exact);
        }
        h.clear();
        h.add(Long.MAX_VALUE / 2);
        h.add(-5); // a clock that stepped back: no latency
        assertEquals(0, h.percentile(0.5));
        assertTrue(h.percentile(1) > 1L << 30, "the overflow bucket still reads large");
        for (int b = 0; b < LatencyHistogram.EXACT + 21 * LatencyHistogram.PER_DOUBLING; b++) {
            assertEquals(b, LatencyHistogram.bucket(LatencyHistogram.lowerBound(b)), "bucket " + b + " starts at its lower bound");
        }
    }

    @Test
    void samplesAboutTheShareAskedFor() {
        for (long seed = 1; seed <= 3; seed++) {
            Sampler tenth = new Sampler(0.1, seed);
            int sampled = 0;
            for (long picked = tenth.gap(); picked <= 100_000; picked += tenth.gap()) {
                sampled++;
            }
            assertTrue(sampled > 9_000 && sampled < 11_000, "sampled " + sampled + " of 100,000 at 0.1");
        }
        Sampler all = new Sampler(1, 7);
        Sampler none = new Sampler(0, 7);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(all.gap() == 1, "share 1 records every prediction");
            assertFalse(none.gap() <= 1_000, "share 0 records none");
        }
    }

    /**
     * A primary node's countdown: the records between events are all counted (the progress after
     * the last measured record is its index), the share asked for is recorded, and about every
     * stride-th record is measured. No agent is needed: the link keeps what it cannot send.
     */
    @Test
    void oneCountdownCountsEveryRecordAndPicksTheSharesToMeasureAndRecord(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) {
        String node = "countdown-test";
        org.iongov.connector.flink.GovernanceConfig config = org.iongov.connector.flink.demo.PatientInput.signatures(
                org.iongov.connector.flink.GovernanceConfig.of(temp.resolve("no-agent.sock"), "instance", node, "run-1"))
                .channels("model").sampling(0.01);
        LiveProgress.reset(node);
        InferenceReporter reporter = new InferenceReporter(config, 0, 1);
        double[] features = new double[config.features().size()];
        int records = 1_000_000;
        long recorded = 0;
        long measured = 0;
        long lastMeasured = -1;
        for (int i = 0; i < records; i++) {
            if (reporter.quiet()) {
                continue;
            }
            int what = reporter.event();
            if ((what & InferenceReporter.RECORD) != 0) {
                recorded++;
            }
            if ((what & InferenceReporter.MEASURE) != 0) {
                reporter.measure(features, 0.5, -1);
                measured++;
                lastMeasured = i;
            }
        }
        assertTrue(recorded > 9_500 && recorded < 10_500, recorded + " recorded of 1,000,000 at 0.01");
        assertTrue(measured >= 10, measured + " measured (about one a millisecond at most)");
        org.junit.jupiter.api.Assertions.assertEquals(lastMeasured + 1, LiveProgress.of(node).scored.get(),
                "every record up to the last measured one counted, once");
    }
}
