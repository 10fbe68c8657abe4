package org.iongov.connector.flink.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
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
 * --socket PATH --records N --repetitions R [--instance benchmark] [--sampling 0.001[,0.0001,...]]
 * [--window-seconds 1] [--parallelism 2] [--warmup 1]
 * </pre>
 *
 * The governed job reports into a run of node recommend-tests of the instance (which must be
 * deployed): sampled predictions, per window throughput, latency and signatures. Its model is
 * published by that run on a channel of no ION ({@code benchmark-model}), so that no pipeline
 * receives it; both jobs score with it.
 */
public final class OverheadBenchmark {

    static final String USAGE = "OverheadBenchmark --socket PATH --records N --repetitions R [--instance ID] [--sampling S,...]"
            + " [--window-seconds W] [--parallelism P] [--warmup N] [--agent-pid PID] [--headline S --headline-repetitions R]";
    private static final Set<String> KNOWN = Set.of("socket", "records", "repetitions", "instance", "sampling", "window-seconds",
            "parallelism", "warmup", "agent-pid", "headline", "headline-repetitions");
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
        double[] samplings = samplings(a.text("sampling", "0.001"));
        long window = a.number("window-seconds", 1, 1);
        int parallelism = (int) a.number("parallelism", 2, 1);
        int warmup = (int) a.number("warmup", 1, 0);
        long agentPid = a.number("agent-pid", -1, -1);
        // The rate the goal is judged at gets more pairs: its figure's interval narrows with them.
        String headlineText = a.text("headline", "");
        boolean hasHeadline = !headlineText.isEmpty();
        double headline = hasHeadline ? samplings(headlineText)[0] : -1;
        int headlineRepetitions = (int) a.number("headline-repetitions", repetitions, 1);

