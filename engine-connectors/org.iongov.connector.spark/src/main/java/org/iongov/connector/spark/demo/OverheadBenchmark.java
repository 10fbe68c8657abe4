package org.iongov.connector.spark.demo;

import static org.iongov.connector.bench.PairedDifferences.median;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.bench.PairedDifferences;
import org.iongov.connector.bench.ThreadCpu;
import org.iongov.connector.spark.SparkGovernance;
import org.iongov.connector.spark.internal.CommandLine;
import org.iongov.connector.spark.internal.CommandLine.UsageException;

/**
 * What governance costs a Spark training: the demo's training run plain and governed (listener
 * attached, everything reported, the model published), alternately in one JVM after a warm-up,
 * timing each on the pipeline's thread. Prints each repetition, the medians, their spread and
 * the overhead.
 *
 * <pre>
 * --socket PATH        the agent's socket (required)
 * --repetitions N      timed pairs (10)
 * --rows R             encounters per batch; two batches are read (2000)
 * --warmup N           untimed pairs first (5: the JIT keeps improving Spark for a while)
 * --instance ID        the ION instance the governed runs report to (benchmark)
 * --node NAME, --channel NAME   (train-recommender, candidate-model)
 * --data DIR           where the batches are written (a temporary folder)
 * --master M           (local[2])
 * --agent-pid PID      the agent's process, whose CPU each run is printed (it shares the engine's CPU)
 * </pre>
 */
public final class OverheadBenchmark {

    private static final Set<String> ARGS = Set.of("socket", "repetitions", "rows", "warmup", "instance", "node", "channel", "data",
            "master", "seed", "agent-pid");

    private OverheadBenchmark() {
    }

    public static void main(String[] args) {
        DemoLogging.quiet();
        System.exit(run(args));
    }

