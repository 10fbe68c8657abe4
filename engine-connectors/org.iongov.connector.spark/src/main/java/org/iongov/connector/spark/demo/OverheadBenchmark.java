package org.iongov.connector.spark.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
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
 * </pre>
 */
public final class OverheadBenchmark {

    private static final Set<String> ARGS = Set.of("socket", "repetitions", "rows", "warmup", "instance", "node", "channel", "data",
            "master", "seed");

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
            Path data = line.text("data", null) == null ? Files.createTempDirectory("iongov-spark-bench") : Path.of(line.text("data", null));
            return measure(socket, repetitions, rows, warmup, seed, instance, node, channel, master, data);
        } catch (UsageException e) {
            System.err.println("OverheadBenchmark: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int measure(Path socket, int repetitions, int rows, int warmup, long seed, String instance, String node,
            String channel, String master, Path data) {
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
            for (int i = 0; i < warmup; i++) {
                plain(training, files, ignored, ignored, 0);
                governed(training, files, governance, spec, channel);
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
            for (int i = 0; i < repetitions; i++) {
                // Alternate which goes first, so neither always runs on a warmer JVM.
                Governed g;
                if (i % 2 == 0) {
                    plain[i] = plain(training, files, plainCpu, plainGc, i);
                    g = governed(training, files, governance, spec, channel);
                } else {
                    g = governed(training, files, governance, spec, channel);
                    plain[i] = plain(training, files, plainCpu, plainGc, i);
                }
                governed[i] = g.seconds();
                governedCpu[i] = g.cpuSeconds();
                governedGc[i] = g.gcMillis();
                pipelineThread[i] = g.pipelineThreadSeconds();
                listener[i] = g.listenerSeconds();
                System.out.printf(Locale.ROOT, "[overhead] repetition %d of %d: plain %.3f s (cpu %.3f s), governed %.3f s (cpu %.3f s), "
                        + "wall %+.2f %%; governance took %.1f ms on the pipeline's thread, %.1f ms on Spark's listener thread;"
                        + " collections %.0f / %.0f ms%n", i + 1, repetitions, plain[i], plainCpu[i], governed[i], governedCpu[i],
                        100 * (governed[i] - plain[i]) / plain[i], 1000 * pipelineThread[i], 1000 * listener[i], plainGc[i], governedGc[i]);
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
            double paired = median(difference(governed, plain));
            System.out.printf(Locale.ROOT, "[overhead] wall-time overhead: medians %+.2f %%, median of paired differences %+.3f s "
                    + "(%+.2f %%) (goal <= 1 %%; on a shared machine wall times vary by more than that: see the spread)%n",
                    100 * (mg - mp) / mp, paired, 100 * paired / mp);
            double pc = median(plainCpu);
            double gc = median(governedCpu);
            System.out.printf(Locale.ROOT, "[overhead] cpu time of the JVM: plain median %.3f s (IQR %.3f), governed median %.3f s "
                    + "(IQR %.3f): %+.2f %%%n", pc, iqr(plainCpu), gc, iqr(governedCpu), 100 * (gc - pc) / pc);
            double direct = median(pipelineThread) + median(listener);
            System.out.printf(Locale.ROOT, "[overhead] measured governance work per run: median %.1f ms on the pipeline's thread + "
                    + "%.1f ms on Spark's listener thread = %.2f %% of the plain median; final flush to the agent %.3f s (%s)%n",
                    1000 * median(pipelineThread), 1000 * median(listener), 100 * direct / mp, flushSeconds,
                    flushed ? "durable" : "timed out");
            // One line for ./iongov bench to read.
            System.out.printf(Locale.ROOT, "[overhead] result plain-median-s=%.4f governed-median-s=%.4f paired-percent=%.3f"
                    + " medians-percent=%.3f cpu-percent=%.3f direct-percent=%.3f plain-iqr-s=%.4f repetitions=%d%n", mp, mg,
                    100 * paired / mp, 100 * (mg - mp) / mp, 100 * (gc - pc) / pc, 100 * direct / mp, iqr(plain), plain.length);
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

    private static double plain(RecommenderTraining training, List<Path> files, double[] cpu, double[] gc, int i) {
        long cpuStart = processCpuNanos();
        double gcStart = gcMillis();
        long start = System.nanoTime();
        training.train(files, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        cpu[i] = (processCpuNanos() - cpuStart) / 1e9;
        gc[i] = gcMillis() - gcStart;
        return seconds;
    }

    /** CPU time of the whole JVM (all threads): unlike wall time, not inflated by other machines' load on shared CPUs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** A governed repetition: its wall time, and the time governance took on each thread. */
    private record Governed(double seconds, double cpuSeconds, double pipelineThreadSeconds, double listenerSeconds, double gcMillis) {
    }

    private static Governed governed(RecommenderTraining training, List<Path> files, Governance governance, RunSpec spec,
            String channel) {
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
        return new Governed((end - start) / 1e9, (processCpuNanos() - cpuStart) / 1e9, governing / 1e9,
                attached.listenerTime().toNanos() / 1e9, gcMillis() - gcStart);
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
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
