package org.iongov.ui.model.statistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.iongov.ui.model.series.SeriesDownsampler;
import org.iongov.ui.model.series.SeriesDownsampler.Series;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Chart;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Grouping;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.PlotSeries;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Selection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statistics timeline's presenter over a real embedded store filled through ingest. */
class StatisticsTimelinePresenterTest {

    private static final int LATENCY_POINTS = 25_000;
    private static final int LOSS_POINTS = 3_000;

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovalScenario clinic;
    private static Candidate second;
    private static Instant t0;

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        String ion = Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
        t0 = Instant.parse("2026-11-20T08:00:00Z");
        clinic = ApprovalScenario.record(store, ion, "s1", t0);
        second = clinic.candidate("s1-2", "dana", t0.plusSeconds(3600), "beef" + "00".repeat(30), Map.of("auc", 0.9));
        // The inference run's latency, more points than one query returns; each training's loss curve.
        ApprovalScenario.recordStatistic(store, clinic.inferenceRun(), "latency-ms", t0.plusSeconds(30), LATENCY_POINTS, 100,
                i -> 20 + 5 * Math.sin(i / 300.0) + (i % 997 == 0 ? 40 : 0));
        ApprovalScenario.recordStatistic(store, "train-s1-1", "loss", t0.plusSeconds(1), LOSS_POINTS, 10, i -> 1.0 / (1 + i / 100.0));
        ApprovalScenario.recordStatistic(store, second.trainingRun(), "loss", t0.plusSeconds(3601), LOSS_POINTS, 10, i -> 0.9 / (1 + i / 120.0));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyStoredPointIsReadEvenPastTheStoresRowLimit() {
        Series all = StatisticsTimelinePresenter.storedPoints(store, "latency-ms", clinic.inferenceRun(), TimeRange.ALL);
        assertEquals(LATENCY_POINTS, all.size());
        for (int i = 0; i < LATENCY_POINTS; i += 1234) {
            assertEquals(t0.plusSeconds(30).plusMillis(i * 100L).toEpochMilli(), all.x()[i]);
            assertEquals(20 + 5 * Math.sin(i / 300.0) + (i % 997 == 0 ? 40 : 0), all.y()[i], 1e-12);
        }
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.x()[i] > all.x()[i - 1], "oldest first, no point twice");
        }
        Instant from = t0.plusSeconds(30 + 100);
        Series window = StatisticsTimelinePresenter.storedPoints(store, "latency-ms", clinic.inferenceRun(),
                new TimeRange(from, from.plusSeconds(1500)));
        assertEquals(15_000, window.size(), "half-open: 1,500 s at 10 points a second");
    }

    @Test
    void aSeriesPerNodeIsItsRunsOneAfterTheOtherReducedToTheChartsWidth() {
        Chart chart = new StatisticsTimelinePresenter(store).load(new Selection(clinic.instance(), null, "loss", Grouping.NODE, null), 500);
        assertEquals(1, chart.series().size());
        PlotSeries node = chart.series().get(0);
        assertEquals(ApprovalScenario.TRAINING_NODE, node.key());
        assertEquals(2L * LOSS_POINTS, node.storedPoints());
        Series merged = StatisticsTimelinePresenter.merge(List.of(
                StatisticsTimelinePresenter.storedPoints(store, "loss", "train-s1-1", TimeRange.ALL),
                StatisticsTimelinePresenter.storedPoints(store, "loss", second.trainingRun(), TimeRange.ALL)));
        Series expected = SeriesDownsampler.downsample(merged.x(), merged.y(), 500);
        assertArrayEquals(expected.x(), node.x());
        assertArrayEquals(expected.y(), node.y());
        assertTrue(node.size() <= 4 * 500);
        assertEquals("loss of " + clinic.instance() + ": 6,000 stored points in 1 series (one per node), " + node.size() + " drawn.",
                chart.summary());
    }

    @Test
    void aSeriesPerRunKeepsEachRunsPointsWhenTheyFit() {
        Chart chart = new StatisticsTimelinePresenter(store).load(new Selection(clinic.instance(), ApprovalScenario.TRAINING_NODE, "loss",
                Grouping.RUN, null), 1000);
        assertEquals(List.of("train-s1-1", second.trainingRun()), chart.series().stream().map(PlotSeries::key).toList(), "oldest first");
        for (PlotSeries s : chart.series()) {
            Series stored = StatisticsTimelinePresenter.storedPoints(store, "loss", s.key(), TimeRange.ALL);
            assertArrayEquals(stored.x(), s.x(), "3,000 points fit in 1,000 px: drawn as stored");
            assertArrayEquals(stored.y(), s.y());
        }
        assertEquals(2 * LOSS_POINTS, chart.shownPoints());
    }

    @Test
    void aLongSeriesKeepsItsSpikesWhenReduced() {
        Chart chart = new StatisticsTimelinePresenter(store).load(new Selection(clinic.instance(), ApprovalScenario.INFERENCE_NODE,
                "latency-ms", Grouping.NODE, null), 300);
        PlotSeries latency = chart.series().get(0);
        assertEquals(LATENCY_POINTS, latency.storedPoints());
        assertTrue(latency.size() <= 1200, "at most 4 points per pixel column, was " + latency.size());
        long spikes = java.util.Arrays.stream(latency.y()).filter(v -> v > 50).count();
        assertEquals((LATENCY_POINTS - 1) / 997 + 1, spikes, "every spike of 40 above the curve is still drawn");
    }

    @Test
    void theChoicesAreTheInstancesNodesAndStatisticsThatWereRecorded() {
        StatisticsTimelinePresenter presenter = new StatisticsTimelinePresenter(store);
        assertTrue(presenter.instances().stream().anyMatch(i -> i.id().equals(clinic.instance())));
        assertEquals(List.of(ApprovalScenario.POLICY_NODE, ApprovalScenario.INFERENCE_NODE, ApprovalScenario.TRAINING_NODE),
                presenter.nodes(clinic.instance()), "the policy node runs too, once for each model it decides");
        assertEquals(List.of("latency-ms"), presenter.statisticNames(clinic.instance(), ApprovalScenario.INFERENCE_NODE));
        assertTrue(presenter.statisticNames(clinic.instance(), null).containsAll(List.of("auc", "latency-ms", "log-loss", "loss")));
        Chart none = presenter.load(new Selection(clinic.instance(), null, "no-such-statistic", Grouping.NODE, null), 100);
        assertTrue(none.series().isEmpty());
        assertEquals("No run of " + clinic.instance() + " reported 'no-such-statistic'.", none.summary());
        assertThrows(IllegalArgumentException.class, () -> presenter.load(none.selection(), 0));
    }

    @Test
    void mergingKeepsTimeOrderAcrossOverlappingRuns() {
        Series a = new Series(new double[] { 1, 3, 5, 7 }, new double[] { 10, 30, 50, 70 });
        Series b = new Series(new double[] { 2, 3, 4, 8, 9 }, new double[] { 20, 31, 40, 80, 90 });
        Series m = StatisticsTimelinePresenter.merge(List.of(a, b));
        assertArrayEquals(new double[] { 1, 2, 3, 3, 4, 5, 7, 8, 9 }, m.x());
        assertArrayEquals(new double[] { 10, 20, 30, 31, 40, 50, 70, 80, 90 }, m.y());
    }
}