    /** Runs the benchmark; returns the exit code (2 for bad arguments). */
    public static int run(String... args) {
        try {
            CommandLine line = CommandLine.parse(args, ARGS);
            Path socket = Path.of(line.required("socket"));
            int repetitions = (int) line.number("repetitions", 10, 1);
            int rows = (int) line.number("rows", 2000, 10);
            int warmup = (int) line.number("warmup", 5, 0);
            long seed = line.number("seed", 42, Long.MIN_VALUE);
            String instance = line.text("instance", "benchmark");
            String node = line.text("node", "train-recommender");
            String channel = line.text("channel", "candidate-model");
            String master = line.text("master", "local[2]");
            long agentPid = line.number("agent-pid", -1, -1);
            Path data = line.text("data", null) == null ? Files.createTempDirectory("iongov-spark-bench") : Path.of(line.text("data", null));
            return measure(socket, repetitions, rows, warmup, seed, instance, node, channel, master, data, agentPid);
        } catch (UsageException e) {
            System.err.println("OverheadBenchmark: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int measure(Path socket, int repetitions, int rows, int warmup, long seed, String instance, String node,
            String channel, String master, Path data, long agentPid) {
        List<Path> files = List.of(PatientData.writeCsv(data.resolve("batch-1.csv"), PatientData.batch(seed, 1, rows, false)),
                PatientData.writeCsv(data.resolve("batch-2.csv"), PatientData.batch(seed, 2, rows, false)));
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSession.builder().master(master).appName("iongov-overhead").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        System.out.printf("[overhead] Spark %s (%s): %d warm-up and %d timed pairs, %d rows in 2 batches%n", spark.version(), master,
                warmup, repetitions, 2 * rows);
        try (Governance governance = Governance.connect(socket)) {
            RecommenderTraining training = new RecommenderTraining(spark, seed, 10);
            RunSpec spec = RunSpec.of(instance, node).withEngine("spark", spark.version())
                    .withCode("https://git.example.org/clinic-ml/test-recommendation.git", "benchmark").startedBy("benchmark");
            double[] ignored = new double[1];
            @SuppressWarnings("unchecked")
            Map<String, Double>[] ignoredThreads = new Map[1];
            for (int i = 0; i < warmup; i++) {
                plain(training, files, ignored, ignored, ignoredThreads, 0, agentPid);
                governed(training, files, governance, spec, channel, agentPid);
                System.out.printf("[overhead] warm-up %d of %d done%n", i + 1, warmup);
            }
            double[] plain = new double[repetitions];
            double[] governed = new double[repetitions];
            double[] pipelineThread = new double[repetitions];
            double[] listener = new double[repetitions];
            double[] plainCpu = new double[repetitions];
            double[] governedCpu = new double[repetitions];
            double[] plainGc = new double[repetitions];
            double[] governedGc = new double[repetitions];
            @SuppressWarnings("unchecked")
            Map<String, Double>[] plainThreads = new Map[repetitions];
            @SuppressWarnings("unchecked")
            Map<String, Double>[] governedThreads = new Map[repetitions];
            for (int i = 0; i < repetitions; i++) {
                // Alternate which goes first, so neither always runs on a warmer JVM.
                Governed g;
                if (i % 2 == 0) {
                    plain[i] = plain(training, files, plainCpu, plainGc, plainThreads, i, agentPid);
                    g = governed(training, files, governance, spec, channel, agentPid);
                } else {
                    g = governed(training, files, governance, spec, channel, agentPid);
                    plain[i] = plain(training, files, plainCpu, plainGc, plainThreads, i, agentPid);
                }
                governed[i] = g.seconds();
                governedCpu[i] = g.cpuSeconds();
                governedGc[i] = g.gcMillis();
                governedThreads[i] = g.threads();
                pipelineThread[i] = g.pipelineThreadSeconds();
                listener[i] = g.listenerSeconds();
                System.out.printf(Locale.ROOT, "[overhead] repetition %d of %d: plain %.3f s (cpu %.3f s), governed %.3f s (cpu %.3f s), "
                        + "wall %+.2f %%; governance took %.1f ms on the pipeline's thread, %.1f ms on Spark's listener thread;"
                        + " collections %.0f / %.0f ms%n", i + 1, repetitions, plain[i], plainCpu[i], governed[i], governedCpu[i],
                        100 * (governed[i] - plain[i]) / plain[i], 1000 * pipelineThread[i], 1000 * listener[i], plainGc[i], governedGc[i]);
                System.out.printf("[overhead]   cpu by thread, ms, plain / governed: %s%n", byThread(plainThreads[i], governedThreads[i]));
            }
            long flushStart = System.nanoTime();
            boolean flushed = governance.flush(Duration.ofSeconds(60));
            double flushSeconds = (System.nanoTime() - flushStart) / 1e9;
            double mp = median(plain);
            double mg = median(governed);
            System.out.printf(Locale.ROOT, "[overhead] plain:    median %.3f s, min %.3f, max %.3f, IQR %.3f s%n", mp, min(plain),
                    max(plain), iqr(plain));
            System.out.printf(Locale.ROOT, "[overhead] governed: median %.3f s, min %.3f, max %.3f, IQR %.3f s%n", mg, min(governed),
                    max(governed), iqr(governed));
            // Each pair's difference in percent of its plain run; and the same with each run's JIT CPU taken out of its wall time:
            // the JIT compiler works 0.1 to 0.9 s in every run, in both variants alike (Spark's generated classes are new each
            // run), and on the one CPU the run has that moves its wall time by as much. Taken out, the pairs spread far less.
            double[] pairPercents = new double[repetitions];
            double[] withoutJit = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                pairPercents[i] = 100 * (governed[i] - plain[i]) / plain[i];
                double jitDifference = (governedThreads[i].getOrDefault("jit", 0.0) - plainThreads[i].getOrDefault("jit", 0.0)) / 1000;
                withoutJit[i] = pairPercents[i] - 100 * jitDifference / plain[i];
            }
            double paired = median(pairPercents);
            double[] interval = PairedDifferences.medianInterval(pairPercents);
            double pairedWithoutJit = median(withoutJit);
            double[] intervalWithoutJit = PairedDifferences.medianInterval(withoutJit);
            System.out.printf(Locale.ROOT, "[overhead] wall-time overhead: medians %+.2f %%, median of the pairs' differences %+.2f %%"
                    + " (%.1f %% interval %+.2f to %+.2f %%; goal <= 1 %%)%n", 100 * (mg - mp) / mp, paired, interval[2], interval[0],
                    interval[1]);
            System.out.printf(Locale.ROOT, "[overhead] wall time less the JIT compiler's CPU: median of the pairs' differences %+.2f %%"
                    + " (%.1f %% interval %+.2f to %+.2f %%; IQR of the pairs %.2f points, against %.2f with the JIT's work)%n",
                    pairedWithoutJit, intervalWithoutJit[2], intervalWithoutJit[0], intervalWithoutJit[1], iqr(withoutJit), iqr(pairPercents));
            double pc = median(plainCpu);
            double gc = median(governedCpu);
            System.out.printf(Locale.ROOT, "[overhead] cpu time of the JVM: plain median %.3f s (IQR %.3f), governed median %.3f s "
                    + "(IQR %.3f): %+.2f %%%n", pc, iqr(plainCpu), gc, iqr(governedCpu), 100 * (gc - pc) / pc);
            System.out.printf("[overhead] cpu by thread, medians, ms, plain / governed: %s%n", medianByThread(plainThreads, governedThreads));
            double direct = median(pipelineThread) + median(listener);
            System.out.printf(Locale.ROOT, "[overhead] measured governance work per run: median %.1f ms on the pipeline's thread + "
                    + "%.1f ms on Spark's listener thread = %.2f %% of the plain median; final flush to the agent %.3f s (%s)%n",
                    1000 * median(pipelineThread), 1000 * median(listener), 100 * direct / mp, flushSeconds,
                    flushed ? "durable" : "timed out");
            // One line for ./iongov bench to read.
            System.out.printf(Locale.ROOT, "[overhead] result plain-median-s=%.4f governed-median-s=%.4f paired-percent=%.3f"
                    + " paired-low=%.3f paired-high=%.3f paired-confidence=%.1f without-jit-percent=%.3f without-jit-low=%.3f"
                    + " without-jit-high=%.3f medians-percent=%.3f cpu-percent=%.3f direct-percent=%.3f plain-iqr-s=%.4f repetitions=%d%n", mp,
                    mg, paired, interval[0], interval[1], interval[2], pairedWithoutJit, intervalWithoutJit[0], intervalWithoutJit[1],
                    100 * (mg - mp) / mp, 100 * (gc - pc) / pc, 100 * direct / mp, iqr(plain), plain.length);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    /** Time the JVM's collectors took so far, in ms. */
    private static double gcMillis() {
        double millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    private static double plain(RecommenderTraining training, List<Path> files, double[] cpu, double[] gc, Map<String, Double>[] threads,
            int i, long agentPid) {
        trace("plain run starts");
        CpuSnapshot threadsBefore = CpuSnapshot.now(agentPid);
        long cpuStart = processCpuNanos();
        double gcStart = gcMillis();
        long start = System.nanoTime();
        training.train(files, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu[i] = (processCpuNanos() - cpuStart) / 1e9;
        gc[i] = gcMillis() - gcStart;
        threads[i] = threadsBefore.since();
        trace("plain run ends");
        return seconds;
    }

    /** CPU time of the whole JVM (all threads): unlike wall time, not inflated by other machines' load on shared CPUs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A governed repetition: its wall time, and the time governance took on each thread. */
    private record Governed(double seconds, double cpuSeconds, double pipelineThreadSeconds, double listenerSeconds, double gcMillis,
            Map<String, Double> threads) {
    }

    private static Governed governed(RecommenderTraining training, List<Path> files, Governance governance, RunSpec spec,
            String channel, long agentPid) {
        trace("governed run starts");
        CpuSnapshot threadsBefore = CpuSnapshot.now(agentPid);
        long cpuStart = processCpuNanos();
        double gcStart = gcMillis();
        long start = System.nanoTime();
        long open = System.nanoTime();
        RunHandle run = governance.openRun(spec);
        SparkGovernance attached = SparkGovernance.attach(training.spark(), run);
        long governing = System.nanoTime() - open;
        RecommenderTraining.Result result = training.train(files, run);
        long close = System.nanoTime();
        attached.close();
        run.publishModel(channel, result.pmml());
        run.close();
        long end = System.nanoTime();
        governing += end - close + result.reportNanos();
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        double gc = gcMillis() - gcStart;
        Governed governed = new Governed((end - start) / 1e9, cpuSeconds, governing / 1e9, attached.listenerTime().toNanos() / 1e9, gc,
                threadsBefore.since());
        trace("governed run ends");
        return governed;
    }

    /** With {@code -Diongov.bench.trace=true}: where each run starts and ends in the output, to line up with the JVM's own logs (e.g. its compilations). */
    private static void trace(String what) {
        if (Boolean.getBoolean("iongov.bench.trace")) {
            System.out.println("[overhead] " + what + ", monotonic ns " + System.nanoTime());
        }
    }

    /**
     * A thread's part in a training, from the 15 characters of its name the kernel keeps: the
     * pipeline's own thread, Spark's task thread, its schedulers, its listener bus, the link to the
     * agent, the JIT compiler and the collector; the rest together.
     */
    static String kind(String name) {
        String jvm = ThreadCpu.jvmKind(name);
        // (The JVM's main thread keeps the process's name: "java".)
        return jvm != null ? jvm : name.equals("main") || name.equals("java") ? "main" : name.startsWith("Executor task l") ? "task"
                : name.startsWith("dag-scheduler") || name.startsWith("dispatcher-even") ? "scheduler"
                : name.startsWith("spark-listener") ? "listener" : name.startsWith("iongov") ? "link" : "other";
    }

    private static final List<String> KINDS = List.of("main", "task", "scheduler", "listener", "link", "jit", "gc", "other", "agent");

    /** This JVM's threads and the agent process's CPU (it shares the engine's CPU) at the start of a run. */
    private record CpuSnapshot(Map<String, ThreadCpu.Sample> threads, double agentMillis, long agentPid) {
        static CpuSnapshot now(long agentPid) {
            return new CpuSnapshot(ThreadCpu.of("self"), ThreadCpu.processMillis(agentPid), agentPid);
        }

        /** CPU since then by kind of thread (ms), the agent's as "agent" (10 ms ticks) when its pid is known. */
        Map<String, Double> since() {
            Map<String, Double> byKind = ThreadCpu.since(threads, ThreadCpu.of("self"), OverheadBenchmark::kind);
            if (agentPid >= 0) {
                byKind.put("agent", ThreadCpu.processMillis(agentPid) - agentMillis);
            }
            return byKind;
        }
    }

    private static String byThread(Map<String, Double> plain, Map<String, Double> governed) {
        StringBuilder out = new StringBuilder();
        for (String kind : KINDS) {
            out.append(out.length() == 0 ? "" : ", ").append(kind).append(String.format(Locale.ROOT, " %.0f / %.0f",
                    plain.getOrDefault(kind, 0.0), governed.getOrDefault(kind, 0.0)));
        }
        return out.toString();
    }

    private static String medianByThread(Map<String, Double>[] plain, Map<String, Double>[] governed) {
        Map<String, Double> p = new java.util.HashMap<>();
        Map<String, Double> g = new java.util.HashMap<>();
        for (String kind : KINDS) {
            p.put(kind, median(Arrays.stream(plain).mapToDouble(m -> m.getOrDefault(kind, 0.0)).toArray()));
            g.put(kind, median(Arrays.stream(governed).mapToDouble(m -> m.getOrDefault(kind, 0.0)).toArray()));
        }
        return byThread(p, g);
    }

    private static double iqr(double[] values) {
        return quantile(values, 0.75) - quantile(values, 0.25);
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
