package org.iongov.internal.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.iongov.ui.model.series.SeriesDownsampler;
import org.iongov.ui.model.series.SeriesDownsampler.Series;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Chart;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Grouping;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Selection;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The statistics timeline in the running workbench: what JFreeChart plots is what the store holds,
 * reduced to the chart's pixel width by the rules of {@link SeriesDownsampler}; and how long a
 * million-point series takes to load, reduce and draw (printed, not asserted).
 */
class StatisticsTimelineUiTest {

    private static final int LOSS_POINTS = 4_000;

    private final Display display = Display.getDefault();

    @Test
    void thePlottedSeriesAreTheStoresPointsReducedToTheChartsWidth() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        GovernanceStore store = window.getContext().get(GovernanceStore.class);
        String suffix = "st" + System.nanoTime();
        String ion = WorkbenchWindow.retrainingWithApproval();
        Instant t0 = Instant.now().minusSeconds(7200);
        ApprovalScenario clinic = ApprovalScenario.record(store, ion, suffix, t0);
        Candidate retrained = clinic.candidate(suffix + "-2", "dana", t0.plusSeconds(3600), "beef" + "00".repeat(30), Map.of("auc", 0.9));
        String firstTraining = "train-" + suffix + "-1";
        ApprovalScenario.recordStatistic(store, firstTraining, "loss", t0.plusSeconds(1), LOSS_POINTS, 250,
                i -> 1.0 / (1 + i / 150.0) + 0.02 * Math.sin(i));
        ApprovalScenario.recordStatistic(store, retrained.trainingRun(), "loss", t0.plusSeconds(3601), LOSS_POINTS, 250,
                i -> 0.8 / (1 + i / 200.0) + 0.02 * Math.cos(i));

        MPart mpart = window.getContext().get(EPartService.class).showPart(StatisticsTimelinePart.ID, PartState.ACTIVATE);
        StatisticsTimelinePart part = (StatisticsTimelinePart) mpart.getObject();
        part.refresh();
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        String[] items = part.instanceCombo().getItems();
        int index = java.util.Arrays.asList(items).indexOf(clinic.instance() + "  (" + ApprovalScenario.ION + ")");
        assertTrue(index >= 0, "the new instance is offered: " + String.join(", ", items));
        part.instanceCombo().select(index);
        part.instanceCombo().notifyListeners(SWT.Selection, new Event());
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        assertTrue(List.of(part.statisticCombo().getItems()).containsAll(List.of("auc", "loss")), String.join(", ", part.statisticCombo().getItems()));

        // One line per node: the training node's two runs, one after the other, reduced to the chart's width.
        show(part, clinic.instance(), ApprovalScenario.TRAINING_NODE, "loss", Grouping.NODE);
        int width = part.shown().width();
        assertEquals(part.chartWidth(), width, "reduced to the chart's width on screen");
        Series stored = concat(storePoints(store, "loss", firstTraining), storePoints(store, "loss", retrained.trainingRun()));
        Series expected = SeriesDownsampler.downsample(stored.x(), stored.y(), width);
        XYDataset plotted = part.chart().getXYPlot().getDataset();
        assertEquals(1, plotted.getSeriesCount());
        assertEquals(ApprovalScenario.TRAINING_NODE, plotted.getSeriesKey(0));
        assertSeries(expected, plotted, 0);
        assertTrue(part.message().startsWith("loss of " + ApprovalScenario.TRAINING_NODE + " in " + clinic.instance() + ": 8,000 stored points"),
                part.message());

        // One line per run: each run's own points.
        show(part, clinic.instance(), ApprovalScenario.TRAINING_NODE, "loss", Grouping.RUN);
        plotted = part.chart().getXYPlot().getDataset();
        assertEquals(2, plotted.getSeriesCount());
        assertEquals(firstTraining, plotted.getSeriesKey(0));
        assertEquals(retrained.trainingRun(), plotted.getSeriesKey(1));
        Series first = storePoints(store, "loss", firstTraining);
        assertSeries(SeriesDownsampler.downsample(first.x(), first.y(), part.shown().width()), plotted, 0);
        Series second = storePoints(store, "loss", retrained.trainingRun());
        assertSeries(SeriesDownsampler.downsample(second.x(), second.y(), part.shown().width()), plotted, 1);

        // JFreeChart's own zoom: the mouse wheel zooms into time.
        ((Shell) window.getWidget()).forceActive();
        redrawAndWait(part);
        double span = part.chart().getXYPlot().getDomainAxis().getRange().getLength();
        Event wheel = new Event();
        wheel.x = part.plotCanvas().getSize().x / 2;
        wheel.y = part.plotCanvas().getSize().y / 2;
        wheel.count = 3;
        part.plotCanvas().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertTrue(part.chart().getXYPlot().getDomainAxis().getRange().getLength() < span, "zoomed in");
        part.chartComposite().restoreAutoBounds();
        assertEquals(span, part.chart().getXYPlot().getDomainAxis().getRange().getLength(), span * 1e-9);

