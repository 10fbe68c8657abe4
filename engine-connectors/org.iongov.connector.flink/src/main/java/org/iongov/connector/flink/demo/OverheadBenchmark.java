package org.iongov.connector.flink.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.LongAccumulator;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.flink.GovernanceConfig;
import org.iongov.connector.flink.Prediction;
import org.iongov.connector.flink.internal.InferenceGraph;
import org.iongov.connector.flink.internal.ModelSource;
import org.iongov.connector.flink.internal.ModelUpdate;
import org.iongov.connector.pmml.LogisticRegressionPmml;

/**
 * What governance costs a Flink inference job: the same scoring job (parallelism 2, the same
 * broadcast model stream and operator) with and without governance, alternating in one JVM after
 * a warm-up; prints throughput per repetition, the medians, their spread and the overhead.
 *
 * <pre>
 * --socket PATH --records N --repetitions R [--instance benchmark] [--sampling 0.001]
 * [--window-seconds 1] [--parallelism 2] [--warmup 1]
 * </pre>
 *
 * The governed job reports into a run of node recommend-tests of the instance (which must be
 * deployed): sampled predictions, per window throughput, latency and signatures. Its model is
 * published by that run on a channel of no ION ({@code benchmark-model}), so that no pipeline
 * receives it; both jobs score with it.
 */
public final class OverheadBenchmark {

