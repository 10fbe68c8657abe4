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
