package org.iongov.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.iongov.core.json.MetadataJson;

import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Runs the benchmarks, prints each figure beside its goal and the paper's figure, and writes
 * {@code results.json} and {@code results.md}. Timings are measured here, never asserted in tests.
 */
public final class BenchmarkSuite {

    /** A benchmark: a name and what it measures. */
    @FunctionalInterface
    private interface Benchmark {
        List<Figure> run(BenchContext ctx) throws Exception;
    }

    private static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("ingest", StoreBenchmarks::ingest);
        BENCHMARKS.put("storage", StorageBenchmark::run);
        BENCHMARKS.put("range-query", StoreBenchmarks::rangeQuery);
        BENCHMARKS.put("agent", AgentBenchmark::run);
        BENCHMARKS.put("propagation", PropagationBenchmark::run);
        BENCHMARKS.put("lineage", LineageBenchmark::run);
        BENCHMARKS.put("overhead", OverheadBenchmark::run);
        BENCHMARKS.put("workbench", WorkbenchBenchmark::run);
    }

    private BenchmarkSuite() {
    }

    public static Set<String> names() {
        return BENCHMARKS.keySet();
    }

    /**
     * @param only the benchmarks to run, or empty for all
     * @return the figures
     */
    public static List<Figure> run(boolean quick, Set<String> only, Path outDir, PrintStream out) throws Exception {
        for (String name : only) {
            if (!BENCHMARKS.containsKey(name)) {
                throw new IllegalArgumentException("no benchmark '" + name + "'; there are " + String.join(", ", BENCHMARKS.keySet()));
            }
        }
        Path scratch = Files.createDirectories(outDir.resolve("scratch"));
        BenchContext ctx = new BenchContext(quick, scratch, out);
        List<Figure> figures = new ArrayList<>();
        Instant started = Instant.now();
        try {
            for (Map.Entry<String, Benchmark> entry : BENCHMARKS.entrySet()) {
                if (!only.isEmpty() && !only.contains(entry.getKey())) {
                    continue;
                }
                out.println("== " + entry.getKey() + (quick ? " (quick)" : ""));
                out.flush();
                Instant start = Instant.now();
                List<Figure> result = entry.getValue().run(ctx);
                figures.addAll(result);
                result.forEach(f -> out.println("  " + line(f)));
                out.println(String.format("  (%d s)", Duration.between(start, Instant.now()).toSeconds()));
            }
        } finally {
            BenchContext.delete(scratch);
        }
        write(figures, quick, Duration.between(started, Instant.now()), outDir);
        out.println("results: " + outDir.resolve("results.json") + " and " + outDir.resolve("results.md"));
        return figures;
    }

    static String line(Figure f) {
        String verdict = f.met() == null ? "" : f.met() ? "  [goal met]" : "  [goal missed]";
        return f.name() + ": " + Figure.format(f.value()) + " " + f.unit() + (f.goal() == null ? "" : "  (goal " + f.goal() + ")")
                + (f.paper() == null ? "" : "  (paper: " + f.paper() + ")") + verdict;
    }

    private static void write(List<Figure> figures, boolean quick, Duration took, Path outDir) throws IOException {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("date", Instant.now().toString());
        results.put("machine", machine());
        results.put("quick", quick);
        results.put("durationSeconds", took.toSeconds());
        results.put("figures", figures);
        Files.writeString(outDir.resolve("results.json"), MetadataJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(MetadataJson.valueToJson(results)));
        StringBuilder md = new StringBuilder();
        md.append("Run ").append(results.get("date")).append(" on ").append(machine()).append(quick ? ", --quick" : ", full")
                .append(", ").append(took.toSeconds()).append(" s.\n\n");
        md.append("| benchmark | figure | value | goal | paper | met | how |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figure f : figures) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s %s | %s | %s | %s | %s |%n", f.benchmark(), f.name(),
                    Figure.format(f.value()), f.unit(), f.goal() == null ? "" : f.goal(), f.paper() == null ? "" : f.paper(),
                    f.met() == null ? "" : f.met() ? "yes" : "no", f.note()));
        }
        Files.writeString(outDir.resolve("results.md"), md.toString());
    }

    static String machine() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + " (" + host + ")";
    }
}
