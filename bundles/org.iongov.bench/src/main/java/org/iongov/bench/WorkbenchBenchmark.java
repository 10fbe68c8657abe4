package org.iongov.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.iongov.ui.model.graph.Graph;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.SampleGraphs;
import org.iongov.ui.model.series.SeriesDownsampler;

/**
 * The workbench's headless share of its goals: the lineage explorer's ELK layout of a 2,000-node
 * lineage-shaped graph (goal: layout and first paint within 2 s; the paint is timed by the UI test
 * under a display) and the statistics timeline's reduction of a 1M-point series to a 1,600-pixel
 * chart (goal: drawn within 1 s; the drawing of the reduced series is cheap). The p50 of a few
 * repetitions after warm-up runs.
 */
final class WorkbenchBenchmark {

    private static final int CHART_WIDTH = 1600;

    private WorkbenchBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) {
        int nodes = ctx.quick() ? 500 : 2_000;
        int points = ctx.quick() ? 100_000 : 1_000_000;
        int warmUps = ctx.quick() ? 2 : 3;
        int repetitions = ctx.quick() ? 3 : 5;
        String bench = "workbench";

        Graph graph = SampleGraphs.lineageShaped(nodes);
        GraphLayout layout = new GraphLayout();
        ctx.say(String.format("ELK layered layout of a %,d-node lineage-shaped graph (%,d edges), %d warm-ups, %d runs...", nodes,
                graph.edges().size(), warmUps, repetitions));
        LaidOutGraph laid = null;
        for (int i = 0; i < warmUps; i++) {
            laid = layout.layout(graph);
        }
        double[] layoutMillis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            laid = layout.layout(graph);
            layoutMillis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(layoutMillis);
        ctx.say(String.format("drawing %.0f x %.0f px, layout times %s ms", laid.width(), laid.height(), Arrays.toString(round(layoutMillis))));

        double[] x = new double[points];
        double[] y = new double[points];
        Random random = new Random(42);
        for (int i = 0; i < points; i++) {
            x[i] = 1_790_000_000_000.0 + i * 1000.0;
            y[i] = Math.sin(i / 20_000.0) + random.nextGaussian() * 0.05;
        }
        ctx.say(String.format("downsampling a %,d-point series to %,d px...", points, CHART_WIDTH));
        int kept = 0;
        for (int i = 0; i < warmUps * 3; i++) {
            kept = SeriesDownsampler.downsample(x, y, CHART_WIDTH).size();
        }
        double[] downsampleMillis = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            kept = SeriesDownsampler.downsample(x, y, CHART_WIDTH).size();
            downsampleMillis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(downsampleMillis);

        String layoutName = String.format("lineage layout, %,d nodes, p50", nodes);
        String layoutNote = String.format("ELK layered, left to right, orthogonal edges, %,d edges; goal is layout + first paint (paint"
                + " timed in the UI test); max %.0f ms", graph.edges().size(), layoutMillis[repetitions - 1]);
        String downsampleName = String.format("timeline downsampling, %,d points to %,d px, p50", points, CHART_WIDTH);
        String downsampleNote = String.format("min/max/first/last per pixel column, %,d points kept; goal is the chart drawn", kept);
        if (ctx.quick()) {
            // The goals are for 2,000 nodes and 1M points: smaller sizes are not judged against them.
            return List.of(Figure.plain(bench, layoutName, layoutMillis[repetitions / 2], "ms", null, layoutNote),
                    Figure.plain(bench, downsampleName, downsampleMillis[repetitions / 2], "ms", null, downsampleNote));
        }
        return List.of(Figure.atMost(bench, layoutName, layoutMillis[repetitions / 2], "ms", 2000, null, layoutNote),
                Figure.atMost(bench, downsampleName, downsampleMillis[repetitions / 2], "ms", 1000, null, downsampleNote));
    }

    private static long[] round(double[] millis) {
        return Arrays.stream(millis).mapToLong(Math::round).toArray();
    }
}
