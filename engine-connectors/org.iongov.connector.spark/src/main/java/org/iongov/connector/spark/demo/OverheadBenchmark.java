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
import org.iongov.connector.bench.CompilerThreads;
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
 * --jit-cpus LIST      CPUs for the JIT compiler's threads, other than the run's (taskset's form: 1, 1-3)
 * --calibration-pairs N   then N pairs of plain runs on both sides: the method's own error (0)
 * --added-work-ms N    N ms of CPU work added to each governed run on the pipeline's thread: a known
 *                      cost the method should find (0)
 * </pre>
 *
 * <p>Each run starts after a full collection; with {@code --jit-cpus} the compiler threads are put
 * there before each run.
 */
public final class OverheadBenchmark {

    private static final Set<String> ARGS = Set.of("socket", "repetitions", "rows", "warmup", "instance", "node", "channel", "data",
            "master", "seed", "agent-pid", "jit-cpus", "calibration-pairs", "added-work-ms");

    private record Options(int repetitions, int rows, int warmup, long seed, String instance, String node, String channel, String master,
            String jitCpus, int calibrationPairs, int addedWorkMillis) {
    }

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
            Options options = new Options((int) line.number("repetitions", 10, 1), (int) line.number("rows", 2000, 10),
                    (int) line.number("warmup", 5, 0), line.number("seed", 42, Long.MIN_VALUE), line.text("instance", "benchmark"),
                    line.text("node", "train-recommender"), line.text("channel", "candidate-model"), line.text("master", "local[2]"),
                    line.text("jit-cpus", null), (int) line.number("calibration-pairs", 0, 0), (int) line.number("added-work-ms", 0, 0));
            long agentPid = line.number("agent-pid", -1, -1);
            if (options.jitCpus() != null) {
                try { // here first, so that a CPU list taskset refuses is told before Spark starts
                    CompilerThreads.moveTo(options.jitCpus());
                } catch (IOException e) {
                    throw new UsageException("--jit-cpus " + options.jitCpus() + ": " + e.getMessage());
                }
            }
            Path data = line.text("data", null) == null ? Files.createTempDirectory("iongov-spark-bench") : Path.of(line.text("data", null));
            return measure(socket, options, data, agentPid);
        } catch (UsageException e) {
            System.err.println("OverheadBenchmark: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int measure(Path socket, Options options, Path data, long agentPid) throws IOException {
        List<Path> files = List.of(PatientData.writeCsv(data.resolve("batch-1.csv"), PatientData.batch(options.seed(), 1, options.rows(), false)),
                PatientData.writeCsv(data.resolve("batch-2.csv"), PatientData.batch(options.seed(), 2, options.rows(), false)));
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSession.builder().master(options.master()).appName("iongov-overhead").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        System.out.printf("[overhead] Spark %s (%s): %d warm-up and %d timed pairs, %d rows in 2 batches; %s; %d calibration pairs%s%n",
                spark.version(), options.master(), options.warmup(), options.repetitions(), 2 * options.rows(), options.jitCpus() == null
                        ? "the JIT compiler on the run's CPUs" : "the JIT compiler on CPU " + options.jitCpus(), options.calibrationPairs(),
                options.addedWorkMillis() == 0 ? "" : "; " + options.addedWorkMillis() + " ms of work added to each governed run");
        try (Governance governance = Governance.connect(socket)) {
            RecommenderTraining training = new RecommenderTraining(spark, options.seed(), 10);
            RunSpec spec = RunSpec.of(options.instance(), options.node()).withEngine("spark", spark.version())
                    .withCode("https://git.example.org/clinic-ml/test-recommendation.git", "benchmark").startedBy("benchmark");
            Runs runs = new Runs(training, files, governance, spec, options.channel(), options.jitCpus(), options.addedWorkMillis(), agentPid);
            for (int i = 0; i < options.warmup(); i++) {
                runs.plain();
                runs.governed();
                System.out.printf("[overhead] warm-up %d of %d done%n", i + 1, options.warmup());
            }
            Run[] plain = new Run[options.repetitions()];
            Run[] governed = new Run[options.repetitions()];
            for (int i = 0; i < options.repetitions(); i++) {
                // Alternate which goes first, so neither always runs on a warmer JVM.
                if (i % 2 == 0) {
                    plain[i] = runs.plain();
                    governed[i] = runs.governed();
                } else {
                    governed[i] = runs.governed();
                    plain[i] = runs.plain();
                }
                Run p = plain[i];
                Run g = governed[i];
                System.out.printf(Locale.ROOT, "[overhead] repetition %d of %d: plain %.3f s (cpu %.3f s), governed %.3f s (cpu %.3f s), "
                        + "wall %+.2f %%; governance took %.1f ms on the pipeline's thread, %.1f ms on Spark's listener thread;"
                        + " collections %.0f / %.0f ms%n", i + 1, options.repetitions(), p.seconds(), p.cpuSeconds(), g.seconds(),
                        g.cpuSeconds(), 100 * (g.seconds() - p.seconds()) / p.seconds(), 1000 * g.pipelineThreadSeconds(),
                        1000 * g.listenerSeconds(), p.gcMillis(), g.gcMillis());
                System.out.printf("[overhead]   cpu by thread, ms, plain / governed: %s%n", byThread(p.threads(), g.threads()));
            }
            long flushStart = System.nanoTime();
            boolean flushed = governance.flush(Duration.ofSeconds(60));
            double flushSeconds = (System.nanoTime() - flushStart) / 1e9;
            Comparison wall = Comparison.of(seconds(plain), seconds(governed));
            System.out.printf(Locale.ROOT, "[overhead] plain:    median %.3f s, min %.3f, max %.3f, IQR %.3f s%n", wall.firstMedian(),
                    min(seconds(plain)), max(seconds(plain)), iqr(seconds(plain)));
            System.out.printf(Locale.ROOT, "[overhead] governed: median %.3f s, min %.3f, max %.3f, IQR %.3f s%n", wall.secondMedian(),
                    min(seconds(governed)), max(seconds(governed)), iqr(seconds(governed)));
            System.out.printf(Locale.ROOT, "[overhead] wall-time overhead: medians %+.2f %%, median of the pairs' differences %+.2f %%"
                    + " (%.1f %% interval %+.2f to %+.2f %%; goal <= 1 %%)%n", wall.mediansPercent(), wall.pairedPercent(),
                    wall.interval()[2], wall.interval()[0], wall.interval()[1]);
            Comparison cpu = Comparison.of(Arrays.stream(plain).mapToDouble(Run::cpuSeconds).toArray(),
                    Arrays.stream(governed).mapToDouble(Run::cpuSeconds).toArray());
            System.out.printf(Locale.ROOT, "[overhead] cpu time of the JVM: plain median %.3f s, governed median %.3f s: %+.2f %%%n",
                    cpu.firstMedian(), cpu.secondMedian(), cpu.mediansPercent());
            System.out.printf("[overhead] cpu by thread, medians, ms, plain / governed: %s%n", medianByThread(plain, governed));
            double pipelineThread = median(Arrays.stream(governed).mapToDouble(Run::pipelineThreadSeconds).toArray());
            double listener = median(Arrays.stream(governed).mapToDouble(Run::listenerSeconds).toArray());
            double direct = pipelineThread + listener;
            System.out.printf(Locale.ROOT, "[overhead] measured governance work per run: median %.1f ms on the pipeline's thread + "
                    + "%.1f ms on Spark's listener thread = %.2f %% of the plain median; final flush to the agent %.3f s (%s)%n",
                    1000 * pipelineThread, 1000 * listener, 100 * direct / wall.firstMedian(), flushSeconds, flushed ? "durable" : "timed out");
            String calibration = "";
            if (options.calibrationPairs() > 0) {
                Comparison same = calibrate(runs, options.calibrationPairs());
                System.out.printf(Locale.ROOT, "[overhead] calibration, plain runs on both sides (the method's own error): median of the"
                        + " pairs' differences %+.2f %% (%.1f %% interval %+.2f to %+.2f %%), medians %+.2f %%%n", same.pairedPercent(),
                        same.interval()[2], same.interval()[0], same.interval()[1], same.mediansPercent());
                calibration = String.format(Locale.ROOT, " calibration-percent=%.3f calibration-low=%.3f calibration-high=%.3f"
                        + " calibration-confidence=%.1f calibration-medians-percent=%.3f calibration-pairs=%d", same.pairedPercent(),
                        same.interval()[0], same.interval()[1], same.interval()[2], same.mediansPercent(), options.calibrationPairs());
            }
            // One line for ./iongov bench to read.
            System.out.printf(Locale.ROOT, "[overhead] result plain-median-s=%.4f governed-median-s=%.4f paired-percent=%.3f"
                    + " paired-low=%.3f paired-high=%.3f paired-confidence=%.1f medians-percent=%.3f cpu-percent=%.3f direct-percent=%.3f"
                    + " plain-iqr-s=%.4f repetitions=%d jit-placed=%d added-work-ms=%d%s%n", wall.firstMedian(), wall.secondMedian(), wall.pairedPercent(),
                    wall.interval()[0], wall.interval()[1], wall.interval()[2], wall.mediansPercent(), cpu.mediansPercent(),
                    100 * direct / wall.firstMedian(), iqr(seconds(plain)), plain.length, options.jitCpus() == null ? 0 : 1, options.addedWorkMillis(), calibration);
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

    /** Pairs of plain runs, alternating as the timed pairs do: what the method reports when there is nothing to find. */
    private static Comparison calibrate(Runs runs, int pairs) throws IOException {
        double[] first = new double[pairs];
        double[] second = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            first[i] = runs.plain().seconds();
            second[i] = runs.plain().seconds();
            System.out.printf(Locale.ROOT, "[overhead] calibration pair %d of %d: %.3f s, %.3f s: %+.2f %%%n", i + 1, pairs, first[i],
                    second[i], 100 * (second[i] - first[i]) / first[i]);
        }
        return Comparison.of(first, second);
    }

    /** Two series of paired runs compared: the medians, and the median of the pairs' differences in percent of the first, with its interval. */
    private record Comparison(double firstMedian, double secondMedian, double pairedPercent, double[] interval) {
        static Comparison of(double[] first, double[] second) {
            double[] percents = new double[first.length];
            for (int i = 0; i < first.length; i++) {
                percents[i] = 100 * (second[i] - first[i]) / first[i];
            }
            return new Comparison(median(first), median(second), median(percents), PairedDifferences.medianInterval(percents));
        }

        double mediansPercent() {
            return 100 * (secondMedian - firstMedian) / firstMedian;
        }
    }

    private static double[] seconds(Run[] runs) {
        return Arrays.stream(runs).mapToDouble(Run::seconds).toArray();
    }

    /** Time the JVM's collectors took so far, in ms. */
    private static double gcMillis() {
        double millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    /** One timed training: wall and JVM CPU time, collections, CPU by kind of thread, and (governed) governance's own timed work. */
    private record Run(double seconds, double cpuSeconds, double gcMillis, Map<String, Double> threads, double pipelineThreadSeconds,
            double listenerSeconds) {
    }

    /** Where a run started: its clock, the JVM's CPU and collection time, each thread's CPU. */
    private record Started(String variant, CpuSnapshot threads, long cpuNanos, double gcStartMillis, long nanos) {
        Run end(double pipelineThreadSeconds, double listenerSeconds) {
            Run run = new Run((System.nanoTime() - nanos) / 1e9, (processCpuNanos() - cpuNanos) / 1e9, OverheadBenchmark.gcMillis() - gcStartMillis,
                    threads.since(), pipelineThreadSeconds, listenerSeconds);
            trace(variant + " run ends");
            return run;
        }
    }

    /** The two variants of the training, each run prepared alike: compiler threads placed, old garbage collected. */
    private record Runs(RecommenderTraining training, List<Path> files, Governance governance, RunSpec spec, String channel,
            String jitCpus, int addedWorkMillis, long agentPid) {

        Run plain() throws IOException {
            Started started = start("plain");
            training.train(files, null);
            return started.end(0, 0);
        }

        Run governed() throws IOException {
            Started started = start("governed");
            RunHandle run = governance.openRun(spec);
            SparkGovernance attached = SparkGovernance.attach(training.spark(), run);
            long governing = System.nanoTime() - started.nanos();
            RecommenderTraining.Result result = training.train(files, run);
            long close = System.nanoTime();
            attached.close();
            run.publishModel(channel, result.pmml());
            run.close();
            work(addedWorkMillis);
            governing += System.nanoTime() - close + result.reportNanos();
            return started.end(governing / 1e9, attached.listenerTime().toNanos() / 1e9);
        }

        /** Busy for {@code millis} of this thread's CPU time (a known cost, to see the method find it). */
        private static void work(int millis) {
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long until = threads.getCurrentThreadCpuTime() + millis * 1_000_000L;
            while (threads.getCurrentThreadCpuTime() < until) {
                Thread.onSpinWait();
            }
        }

        private Started start(String variant) throws IOException {
            prepare();
            trace(variant + " run starts");
            return new Started(variant, CpuSnapshot.now(agentPid), processCpuNanos(), gcMillis(), System.nanoTime());
        }

        /**
         * Before each run, untimed: a full collection, so that no run pays for the old objects of the
         * runs before it (which variant made them is chance); and, when asked, the compiler threads
         * put back on their own CPUs (the JIT works 0.1 to 0.9 s in every run of either variant: on
         * the run's CPU that decides more than governance does which run of a pair is slower).
         */
        private void prepare() throws IOException {
            System.gc();
            if (jitCpus != null) {
                CompilerThreads.moveTo(jitCpus);
            }
        }
    }

    /** CPU time of the whole JVM (all threads): unlike wall time, not inflated by other machines' load on shared CPUs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
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

    private static String medianByThread(Run[] plain, Run[] governed) {
        Map<String, Double> p = new java.util.HashMap<>();
        Map<String, Double> g = new java.util.HashMap<>();
        for (String kind : KINDS) {
            p.put(kind, median(Arrays.stream(plain).mapToDouble(r -> r.threads().getOrDefault(kind, 0.0)).toArray()));
            g.put(kind, median(Arrays.stream(governed).mapToDouble(r -> r.threads().getOrDefault(kind, 0.0)).toArray()));
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
