package org.iongov.agent.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.spi.AgentLink;
import org.iongov.agent.api.spi.JsonText;
import org.iongov.agent.api.spi.ModelListener;
import org.iongov.agent.api.spi.WireRecord;
import org.junit.jupiter.api.Test;

class ApiRecordsTest {

    /** A link that keeps what it is given, refusing after a limit. */
    static final class Recording implements AgentLink {
        final List<WireRecord> records = new ArrayList<>();
        int limit = Integer.MAX_VALUE;

        @Override
        public boolean offer(WireRecord record) {
            if (records.size() >= limit) {
                return false;
            }
            return records.add(record);
        }

        @Override
        public boolean flush(Duration timeout) {
            return true;
        }

        @Override
        public AutoCloseable subscribe(String instanceId, String node, String channel, ModelListener listener) {
            return () -> { };
        }

        @Override
        public void close() {
        }
    }

    @Test
    void jsonTextEscapesWhatJsonRequires() {
        StringBuilder out = new StringBuilder();
        JsonText.value(out, Map.of("k", "a \"quoted\"\\ line\nnext\ttab\u0001"));
        assertEquals("{\"k\":\"a \\\"quoted\\\"\\\\ line\\nnext\\ttab\\u0001\"}", out.toString());
        out.setLength(0);
        JsonText.value(out, List.of(1.5, 2.0, Double.NaN, 7L, true));
        assertEquals("[1.5,2,null,7,true]", out.toString());
    }

    @Test
    void aPredictionIsWrittenWithItsModelsAndItsInputAndOutputAsJson() {
        long time = java.time.Instant.parse("2026-11-27T01:02:03.004Z").toEpochMilli();
        String json = new Records.PredictionPoint("in-1@score", time, "r-1", List.of("m-1", "m-\"2\""), "{\"x\":1}", "{\"score\":0.5}")
                .toJson();
        assertEquals("{\"kind\":\"prediction\",\"id\":\"in-1@score\",\"runId\":\"r-1\",\"time\":\"2026-11-27T01:02:03.004Z\","
                + "\"modelIds\":[\"m-1\",\"m-\\\"2\\\"\"],\"input\":{\"x\":1},\"output\":{\"score\":0.5}}", json);
    }

    @Test
    void recordsCarryIncreasingProducerIdsAndTheRunTheyBelongTo() {
        Recording link = new Recording();
        Governance governance = Governance.using(link);
        try (RunHandle run = governance.openRun(RunSpec.of("inst", "train").withEngine("spark", "4.0.1"))) {
            run.statistic("auc", 0.9);
            run.statistic("evaluator", "loss", 0.25);
        }
        assertEquals(List.of("run", "statistic", "statistic", "runEnd"), link.records.stream().map(WireRecord::kind).toList());
        String producer = governance.producer();
        assertEquals(producer + ":000000000001", link.records.get(0).id());
        assertEquals(producer + ":000000000002", link.records.get(1).id());
        String json = link.records.get(2).toJson();
        assertTrue(json.startsWith("{\"kind\":\"statistic\",\"id\":\"" + producer + ":000000000003\",\"runId\":\"" + producer
                + ":000000000001\",\"component\":\"evaluator\",\"name\":\"loss\",\"time\":\""), json);
        assertTrue(json.endsWith("\",\"value\":0.25}"), json);
        assertTrue(link.records.get(3).toJson().contains("\"status\":\"succeeded\""));
    }

    @Test
    void anAttachedHandleReportsIntoTheDriversRunAndNeverEndsIt() {
        Recording link = new Recording();
        Governance driver = Governance.using(link);
        RunHandle run = driver.openRun(RunSpec.of("inst", "score"));
        Governance task = Governance.using(link);
        try (RunHandle attached = task.attachRun("inst", run.id())) {
            attached.statistic("throughput", 10);
            attached.event("alert", Severity.WARNING, "drift");
        }
        assertEquals(List.of("run", "statistic", "event"), link.records.stream().map(WireRecord::kind).toList());
        assertTrue(link.records.get(1).toJson().contains("\"runId\":\"" + run.id() + "\""));
        assertTrue(link.records.get(2).toJson().contains("\"instanceId\":\"inst\""));
        run.close();
        assertEquals("runEnd", link.records.get(3).kind());
        assertThrows(IllegalArgumentException.class, () -> task.attachRun("inst", " "));
    }