        byte[] pmml = LogisticRegressionPmml.write("benchmark", PatientRecord.FEATURES,
                new double[] {0.045, 0.25, 0.02, 0.008, 0.012, 0.06, 0.11, 0.28, 0.08}, -8.3, PatientRecord.LABEL);
        // One cluster for all jobs, as a long-running Flink cluster is: a local environment per job would
        // start a new cluster each time, whose RPC system loads its classes afresh, and the JIT work of
        // compiling them again (about half a second of CPU a job here) would blur both variants.
        Configuration clusterConfig = new Configuration();
        clusterConfig.set(PipelineOptions.GENERIC_TYPES, false);
        try (Governance governance = Governance.connect(socket);
                MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(clusterConfig)
                        .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build())) {
            cluster.start();
            RunHandle run = governance.openRun(RunSpec.of(instance, NODE).withEngine("flink", EnvironmentInformation.getVersion())
                    .withParameter("benchmark", "overhead").withParameter("records", records).withParameter("sampling", Arrays.toString(samplings))
                    .withParameter("parallelism", parallelism).startedBy(System.getProperty("user.name")));
            // A recorded model, so that the predictions' attribution is valid; on no ION channel, so no one receives it.
            String modelId = run.publishModel("benchmark-model", new ModelArtifact("benchmark", "pmml", pmml, null));
            ModelUpdate model = new ModelUpdate("benchmark-model", modelId, null, "pmml", null, pmml);
            GovernanceConfig base = PatientInput.signatures(GovernanceConfig.of(socket, instance, NODE, run.id()))
                    .channels("benchmark-model").window(Duration.ofSeconds(window));
            double highest = Arrays.stream(samplings).max().orElse(0);
            System.out.printf(Locale.ROOT, "[flink-bench] %,d records per job, parallelism %d, sampling %s, window %d s, %d warm-up"
                    + " + %d timed pairs per sampling rate%n", records, parallelism, Arrays.toString(samplings), window, warmup, repetitions);
            // Warm both JVMs (the engine's and the agent's) on every code path, as long-running ones are. At 1 % recorded at
            // least: a streaming job recording 0.1 % has compiled its recording path within its first minutes, while 3 warm-up
            // jobs of a few seconds at 0.1 % would leave it half compiled (it ran at twice its steady cost in the timed jobs).
            for (int i = 0; i < warmup; i++) {
                job(cluster, agentPid, base.sampling(Math.max(highest, 0.01)), model, records, parallelism, false);
                job(cluster, agentPid, base.sampling(Math.max(highest, 0.01)), model, records, parallelism, true);
            }
            double overhead = 0;
            for (double sampling : samplings) {
                overhead = measure(cluster, agentPid, base.sampling(sampling), sampling, model, records, parallelism,
                        hasHeadline && sampling == headline ? headlineRepetitions : repetitions, run);
            }
            run.close();
            return overhead;
        }
    }

    /** Timed pairs at one sampling rate; prints each and the summary (with a result line); the throughput loss in percent. */
    private static double measure(MiniCluster cluster, long agentPid, GovernanceConfig config, double sampling, ModelUpdate model,
            long records, int parallelism, int repetitions, RunHandle run) throws Exception {
        String rate = java.math.BigDecimal.valueOf(sampling).toPlainString();
        String label = "[flink-bench] sampling " + rate + ":";
        AGENT_THREADS.clear(); // (the warm-up's)
        PLAIN_AGENT_THREADS.clear();
        double[][] plainJobs = new double[repetitions][];
        double[][] governedJobs = new double[repetitions][];
        for (int i = 0; i < repetitions; i++) {
            // Alternate which goes first, so that drift in the machine's state hits both alike.
            if (i % 2 == 1) {
                governedJobs[i] = job(cluster, agentPid, config, model, records, parallelism, true);
                plainJobs[i] = job(cluster, agentPid, config, model, records, parallelism, false);
            } else {
                plainJobs[i] = job(cluster, agentPid, config, model, records, parallelism, false);
                governedJobs[i] = job(cluster, agentPid, config, model, records, parallelism, true);
            }
            double[] p = plainJobs[i];
            double[] g = governedJobs[i];
            System.out.printf(Locale.ROOT, "%s repetition %d: without governance %,.0f records/s (CPU/record: scoring thread %.0f ns,"
                    + " JVM %.0f ns), with %,.0f records/s (%.0f ns, %.0f ns): %+.2f %% throughput%n", label, i + 1, p[0], p[2], p[1], g[0],
                    g[2], g[1], 100 * (g[0] / p[0] - 1));
            System.out.printf(Locale.ROOT, "%s   JVM work without / with: %.0f / %.0f collections (%.0f / %.0f ms), GC threads %.0f / %.0f"
                    + " ms CPU, JIT threads %.0f / %.0f ms CPU; scoring thread allocates %.0f / %.0f bytes a record; agent process %.0f /"
                    + " %.0f ms CPU%n", label, p[4], g[4], p[3], g[3], p[5], g[5], p[6], g[6], p[7], g[7], p[8], g[8]);
        }
        double[] without = column(plainJobs, 0);
        double[] with = column(governedJobs, 0);
        double base = median(without);
        double governed = median(with);
        double overhead = 100 * (1 - governed / base);
        double[] pairLosses = new double[repetitions];
        for (int i = 0; i < repetitions; i++) {
            pairLosses[i] = 100 * (1 - governedJobs[i][0] / plainJobs[i][0]);
        }
        double pairedOverhead = median(pairLosses);
        double[] interval = medianInterval(pairLosses);
        double cpuOverhead = 100 * (median(column(governedJobs, 1)) / median(column(plainJobs, 1)) - 1);
        double taskOverhead = 100 * (median(column(governedJobs, 2)) / median(column(plainJobs, 2)) - 1);
        double recordedPerJob = records * sampling;
        // The agent's extra CPU per job, as a share of the plain job's duration (the CPU it takes from the engine when they share one).
        double agentExtraMillis = agentPid < 0 ? Double.NaN : median(column(governedJobs, 8)) - median(column(plainJobs, 8));
        double agentPercent = 100 * agentExtraMillis / (1000 * records / base);
        System.out.printf(Locale.ROOT, "%s median without governance %,.0f records/s (spread %s), with %,.0f records/s (spread %s)%n",
                label, base, spread(without), governed, spread(with));
        System.out.printf(Locale.ROOT, "%s median CPU per record: scoring thread %.0f ns without, %.0f ns with (%+.2f %%); engine JVM"
                + " %.0f ns without, %.0f ns with (%+.2f %%)%n", label, median(column(plainJobs, 2)), median(column(governedJobs, 2)),
                taskOverhead, median(column(plainJobs, 1)), median(column(governedJobs, 1)), cpuOverhead);
        System.out.printf(Locale.ROOT, "%s median JVM work a job without / with: GC threads %.0f / %.0f ms CPU, JIT threads %.0f / %.0f ms"
                + " CPU, scoring thread allocation %.0f / %.0f bytes a record%n", label, median(column(plainJobs, 5)),
                median(column(governedJobs, 5)), median(column(plainJobs, 6)), median(column(governedJobs, 6)),
                median(column(plainJobs, 7)), median(column(governedJobs, 7)));
        if (agentPid >= 0) {
            StringBuilder threads = new StringBuilder();
            for (String kind : List.of("ipc", "writer", "forwarder", "http", "status", "jit", "gc", "other")) {
                double[] perJob = AGENT_THREADS.stream().mapToDouble(m -> m.getOrDefault(kind, 0.0)).toArray();
                double[] perPlainJob = PLAIN_AGENT_THREADS.stream().mapToDouble(m -> m.getOrDefault(kind, 0.0)).toArray();
                threads.append(threads.length() == 0 ? "" : ", ").append(kind).append(' ').append(String.format(Locale.ROOT, "%.1f (%.1f)",
                        perJob.length == 0 ? 0 : median(perJob), perPlainJob.length == 0 ? 0 : median(perPlainJob)));
            }
            double governedThreads = median(AGENT_THREADS.stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum())
                    .toArray());
            double plainThreads = median(PLAIN_AGENT_THREADS.stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue)
                    .sum()).toArray());
            AGENT_THREADS.clear();
            PLAIN_AGENT_THREADS.clear();
            System.out.printf(Locale.ROOT, "%s agent process CPU a governed job by thread (ms, medians; a plain job's in brackets): %s; its threads that outlive the"
                    + " jobs: %.1f ms a governed job, %.1f ms a plain one (medians)%n", label, threads, governedThreads, plainThreads);
            System.out.printf(Locale.ROOT, "%s agent process: %+.0f ms CPU a job with governance (%.1f %% of a plain job's time), %.1f µs"
                    + " per recorded prediction (%.0f a job)%n", label, agentExtraMillis, agentPercent,
                    recordedPerJob > 0 ? 1000 * agentExtraMillis / recordedPerJob : 0, recordedPerJob);
        }
        System.out.printf(Locale.ROOT, "%s overhead %.2f %% of throughput (median of the pairs' losses; %.0f %% interval %.2f to %.2f %%;"
                + " difference of the medians %.2f %%), %+.2f %% CPU on the scoring thread (goal: at most 1 %%)%n", label, pairedOverhead,
                interval[2], interval[0], interval[1], overhead, taskOverhead);
        // One line per rate for ./iongov bench to read.
        System.out.printf(Locale.ROOT, "[flink-bench] result sampling=%s without-median=%.1f with-median=%.1f throughput-percent=%.3f"
                + " scoring-cpu-percent=%.3f jvm-cpu-percent=%.3f agent-cpu-percent=%.3f paired-percent=%.3f paired-low=%.3f paired-high=%.3f"
                + " paired-confidence=%.1f repetitions=%d%n", rate, base, governed, overhead, taskOverhead, cpuOverhead,
                agentPid < 0 ? -1 : agentPercent, pairedOverhead, interval[0], interval[1], interval[2], repetitions);
        String suffix = sampling == 0 ? "-unsampled" : "-sampling-" + rate;
        run.statistic("benchmark", "overhead-percent" + suffix, overhead);
        run.statistic("benchmark", "scoring-cpu-overhead-percent" + suffix, taskOverhead);
        run.statistic("benchmark", "throughput-without-governance" + suffix, base);
        run.statistic("benchmark", "throughput-with-governance" + suffix, governed);
        return overhead;
    }

    /** One job; its steady throughput (from the first timed to the last scored record) and the JVM's CPU ns per record meanwhile. */
    private static double[] job(MiniCluster cluster, long agentPid, GovernanceConfig config, ModelUpdate model, long records, int parallelism, boolean governed)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        DataStream<PatientRecord> encounters = env.fromSource(new DataGeneratorSource<>(new PooledEncounters(), records,
                TypeInformation.of(PatientRecord.class)), WatermarkStrategy.noWatermarks(), "encounters");
        DataStream<Prediction<PatientRecord>> scored = InferenceGraph.score(encounters, encounters.getType(), new PatientInput(), config,
                false, ModelSource.fixed(List.of(model)), governed);
        Timing.reset(records / parallelism / 5);
        scored.sinkTo(new Timing()).name("timing");
        JvmWork before = JvmWork.now();
        double agentBefore = processCpuMillis(agentPid);
        Map<String, ThreadCpu> agentThreadsBefore = agentPid < 0 ? Map.of() : threads(Long.toString(agentPid));
        if (Boolean.getBoolean("iongov.bench.trace")) {
            System.out.println("[flink-bench] job starts: " + (governed ? "with" : "without") + " governance");
        }
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(governed ? "with governance" : "without governance");
        cluster.executeJobBlocking(graph.getJobGraph());
        JvmWork work = JvmWork.now().minus(before);
        double agentCpu = processCpuMillis(agentPid) - agentBefore;
        Map<String, Double> agentThreads = agentPid < 0 ? new java.util.TreeMap<>()
                : byKindSince(agentThreadsBefore, threads(Long.toString(agentPid)));
        (governed ? AGENT_THREADS : PLAIN_AGENT_THREADS).add(agentThreads);
        if (Boolean.getBoolean("iongov.bench.trace")) { // the timed span on the monotonic clock, to line up with a system profile
            System.out.println("[flink-bench] job timed: " + (governed ? "with" : "without") + " governance, monotonic ns " + Timing.FIRST.get()
                    + " to " + Timing.LAST.get());
        }
        return new double[] {Timing.throughput(), Timing.cpuPerRecord(), Timing.taskCpuPerRecord(), work.gcMillis(), work.gcCount(),
                work.gcCpuMillis(), work.jitCpuMillis(), Timing.taskAllocatedPerRecord(), agentCpu};
    }

    /**
     * What the JVM did besides running the job's Java code, over a job: garbage collections (count,
     * collection time from the collectors' beans) and the CPU time of the JVM's own threads by
     * kind (garbage collection, JIT compilation), read from {@code /proc/self/task} (Linux; zero
     * elsewhere). Those threads outlive the jobs, so differences between the variants there show
     * the work that no Java profile of the job's threads sees.
     */
    record JvmWork(double gcMillis, double gcCount, double gcCpuMillis, double jitCpuMillis) {
        static JvmWork now() {
            double millis = 0;
            double count = 0;
            for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                millis += Math.max(0, gc.getCollectionTime());
                count += Math.max(0, gc.getCollectionCount());
            }
            Map<String, Double> threads = threadCpuMillis("self");
            return new JvmWork(millis, count, threads.getOrDefault("gc", 0.0), threads.getOrDefault("jit", 0.0));
        }

        JvmWork minus(JvmWork earlier) {
            return new JvmWork(gcMillis - earlier.gcMillis, gcCount - earlier.gcCount, gcCpuMillis - earlier.gcCpuMillis,
                    jitCpuMillis - earlier.jitCpuMillis);
        }
    }

    /** Per governed job: the agent's CPU by kind of thread (ms). */
    private static final List<Map<String, Double>> AGENT_THREADS = new ArrayList<>();
    /** Per plain job: the same (the agent idles, or finishes forwarding what the governed job before it recorded). */
    private static final List<Map<String, Double>> PLAIN_AGENT_THREADS = new ArrayList<>();

    /**
     * A process's CPU time by kind of thread (ms), from {@code /proc/PROCESS/task} ({@code self} or
     * a pid): the agent's IPC readers, writer, forwarder, the HTTP client's threads, status
     * and heartbeat, the JIT compiler, the garbage collector (the serial collector, which the JVM
     * picks when it may use one CPU, collects on the VM thread), and the rest. Threads that end
     * between two readings are not counted; empty on other systems.
     */
    static Map<String, Double> threadCpuMillis(String process) {
        return byKindSince(Map.of(), threads(process));
    }

    /** One thread's kind and CPU time so far (ms). */
    record ThreadCpu(String kind, double millis) {
    }

    /** The process's threads by id. */
    static Map<String, ThreadCpu> threads(String process) {
        Map<String, ThreadCpu> threads = new java.util.HashMap<>();
        java.io.File[] tasks = new java.io.File("/proc/" + process + "/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim();
                String kind = name.startsWith("iongov-agent-ipc") ? "ipc" : name.startsWith("iongov-agent-wr") ? "writer"
                        : name.startsWith("iongov-agent-fo") ? "forwarder" : name.startsWith("HttpClient") ? "http"
                        : name.startsWith("iongov-agent") ? "status" : name.startsWith("C1 ") || name.startsWith("C2 ") ? "jit"
                        : name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread") ? "gc" : "other";
                threads.put(task.getName(), new ThreadCpu(kind, threadCpuMillis(task.toPath())));
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        return threads;
    }

    /** CPU time by kind of thread since the earlier reading: per thread, so that a thread that ended meanwhile subtracts nothing. */
    static Map<String, Double> byKindSince(Map<String, ThreadCpu> earlier, Map<String, ThreadCpu> now) {
        Map<String, Double> byKind = new java.util.TreeMap<>();
        now.forEach((id, thread) -> {
            ThreadCpu before = earlier.get(id);
            byKind.merge(thread.kind(), thread.millis() - (before == null ? 0 : before.millis()), Double::sum);
        });
        return byKind;
    }

    /**
     * A thread's CPU time in ms: from its {@code sched} file (the scheduler's own account, to the
     * microsecond) where the kernel keeps one, else from {@code stat} (in 10 ms ticks).
     */
    private static double threadCpuMillis(Path task) throws java.io.IOException {
        Path sched = task.resolve("sched");
        if (java.nio.file.Files.isReadable(sched)) {
            for (String line : java.nio.file.Files.readAllLines(sched)) {
                if (line.startsWith("se.sum_exec_runtime")) {
                    return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        }
        return cpuMillis(task.resolve("stat"));
    }

    /** A process's CPU time (user and system) from {@code /proc/PID/stat}, in ms; 0 without a pid or on other systems. */
    static double processCpuMillis(long pid) {
        try {
            return pid < 0 ? 0 : cpuMillis(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    /** User and system time from a {@code stat} file of /proc, in ms (USER_HZ is 100 on Linux). */
    private static double cpuMillis(Path stat) throws java.io.IOException {
        String text = java.nio.file.Files.readString(stat);
        // Fields after the ")" that closes the name: state is field 3, utime 14 and stime 15.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return 10 * (Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]));
    }

    /** {@code --sampling 0,0.0001,0.001}: the rates to measure, each a share in [0, 1]. */
    static double[] samplings(String list) {
        String[] parts = list.split(",");
        double[] rates = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                rates[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--sampling takes shares between 0 and 1 separated by commas, was '" + list + "'");
            }
            if (!(rates[i] >= 0 && rates[i] <= 1)) {
                throw new IllegalArgumentException("--sampling takes shares between 0 and 1 separated by commas, was '" + list + "'");
            }
        }
        return rates;
    }

    private static double[] column(double[][] rows, int index) {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            values[i] = rows[i][index];
        }
        return values;
    }

    /**
     * A distribution-free interval for the median of the values (order statistics, from the
     * binomial distribution): {low, high, confidence in percent}, the narrowest whose confidence is
     * at least 95 % (with few values, the widest there is).
     */
    static double[] medianInterval(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN, 0};
        }
        // P(fewer than k of n values fall below the median) for a fair coin: grow k while both tails stay within 2.5 %.
        double tail = Math.pow(0.5, n);
        double below = tail; // P(B <= 0)
        int k = 0;
        while (k + 1 < n - k - 1) {
            double next = below + tail * binomial(n, k + 1);
            if (next > 0.025) {
                break;
            }
            below = next;
            k++;
        }
        return new double[] {sorted[k], sorted[n - 1 - k], 100 * (1 - 2 * below)};
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
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

    /**
     * Notes when each subtask's steady state starts and its last prediction arrives (the job runs in
     * this JVM): the first fifth of a job's records are not timed. While they flow, the JIT compiler
     * threads compile what the job's start ran (the cluster's scheduling and deployment code, a
     * little differently each job) on the engine's CPU, and they took 0 to 350 ms of its CPU a job
     * in either variant: that, not the scoring, made pairs differ by up to 8 %. A long-running
     * streaming job is measured in its steady state.
     */
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
        private static final java.util.concurrent.atomic.LongAdder TASK_ALLOCATED = new java.util.concurrent.atomic.LongAdder();
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

        /** Records each subtask lets pass before its timing starts. */
        private static volatile long untimed;

        static void reset(long untimedPerSubtask) {
            untimed = untimedPerSubtask;
            TASK_CPU.reset();
            TASK_ALLOCATED.reset();
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

        /** Bytes the scoring tasks' threads allocated per record. */
        static double taskAllocatedPerRecord() {
            return TASK_ALLOCATED.sum() / (double) COUNT.sum();
        }

        /** This JVM's CPU time per record between the first and the last prediction, in ns. */
        static double cpuPerRecord() {
            return (LAST_CPU.get() - FIRST_CPU.get()) / (double) COUNT.sum();
        }

        static double throughput() {
            return COUNT.sum() / ((LAST.get() - FIRST.get()) / 1e9);
        }

        private static long allocatedHere() {
            return THREADS instanceof com.sun.management.ThreadMXBean t ? t.getCurrentThreadAllocatedBytes() : 0;
        }

        @Override
        public SinkWriter<Prediction<PatientRecord>> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                private long skipped;
                private long count;
                private long first;
                private long firstThreadCpu;
                private long firstAllocated;

                @Override
                public void write(Prediction<PatientRecord> element, Context context) {
                    if (skipped < untimed) {
                        skipped++;
                        return;
                    }
                    if (count++ == 0) {
                        first = System.nanoTime();
                        FIRST_CPU.accumulate(OS.getProcessCpuTime());
                        firstThreadCpu = THREADS.getCurrentThreadCpuTime();
                        firstAllocated = allocatedHere();
                    }
                }

                @Override
                public void flush(boolean endOfInput) {
                    if (endOfInput && count > 0) {
                        FIRST.accumulate(first);
                        LAST.accumulate(System.nanoTime());
                        LAST_CPU.accumulate(OS.getProcessCpuTime());
                        TASK_CPU.add(THREADS.getCurrentThreadCpuTime() - firstThreadCpu);
                        TASK_ALLOCATED.add(allocatedHere() - firstAllocated);
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