    static final String USAGE = "OverheadBenchmark --socket PATH --records N --repetitions R [--instance ID] [--sampling S]"
            + " [--window-seconds W] [--parallelism P] [--warmup N]";
    private static final Set<String> KNOWN = Set.of("socket", "records", "repetitions", "instance", "sampling", "window-seconds",
            "parallelism", "warmup");
    private static final String NODE = "recommend-tests";

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        DemoArguments.quietLogging();
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("OverheadBenchmark: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    /** Runs the benchmark; the overhead in percent of the median throughput. */
    static double run(String[] args) throws Exception {
        DemoArguments a = new DemoArguments(args, KNOWN, USAGE);
        Path socket = Path.of(a.text("socket", null));
        if (!java.nio.file.Files.exists(socket)) {
            throw new IllegalArgumentException("no agent socket at " + socket + " (an agent started with --spool DIR listens on DIR/agent.sock)");
        }
        long records = a.number("records", 0, 1000);
        int repetitions = (int) a.number("repetitions", 0, 1);
        String instance = a.text("instance", "benchmark");
        double sampling = a.decimal("sampling", 0.001, 0, 1);
        long window = a.number("window-seconds", 1, 1);
        int parallelism = (int) a.number("parallelism", 2, 1);
        int warmup = (int) a.number("warmup", 1, 0);

        byte[] pmml = LogisticRegressionPmml.write("benchmark", PatientRecord.FEATURES,
                new double[] {0.045, 0.25, 0.02, 0.008, 0.012, 0.06, 0.11, 0.28, 0.08}, -8.3, PatientRecord.LABEL);
        try (Governance governance = Governance.connect(socket)) {
            RunHandle run = governance.openRun(RunSpec.of(instance, NODE).withEngine("flink", EnvironmentInformation.getVersion())
                    .withParameter("benchmark", "overhead").withParameter("records", records).withParameter("sampling", sampling)
                    .withParameter("parallelism", parallelism).startedBy(System.getProperty("user.name")));
            // A recorded model, so that the predictions' attribution is valid; on no ION channel, so no one receives it.
            String modelId = run.publishModel("benchmark-model", new ModelArtifact("benchmark", "pmml", pmml, null));
            ModelUpdate model = new ModelUpdate("benchmark-model", modelId, null, "pmml", null, pmml);
            GovernanceConfig config = PatientInput.signatures(GovernanceConfig.of(socket, instance, NODE, run.id()))
                    .channels("benchmark-model").sampling(sampling).window(Duration.ofSeconds(window));
            System.out.printf(Locale.ROOT, "[flink-bench] %,d records per job, parallelism %d, sampling %.3f, window %d s, %d warm-up"
                    + " + %d timed pairs%n", records, parallelism, sampling, window, warmup, repetitions);
            for (int i = 0; i < warmup; i++) {
                job(config, model, records, parallelism, false);
                job(config, model, records, parallelism, true);
            }
            double[] without = new double[repetitions];
            double[] with = new double[repetitions];
            double[] cpuWithout = new double[repetitions];
            double[] cpuWith = new double[repetitions];
            double[] taskWithout = new double[repetitions];
            double[] taskWith = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                // Alternate which goes first, so that drift in the machine's state hits both alike.
                double[] a1;
                double[] a2;
                if (i % 2 == 1) {
                    a2 = job(config, model, records, parallelism, true);
                    a1 = job(config, model, records, parallelism, false);
                } else {
                    a1 = job(config, model, records, parallelism, false);
                    a2 = job(config, model, records, parallelism, true);
                }
                without[i] = a1[0];
                cpuWithout[i] = a1[1];
                with[i] = a2[0];
                cpuWith[i] = a2[1];
                taskWithout[i] = a1[2];
                taskWith[i] = a2[2];
                System.out.printf(Locale.ROOT, "[flink-bench] repetition %d: without governance %,.0f records/s (CPU/record: scoring"
                        + " thread %.0f ns, JVM %.0f ns), with %,.0f records/s (%.0f ns, %.0f ns): %+.2f %% throughput%n", i + 1, without[i],
                        taskWithout[i], cpuWithout[i], with[i], taskWith[i], cpuWith[i], 100 * (with[i] / without[i] - 1));
            }
            double base = median(without);
            double governed = median(with);
            double overhead = 100 * (1 - governed / base);
            double cpuOverhead = 100 * (median(cpuWith) / median(cpuWithout) - 1);
            double taskOverhead = 100 * (median(taskWith) / median(taskWithout) - 1);
            System.out.printf(Locale.ROOT, "[flink-bench] median without governance %,.0f records/s (spread %s), with %,.0f records/s"
                    + " (spread %s)%n", base, spread(without), governed, spread(with));
            System.out.printf(Locale.ROOT, "[flink-bench] median CPU per record: scoring threads %.0f ns without, %.0f ns with"
                    + " (%+.2f %%); this JVM %.0f ns without, %.0f ns with (%+.2f %%)%n", median(taskWithout), median(taskWith), taskOverhead,
                    median(cpuWithout), median(cpuWith), cpuOverhead);
            System.out.printf(Locale.ROOT, "[flink-bench] overhead %.2f %% of throughput, %+.2f %% CPU on the scoring threads"
                    + " (goal: at most 1 %%)%n", overhead, taskOverhead);
            // One line for ./iongov bench to read.
            System.out.printf(Locale.ROOT, "[flink-bench] result without-median=%.1f with-median=%.1f throughput-percent=%.3f"
                    + " scoring-cpu-percent=%.3f jvm-cpu-percent=%.3f repetitions=%d%n", base, governed, overhead, taskOverhead, cpuOverhead,
                    without.length);
            run.statistic("benchmark", "scoring-cpu-overhead-percent", taskOverhead);
            run.statistic("benchmark", "cpu-overhead-percent", cpuOverhead);
            run.statistic("benchmark", "throughput-without-governance", base);
            run.statistic("benchmark", "throughput-with-governance", governed);
            run.statistic("benchmark", "overhead-percent", overhead);
            run.close();
            return overhead;
        }
    }