    @Test
    void binnedHistogramsShareEdgesAndClampOutliers() {
        Histogram h = Histogram.binned(new double[] {0, 10, 20, 30}, new double[] {-5, 0, 9.99, 10, 25, 30, 99, Double.NaN});
        assertArrayEquals(new long[] {3, 1, 3}, h.counts());
        assertThrows(IllegalArgumentException.class, () -> Histogram.binned(new double[] {0, 0}, new double[0]));
    }

    @Test
    void refusalsAreReportedToThePipelineAndCounted() {
        Recording link = new Recording();
        link.limit = 2;
        Governance governance = Governance.using(link);
        RunHandle run = governance.openRun(RunSpec.of("inst", "infer"));
        assertTrue(run.statistic("x", 1));
        assertEquals(false, run.statistic("x", 2));
        assertEquals(1, governance.refused());
    }

    @Test
    void predictionSamplingKeepsTheSameIdsInOrOut() {
        Recording link = new Recording();
        Governance governance = Governance.using(link).samplePredictions(0.25);
        RunHandle run = governance.openRun(RunSpec.of("inst", "infer"));
        int kept = 0;
        for (int i = 0; i < 4000; i++) {
            if (run.prediction("pred-" + i, "{}", "1", List.of("m"))) {
                kept++;
            }
        }
        assertTrue(kept > 800 && kept < 1200, "about a quarter kept: " + kept);
        assertEquals(run.prediction("pred-7", "{}", "1", List.of("m")), run.prediction("pred-7", "{}", "1", List.of("m")));
        assertThrows(IllegalArgumentException.class, () -> governance.samplePredictions(1.5));
    }

    @Test
    void histogramsCountValuesIntoEqualBins() {
        Histogram h = Histogram.of(new double[] { 0, 1, 2, 3, 4, 10 }, 5);
        assertArrayEquals(new double[] { 0, 2, 4, 6, 8, 10 }, h.edges());
        assertArrayEquals(new long[] { 2, 2, 1, 0, 1 }, h.counts());
        assertThrows(IllegalArgumentException.class, () -> new Histogram(new double[] { 0, 1 }, new long[] { 1, 2 }));
    }

    @Test
    void instantsAreWrittenExactlyAsInstantWritesThem() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        List<Long> samples = new ArrayList<>(List.of(0L, -1L, 1L, 999L, 1000L, 86_399_999L, 86_400_000L, -86_400_000L,
                1_764_192_424_512L, 1_764_192_424_000L, 1_764_201_599_999L, 1_764_201_600_000L, -62_167_219_200_000L,
                -62_167_219_200_001L, 253_402_300_799_999L, 253_402_300_800_000L, Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000));
        for (int i = 0; i < 20_000; i++) {
            // Mostly recent times (the writer's cache of the day), and anywhere in years 0 to 9999.
            samples.add(i % 2 == 0 ? 1_764_000_000_000L + random.nextLong(10L * 86_400_000L)
                    : random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L));
        }
        for (long millis : samples) {
            StringBuilder out = new StringBuilder();
            JsonText.instant(out, millis);
            assertEquals(java.time.Instant.ofEpochMilli(millis).toString(), out.toString(), "epoch ms " + millis);
        }
    }

    @Test
    void sequenceIdsAreWrittenAsTheyAreSpelled() {
        for (String producer : List.of("p-1a2b3c4d5e6f", "odd \"producer\"\\")) {
            for (long sequence : new long[] {0, 42, 999_999_999_999L, 1_000_000_000_000L}) {
                StringBuilder direct = new StringBuilder();
                JsonText.sequenceId(direct, producer, sequence);
                StringBuilder spelled = new StringBuilder();
                JsonText.string(spelled, WireRecord.sequenceId(producer, sequence));
                assertEquals(spelled.toString(), direct.toString());
            }
        }
    }
}