        redrawAndWait(part);
        WorkbenchWindow.screenshotMaximized(mpart, "statistics-timeline");
        assertTrue(Files.size(Path.of(System.getProperty("iongov.test.output"), "screenshots", "statistics-timeline.png")) > 1000);
    }

    @Test
    void aMillionPointSeriesIsLoadedReducedAndDrawnAndItsTimingsPrinted() throws Exception {
        MTrimmedWindow window = WorkbenchWindow.main(display);
        StatisticsTimelinePart part = (StatisticsTimelinePart) window.getContext().get(EPartService.class)
                .showPart(StatisticsTimelinePart.ID, PartState.ACTIVATE).getObject();
        WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        Path folder = Path.of(System.getProperty("iongov.test.output")).resolveSibling("million-point-store-" + System.nanoTime());
        BundleContext context = FrameworkUtil.getBundle(StatisticsTimelineUiTest.class).getBundleContext();
        ServiceReference<GovernanceStoreProvider> reference = context.getServiceReference(GovernanceStoreProvider.class);
        GovernanceStore big = context.getService(reference).openEmbedded(folder);
        try {
            int points = 1_000_000;
            Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
            long ingestStart = System.nanoTime();
            big.addIonDefinition(ApprovalScenario.ION, WorkbenchWindow.retrainingWithApproval());
            big.ingest(new IngestBatch(List.of(new IonInstanceRecord("million", ApprovalScenario.ION, 1, t0, null),
                    new RunRecord("scoring", "million", "recommend-tests", RunRecord.NodeKind.PIPELINE, t0, "h", "flink", "2.1.1", "agent", null,
                            null, null, null))));
            ApprovalScenario.recordStatistic(big, "scoring", "latency-ms", t0, points, 100,
                    i -> 20 + 5 * Math.sin(i / 5_000.0) + (i % 50_000 == 0 ? 30 : 0));
            long ingested = System.nanoTime();

            StatisticsTimelinePresenter presenter = new StatisticsTimelinePresenter(big);
            int width = part.chartWidth();
            long loadStart = System.nanoTime();
            Chart chart = presenter.load(new Selection("million", null, "latency-ms", Grouping.NODE, null), width);
            long loaded = System.nanoTime();
            part.show(chart);
            redrawAndWait(part);
            long drawn = System.nanoTime();
            // Timings are printed (and discussed in docs/benchmarks.md), never asserted.
            System.out.printf("statistics timeline, %,d-point series: ingest %,d ms (not part of the view); read from the store and reduced to "
                    + "%d px %,d ms (%,d points drawn); drawn by JFreeChart %,d ms; load + reduce + draw %,d ms%n", points,
                    (ingested - ingestStart) / 1_000_000, width, (loaded - loadStart) / 1_000_000, chart.shownPoints(),
                    (drawn - loaded) / 1_000_000, (drawn - loadStart) / 1_000_000);

            assertEquals(points, chart.storedPoints());
            assertTrue(chart.shownPoints() <= 4 * width, chart.shownPoints() + " points for " + width + " px");
            assertEquals(chart.shownPoints(), part.chart().getXYPlot().getDataset().getItemCount(0));
        } finally {
            big.close();
            context.ungetService(reference);
            deleteTree(folder);
            part.refresh();
            WorkbenchWindow.waitUntil(display, () -> !part.busy(), 30_000);
        }
    }

    /** Tells the chart composite the chart changed, and waits until JFreeChart has drawn it again. */
    private void redrawAndWait(StatisticsTimelinePart part) {
        int before = part.draws();
        part.chart().fireChartChanged(); // as a change of the chart does: JFreeChart draws it again
        WorkbenchWindow.waitUntil(display, () -> {
            part.plotCanvas().update();
            return part.draws() > before;
        }, 10_000);
    }

    private void show(StatisticsTimelinePart part, String instance, String node, String statistic, Grouping grouping) {
        part.choose(instance, node, statistic, grouping);
        WorkbenchWindow.waitUntil(display, () -> !part.busy() && part.shown() != null && part.shown().selection().grouping() == grouping
                && statistic.equals(part.shown().selection().statistic()), 30_000);
    }

    private static void assertSeries(Series expected, XYDataset plotted, int series) {
        int n = plotted.getItemCount(series);
        assertEquals(expected.size(), n, "points plotted");
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = plotted.getXValue(series, i);
            y[i] = plotted.getYValue(series, i);
        }
        assertArrayEquals(expected.x(), x);
        assertArrayEquals(expected.y(), y);
    }

    /** A run's points as the store answers a query for them (fewer than its row limit, so not bucketed). */
    private static Series storePoints(GovernanceStore store, String name, String runId) {
        List<StatisticPoint> points = store.statistics(new StatisticQuery(name, runId, TimeRange.ALL, 10_000)).points();
        return new Series(points.stream().mapToDouble(p -> p.time().toEpochMilli()).toArray(),
                points.stream().mapToDouble(StatisticPoint::value).toArray());
    }

    private static Series concat(Series a, Series b) {
        double[] x = java.util.Arrays.copyOf(a.x(), a.size() + b.size());
        double[] y = java.util.Arrays.copyOf(a.y(), a.size() + b.size());
        System.arraycopy(b.x(), 0, x, a.size(), b.size());
        System.arraycopy(b.y(), 0, y, a.size(), b.size());
        return new Series(x, y);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