    /** One job; its throughput (first to last scored record) and the JVM's CPU ns per record meanwhile. */
    private static double[] job(GovernanceConfig config, ModelUpdate model, long records, int parallelism, boolean governed)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        DataStream<PatientRecord> encounters = env.fromSource(new DataGeneratorSource<>(new PooledEncounters(), records,
                TypeInformation.of(PatientRecord.class)), WatermarkStrategy.noWatermarks(), "encounters");
        DataStream<Prediction<PatientRecord>> scored = InferenceGraph.score(encounters, encounters.getType(), new PatientInput(), config,
                false, ModelSource.fixed(List.of(model)), governed);
        Timing.reset();
        scored.sinkTo(new Timing()).name("timing");
        env.execute(governed ? "with governance" : "without governance");
        return new double[] {Timing.throughput(), Timing.cpuPerRecord(), Timing.taskCpuPerRecord()};
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String spread(double[] values) {
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(0);
        double median = median(values);
        return String.format(Locale.ROOT, "%,.0f to %,.0f, %.1f %% of the median", min, max, 100 * (max - min) / median);
    }

    /**
     * Encounters with fresh ids, their features from a pool: the source costs little, so that the
     * scoring operator (and what governance adds to it) sets the pace.
     */
    static final class PooledEncounters implements GeneratorFunction<Long, PatientRecord> {
        private static final long serialVersionUID = 1L;
        private transient List<PatientRecord> pool;
        private transient String prefix;

        @Override
        public void open(SourceReaderContext context) {
            pool = new ArrayList<>(PatientData.batch(7, context.getIndexOfSubtask(), 4096, false));
            prefix = "bench-" + System.nanoTime() + "-";
        }

        @Override
        public PatientRecord map(Long index) {
            PatientRecord r = pool.get((int) (index & 4095));
            return new PatientRecord(prefix + index, r.age(), r.sex(), r.bmi(), r.systolicBp(), r.heartRate(), r.temperature(),
                    r.whiteCellCount(), r.painScore(), r.priorVisits(), r.testOrdered());
        }
    }

    /** Notes when the first and the last prediction arrive (the job runs in this JVM). */
    static final class Timing implements Sink<Prediction<PatientRecord>> {
        private static final long serialVersionUID = 1L;
        private static final LongAccumulator FIRST = new LongAccumulator(Math::min, Long.MAX_VALUE);
        private static final LongAccumulator LAST = new LongAccumulator(Math::max, Long.MIN_VALUE);
        private static final java.util.concurrent.atomic.LongAdder COUNT = new java.util.concurrent.atomic.LongAdder();
        private static final LongAccumulator FIRST_CPU = new LongAccumulator(Math::min, Long.MAX_VALUE);
        private static final LongAccumulator LAST_CPU = new LongAccumulator(Math::max, Long.MIN_VALUE);
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        private static final java.util.concurrent.atomic.LongAdder TASK_CPU = new java.util.concurrent.atomic.LongAdder();
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

        static void reset() {
            TASK_CPU.reset();
            FIRST.reset();
            LAST.reset();
            COUNT.reset();
            FIRST_CPU.reset();
            LAST_CPU.reset();
        }

        /** The scoring tasks' threads' CPU time per record (where governance's hot path runs), in ns. */
        static double taskCpuPerRecord() {
            return TASK_CPU.sum() / (double) COUNT.sum();
        }

        /** This JVM's CPU time per record between the first and the last prediction, in ns. */
        static double cpuPerRecord() {
            return (LAST_CPU.get() - FIRST_CPU.get()) / (double) COUNT.sum();
        }

        static double throughput() {
            return COUNT.sum() / ((LAST.get() - FIRST.get()) / 1e9);
        }

        @Override
        public SinkWriter<Prediction<PatientRecord>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                private long count;
                private long first;
                private long firstThreadCpu;

                @Override
                public void write(Prediction<PatientRecord> element, Context context) {
                    if (count++ == 0) {
                        first = System.nanoTime();
                        FIRST_CPU.accumulate(OS.getProcessCpuTime());
                        firstThreadCpu = THREADS.getCurrentThreadCpuTime();
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (endOfInput && count > 0) {
                        FIRST.accumulate(first);
                        LAST.accumulate(System.nanoTime());
                        LAST_CPU.accumulate(OS.getProcessCpuTime());
                        TASK_CPU.add(THREADS.getCurrentThreadCpuTime() - firstThreadCpu);
                        COUNT.add(count);
                        count = 0;
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
