package org.iongov.connector.flink.demo;

import static org.iongov.connector.bench.PairedDifferences.median;
import static org.iongov.connector.bench.PairedDifferences.medianInterval;

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
import org.iongov.connector.bench.ThreadCpu;
import org.iongov.connector.pmml.LogisticRegressionPmml;

/**
 * What governance costs a Flink inference job: the same scoring job (the same broadcast model
 * stream and operator) with and without governance, alternating after a warm-up; prints
 * throughput per repetition, the medians, their spread and the overhead.
 *
 * <p>By default both variants run in this JVM, on one cluster, so that they share its compiled code.
 * With {@code --jvms separate} each variant runs in an engine JVM of its own (a worker process
 * with its own cluster, on the CPUs this one was given), and {@code --forks N} starts N such pairs
 * one after the other: no job then deoptimizes code compiled under the other variant's profile,
 * but each JVM compiles the same code its own way, and on this machine a pair of JVMs favoured
 * one variant or the other by up to 4 % (a second pair, the other), far more than the cost being
 * measured. {@code --calibrate true} runs plain jobs in both variants: the loss it reports is the
 * method's own error.
 *
 * <pre>
 * --socket PATH --records N --repetitions R [--instance benchmark] [--sampling 0.001[,0.0001,...]]
 * [--window-seconds 1] [--parallelism 2] [--warmup 1] [--jvms shared|separate] [--forks 1]
 * [--calibrate false]
 * </pre>
 *
 * The governed job reports into a run of node recommend-tests of the instance (which must be
 * deployed): sampled predictions, per window throughput, latency and signatures. Its model is
 * published by that run on a channel of no ION ({@code benchmark-model}), so that no pipeline
 * receives it; both jobs score with it.
 */
public final class OverheadBenchmark {

    static final String USAGE = "OverheadBenchmark --socket PATH --records N --repetitions R [--instance ID] [--sampling S,...]"
            + " [--window-seconds W] [--parallelism P] [--warmup N] [--agent-pid PID] [--headline S --headline-repetitions R]"
            + " [--jvms shared|separate] [--forks N] [--calibrate true|false]";
    private static final Set<String> KNOWN = Set.of("socket", "records", "repetitions", "instance", "sampling", "window-seconds",
            "parallelism", "warmup", "agent-pid", "headline", "headline-repetitions", "jvms", "forks", "calibrate", "worker", "run", "model");
    private static final String NODE = "recommend-tests";
    /** A worker's line carrying one job's figures, the rest of its output being relayed. */
    private static final String WORKER_RESULT = "[flink-bench] worker job ";

    public static void main(String[] args) throws Exception {
        DemoArguments.quietLogging();
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("OverheadBenchmark: " + e.getMessage());
            System.exit(2);
        } catch (Throwable e) {
            // Exits even so: the cluster's threads would keep the JVM (and a worker's coordinator, waiting for its answer) alive.
            e.printStackTrace();
            System.exit(1);
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
        String instance = a.text("instance", "benchmark");
        long window = a.number("window-seconds", 1, 1);
        int parallelism = (int) a.number("parallelism", 2, 1);
        String worker = a.text("worker", "");
        if (!worker.isEmpty()) {
            serve(worker, socket, instance, a.text("run", null), a.text("model", null), window, records, parallelism);
            return 0;
        }
        int repetitions = (int) a.number("repetitions", 0, 1);
        double[] samplings = samplings(a.text("sampling", "0.001"));
        int warmup = (int) a.number("warmup", 1, 0);
        long agentPid = a.number("agent-pid", -1, -1);
        // The rate the goal is judged at gets more pairs: its figure's interval narrows with them.
        String headlineText = a.text("headline", "");
        boolean hasHeadline = !headlineText.isEmpty();
        double headline = hasHeadline ? samplings(headlineText)[0] : -1;
        int headlineRepetitions = (int) a.number("headline-repetitions", repetitions, 1);
        String jvms = a.text("jvms", "shared");
        if (!jvms.equals("separate") && !jvms.equals("shared")) {
            throw new IllegalArgumentException("--jvms is separate (each variant in an engine JVM of its own) or shared, was '" + jvms + "'");
        }
        boolean shared = jvms.equals("shared");
        int forks = (int) a.number("forks", shared ? 1 : 3, 1);
        if (shared && forks > 1) {
            throw new IllegalArgumentException("--forks " + forks + " needs --jvms separate: shared, both variants run in this one JVM");
        }
        String calibrateText = a.text("calibrate", "false");
        if (!calibrateText.equals("true") && !calibrateText.equals("false")) {
            throw new IllegalArgumentException("--calibrate is true or false, was '" + calibrateText + "'");
        }
        boolean calibrate = calibrateText.equals("true");

        byte[] pmml = benchmarkPmml();
        try (Governance governance = Governance.connect(socket)) {
            RunHandle run = governance.openRun(RunSpec.of(instance, NODE).withEngine("flink", EnvironmentInformation.getVersion())
                    .withParameter("benchmark", "overhead").withParameter("records", records).withParameter("sampling", Arrays.toString(samplings))
                    .withParameter("parallelism", parallelism).withParameter("jvms", jvms).startedBy(System.getProperty("user.name")));
            // A recorded model, so that the predictions' attribution is valid; on no ION channel, so no one receives it.
            String modelId = run.publishModel("benchmark-model", new ModelArtifact("benchmark", "pmml", pmml, null));
            System.out.printf(Locale.ROOT, "[flink-bench] %,d records per job, parallelism %d, sampling %s, window %d s, %s;"
                    + " per sampling rate %d timed pairs%s, %s%n", records, parallelism, Arrays.toString(samplings), window,
                    shared ? "both variants in this JVM" : forks + " pair(s) of engine JVMs, one per variant", repetitions,
                    hasHeadline ? " (" + headlineRepetitions + " at " + headlineText + ")" : "", shared ? warmup + " warm-up pairs first"
                            : "each JVM pair warmed up by " + warmup + " pairs");
            if (calibrate) {
                System.out.println("[flink-bench] calibration: the 'governed' variant runs plain jobs too, so any loss reported is the"
                        + " method's own error");
            }
            Map<Double, Pairs> pairs = new java.util.LinkedHashMap<>();
            for (double sampling : samplings) {
                int n = hasHeadline && sampling == headline ? headlineRepetitions : repetitions;
                pairs.put(sampling, new Pairs(sampling, n));
            }
            double warmupSampling = Math.max(Arrays.stream(samplings).max().orElse(0), 0.01);
            MiniCluster cluster = shared ? startCluster(parallelism) : null;
            try {
                for (int fork = 0; fork < forks; fork++) {
                    Variant plain;
                    Variant governed;
                    if (shared) {
                        GovernanceConfig base = baseConfig(socket, instance, run.id(), window);
                        plain = new InProcess(cluster, base, modelUpdate(modelId, pmml), parallelism, false);
                        governed = new InProcess(cluster, base, modelUpdate(modelId, pmml), parallelism, !calibrate);
                    } else {
                        // Which starts first alternates between JVM pairs.
                        List<String> kinds = List.of("plain", calibrate ? "plain" : "governed");
                        Worker[] started = new Worker[2];
                        try {
                            for (int k = 0; k < 2; k++) {
                                int which = (fork % 2 == 0) ? k : 1 - k;
                                started[which] = new Worker(which == 0 ? "plain" : "governed", kinds.get(which), socket, instance,
                                        run.id(), modelId, window, records, parallelism);
                            }
                        } catch (java.io.IOException | RuntimeException e) {
                            for (Worker w : started) {
                                if (w != null) {
                                    w.close(); // the one that did start
                                }
                            }
                            throw e;
                        }
                        plain = started[0];
                        governed = started[1];
                        System.out.printf(Locale.ROOT, "[flink-bench] engine JVM pair %d of %d: plain pid %d, governed pid %d%n", fork + 1,
                                forks, plain.pid(), governed.pid());
                    }
                    try (plain; governed) {
                        // Warm both JVMs (the engine's and the agent's) on every code path, as long-running ones are. At 1 %
                        // recorded at least: a streaming job recording 0.1 % has compiled its recording path within its first
                        // minutes, while 3 warm-up jobs of a few seconds at 0.1 % would leave it half compiled (it ran at twice
                        // its steady cost in the timed jobs).
                        for (int i = 0; i < warmup; i++) {
                            job(plain, governed, agentPid, warmupSampling, records, null);
                            job(governed, plain, agentPid, warmupSampling, records, null);
                        }
                        for (Pairs rate : pairs.values()) {
                            // This JVM pair's share of the rate's pairs (the first pairs take the remainder).
                            int share = rate.wanted / forks + (fork < rate.wanted % forks ? 1 : 0);
                            for (int i = 0; i < share; i++) {
                                rate.run(plain, governed, agentPid, fork, records);
                            }
                        }
                    }
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                }
            }
            double overhead = 0;
            for (Pairs rate : pairs.values()) {
                overhead = rate.summarize(records, forks, agentPid, run);
            }
            run.close();
            return overhead;
        }
    }

    /**
     * One cluster for all of a JVM's jobs, as a long-running Flink cluster is: a local environment
     * per job would start a new cluster each time, whose RPC system loads its classes afresh, and
     * the JIT work of compiling them again (about half a second of CPU a job here) would blur both
     * variants.
     */
    private static MiniCluster startCluster(int parallelism) throws Exception {
        Configuration clusterConfig = new Configuration();
        clusterConfig.set(PipelineOptions.GENERIC_TYPES, false);
        // Any free port: the other variant's worker runs a cluster too (both would take 8081).
        clusterConfig.set(org.apache.flink.configuration.RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(clusterConfig)
                .setNumTaskManagers(1).setNumSlotsPerTaskManager(parallelism).build());
        cluster.start();
        return cluster;
    }

    private static byte[] benchmarkPmml() {
        return LogisticRegressionPmml.write("benchmark", PatientRecord.FEATURES,
                new double[] {0.045, 0.25, 0.02, 0.008, 0.012, 0.06, 0.11, 0.28, 0.08}, -8.3, PatientRecord.LABEL);
    }

    private static ModelUpdate modelUpdate(String modelId, byte[] pmml) {
        return new ModelUpdate("benchmark-model", modelId, null, "pmml", null, pmml);
    }

    private static GovernanceConfig baseConfig(Path socket, String instance, String runId, long window) {
        return PatientInput.signatures(GovernanceConfig.of(socket, instance, NODE, runId)).channels("benchmark-model")
                .window(Duration.ofSeconds(window));
    }

    /** Where one variant's jobs run. */
    private interface Variant extends AutoCloseable {
        /** Runs one job of so many records, recording the given share of predictions (when governed); its figures, as {@link #job} returns them. */
        double[] job(double sampling, long records) throws Exception;

        /** Its engine JVM's process id, or -1 for this JVM. */
        long pid();
    }

    /** A variant whose jobs run on a cluster in this JVM (shared with the other variant). */
    private record InProcess(MiniCluster cluster, GovernanceConfig base, ModelUpdate model, int parallelism, boolean governed)
            implements Variant {
        @Override
        public double[] job(double sampling, long records) throws Exception {
            return OverheadBenchmark.job(cluster, base.sampling(sampling), model, records, parallelism, governed);
        }

        @Override
        public long pid() {
            return -1;
        }

        @Override
        public void close() {
        }
    }

    /**
     * A variant whose jobs run in an engine JVM of its own: this class's main with {@code --worker},
     * started with this JVM's options and classpath (so on the same CPUs), taking one
     * {@code job SAMPLING RECORDS} line at a time on its input and answering with a {@link #WORKER_RESULT}
     * line; its other output is relayed. It ends when its input does.
     */
    private static final class Worker implements Variant {
        private final String variant;
        private final Process process;
        private final java.io.BufferedReader output;
        private final java.io.Writer input;

        /** {@code variant} names it in messages; {@code kind} (plain or governed) is the jobs it runs. */
        Worker(String variant, String kind, Path socket, String instance, String runId, String modelId, long window, long records,
                int parallelism) throws java.io.IOException {
            this.variant = variant;
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), OverheadBenchmark.class.getName(), "--worker", kind,
                    "--socket", socket.toString(), "--instance", instance, "--run", runId, "--model", modelId, "--window-seconds",
                    Long.toString(window), "--records", Long.toString(records), "--parallelism", Integer.toString(parallelism)));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            output = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
            input = new java.io.OutputStreamWriter(process.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public double[] job(double sampling, long records) throws Exception {
            input.write("job " + sampling + " " + records + "\n");
            input.flush();
            for (String line; (line = output.readLine()) != null;) {
                if (line.startsWith(WORKER_RESULT)) {
                    return Arrays.stream(line.substring(WORKER_RESULT.length()).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
                }
                System.out.println(line);
            }
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            throw new IllegalStateException("the " + variant + " variant's engine JVM ended before its job did" + (process.isAlive() ? ""
                    : " (exit " + process.exitValue() + ")") + ": its errors are above");
        }

        @Override
        public void close() throws Exception {
            try {
                input.close(); // its end of input: it closes its cluster and exits
            } catch (java.io.IOException e) {
                // it has ended already
            }
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** A worker's life: a cluster of its own, one job per {@code job SAMPLING RECORDS} line on its input, until the input ends. */
    private static void serve(String variant, Path socket, String instance, String runId, String modelId, long window, long records,
            int parallelism) throws Exception {
        if (!variant.equals("plain") && !variant.equals("governed")) {
            throw new IllegalArgumentException("--worker is plain or governed, was '" + variant + "'");
        }
        GovernanceConfig base = baseConfig(socket, instance, runId, window);
        ModelUpdate model = modelUpdate(modelId, benchmarkPmml());
        try (MiniCluster cluster = startCluster(parallelism);
                java.io.BufferedReader commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line; (line = commands.readLine()) != null;) {
                if (!line.startsWith("job ")) {
                    throw new IllegalArgumentException("a worker takes lines 'job SAMPLING RECORDS', was '" + line + "'");
                }
                String[] job = line.substring(4).trim().split(" ");
                double[] figures = job(cluster, base.sampling(Double.parseDouble(job[0])), model, Long.parseLong(job[1]), parallelism,
                        variant.equals("governed"));
                StringBuilder reply = new StringBuilder(WORKER_RESULT);
                for (double figure : figures) {
                    reply.append(' ').append(figure);
                }
                System.out.println(reply);
            }
        }
    }

    /** One sampling rate's timed pairs, gathered over the JVM pairs, and their summary. */
    private static final class Pairs {
        final double sampling;
        final int wanted;
        final String rate;
        final String label;
        final List<double[]> plainJobs = new ArrayList<>();
        final List<double[]> governedJobs = new ArrayList<>();
        /** Which JVM pair ran each pair. */
        final List<Integer> forks = new ArrayList<>();
        /** Per governed job: the agent's CPU by kind of thread (ms). */
        final List<Map<String, Double>> agentThreads = new ArrayList<>();
        /** Per plain job: the same (the agent idles, or finishes forwarding what the governed job before it recorded). */
        final List<Map<String, Double>> plainAgentThreads = new ArrayList<>();

        Pairs(double sampling, int wanted) {
            this.sampling = sampling;
            this.wanted = wanted;
            this.rate = java.math.BigDecimal.valueOf(sampling).toPlainString();
            this.label = "[flink-bench] sampling " + rate + ":";
        }

        /** One timed pair; prints it. */
        void run(Variant plain, Variant governedVariant, long agentPid, int fork, long records) throws Exception {
            int i = plainJobs.size();
            double[] p;
            double[] g;
            // Alternate which goes first, so that drift in the machine's state hits both alike.
            if (i % 2 == 1) {
                g = job(governedVariant, plain, agentPid, sampling, records, agentThreads);
                p = job(plain, governedVariant, agentPid, sampling, records, plainAgentThreads);
            } else {
                p = job(plain, governedVariant, agentPid, sampling, records, plainAgentThreads);
                g = job(governedVariant, plain, agentPid, sampling, records, agentThreads);
            }
            plainJobs.add(p);
            governedJobs.add(g);
            forks.add(fork);
            System.out.printf(Locale.ROOT, "%s repetition %d: without governance %,.0f records/s (CPU/record: scoring thread %.0f ns,"
                    + " JVM %.0f ns), with %,.0f records/s (%.0f ns, %.0f ns): %+.2f %% throughput%n", label, i + 1, p[0], p[2], p[1], g[0],
                    g[2], g[1], 100 * (g[0] / p[0] - 1));
            System.out.printf(Locale.ROOT, "%s   JVM work without / with: %.0f / %.0f collections (%.0f / %.0f ms), GC threads %.0f / %.0f"
                    + " ms CPU, JIT threads %.0f / %.0f ms CPU; scoring thread allocates %.0f / %.0f bytes a record; agent process %.0f /"
                    + " %.0f ms CPU%s%n", label, p[4], g[4], p[3], g[3], p[5], g[5], p[6], g[6], p[7], g[7], p[8], g[8], plain.pid() < 0 ? ""
                    : String.format(Locale.ROOT, "; the other variant's engine JVM %.0f / %.0f ms CPU", p[9], g[9]));
            if (p[JOB_FIGURES + 2] > 0) {
                System.out.printf("%s   engine threads without / with (ns CPU a record): %s%n", label, engineThreads(p, g));
            }
        }

        /** Prints the summary (with a result line) and records it on the run; the throughput loss in percent. */
        double summarize(long records, int forkCount, long agentPid, RunHandle run) {
            int repetitions = plainJobs.size();
            double[][] plainRows = plainJobs.toArray(new double[0][]);
            double[][] governedRows = governedJobs.toArray(new double[0][]);
            double[] without = column(plainRows, 0);
            double[] with = column(governedRows, 0);
            double base = median(without);
            double governed = median(with);
            double overhead = 100 * (1 - governed / base);
            double[] pairLosses = new double[repetitions];
            for (int i = 0; i < repetitions; i++) {
                pairLosses[i] = 100 * (1 - governedRows[i][0] / plainRows[i][0]);
            }
            double pairedOverhead = median(pairLosses);
            double[] interval = medianInterval(pairLosses);
            double cpuOverhead = 100 * (median(column(governedRows, 1)) / median(column(plainRows, 1)) - 1);
            double taskOverhead = 100 * (median(column(governedRows, 2)) / median(column(plainRows, 2)) - 1);
            double recordedPerJob = records * sampling;
            // The agent's extra CPU per job, as a share of the plain job's duration (the CPU it takes from the engine when they share one).
            double agentExtraMillis = agentPid < 0 ? Double.NaN : median(column(governedRows, 8)) - median(column(plainRows, 8));
            double agentPercent = 100 * agentExtraMillis / (1000 * records / base);
            System.out.printf(Locale.ROOT, "%s median without governance %,.0f records/s (spread %s), with %,.0f records/s (spread %s)%n",
                    label, base, spread(without), governed, spread(with));
            System.out.printf(Locale.ROOT, "%s median CPU per record: scoring thread %.0f ns without, %.0f ns with (%+.2f %%); engine JVM"
                    + " %.0f ns without, %.0f ns with (%+.2f %%)%n", label, median(column(plainRows, 2)), median(column(governedRows, 2)),
                    taskOverhead, median(column(plainRows, 1)), median(column(governedRows, 1)), cpuOverhead);
            System.out.printf(Locale.ROOT, "%s median JVM work a job without / with: GC threads %.0f / %.0f ms CPU, JIT threads %.0f / %.0f ms"
                    + " CPU, scoring thread allocation %.0f / %.0f bytes a record%n", label, median(column(plainRows, 5)),
                    median(column(governedRows, 5)), median(column(plainRows, 6)), median(column(governedRows, 6)),
                    median(column(plainRows, 7)), median(column(governedRows, 7)));
            double[] plainMedians = new double[JOB_FIGURES + 2 + ENGINE_KINDS.size()];
            double[] governedMedians = plainMedians.clone();
            for (int c = JOB_FIGURES + 2; c < plainMedians.length; c++) {
                plainMedians[c] = median(column(plainRows, c));
                governedMedians[c] = median(column(governedRows, c));
            }
            if (plainMedians[JOB_FIGURES + 2] > 0) {
                System.out.printf("%s median engine threads without / with (ns CPU a record, from the first fifth of a job's records to"
                        + " nine tenths): %s%n", label, engineThreads(plainMedians, governedMedians));
            }
            if (agentPid >= 0) {
                StringBuilder threads = new StringBuilder();
                for (String kind : List.of("ipc", "writer", "forwarder", "http", "status", "jit", "gc", "other")) {
                    double[] perJob = agentThreads.stream().mapToDouble(m -> m.getOrDefault(kind, 0.0)).toArray();
                    double[] perPlainJob = plainAgentThreads.stream().mapToDouble(m -> m.getOrDefault(kind, 0.0)).toArray();
                    threads.append(threads.length() == 0 ? "" : ", ").append(kind).append(' ').append(String.format(Locale.ROOT, "%.1f (%.1f)",
                            perJob.length == 0 ? 0 : median(perJob), perPlainJob.length == 0 ? 0 : median(perPlainJob)));
                }
                double governedThreads = median(agentThreads.stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue).sum())
                        .toArray());
                double plainThreads = median(plainAgentThreads.stream().mapToDouble(m -> m.values().stream().mapToDouble(Double::doubleValue)
                        .sum()).toArray());
                System.out.printf(Locale.ROOT, "%s agent process CPU a governed job by thread (ms, medians; a plain job's in brackets): %s; its threads that outlive the"
                        + " jobs: %.1f ms a governed job, %.1f ms a plain one (medians)%n", label, threads, governedThreads, plainThreads);
                System.out.printf(Locale.ROOT, "%s agent process: %+.0f ms CPU a job with governance (%.1f %% of a plain job's time), %.1f µs"
                        + " per recorded prediction (%.0f a job)%n", label, agentExtraMillis, agentPercent,
                        recordedPerJob > 0 ? 1000 * agentExtraMillis / recordedPerJob : 0, recordedPerJob);
            }
            if (forkCount > 1) {
                // Each JVM compiles its code its own way: a pair of JVMs can favour either variant by a percent or so.
                StringBuilder byFork = new StringBuilder();
                for (int fork = 0; fork < forkCount; fork++) {
                    int f = fork;
                    double[] losses = java.util.stream.IntStream.range(0, repetitions).filter(i -> forks.get(i) == f)
                            .mapToDouble(i -> pairLosses[i]).toArray();
                    byFork.append(byFork.length() == 0 ? "" : ", ").append(losses.length == 0 ? "none"
                            : String.format(Locale.ROOT, "%.2f %% (%d)", median(losses), losses.length));
                }
                System.out.printf(Locale.ROOT, "%s median loss by engine JVM pair (pairs): %s%n", label, byFork);
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
    }

    /**
     * One job of a variant, with the CPU meanwhile of the agent and of the other variant's engine
     * JVM (0 when it is this one) appended to its figures; the agent's CPU by kind of thread goes to
     * {@code agentThreadsOut} (unless null: a warm-up job).
     */
    private static double[] job(Variant variant, Variant other, long agentPid, double sampling, long records,
            List<Map<String, Double>> agentThreadsOut) throws Exception {
        double otherBefore = ThreadCpu.processMillis(other.pid());
        double agentBefore = ThreadCpu.processMillis(agentPid);
        Map<String, ThreadCpu.Sample> agentThreadsBefore = agentPid < 0 ? Map.of() : ThreadCpu.of(Long.toString(agentPid));
        double[] figures = variant.job(sampling, records);
        double agentCpu = ThreadCpu.processMillis(agentPid) - agentBefore;
        double otherCpu = ThreadCpu.processMillis(other.pid()) - otherBefore;
        Map<String, Double> agentThreads = agentPid < 0 ? new java.util.TreeMap<>()
                : ThreadCpu.since(agentThreadsBefore, ThreadCpu.of(Long.toString(agentPid)), OverheadBenchmark::kind);
        if (agentThreadsOut != null) {
            agentThreadsOut.add(agentThreads);
        }
        // The agent's and the other JVM's CPU after the job's own figures, then the engine's threads by kind.
        double[] withAgent = new double[figures.length + 2];
        System.arraycopy(figures, 0, withAgent, 0, JOB_FIGURES);
        withAgent[JOB_FIGURES] = agentCpu;
        withAgent[JOB_FIGURES + 1] = otherCpu;
        System.arraycopy(figures, JOB_FIGURES, withAgent, JOB_FIGURES + 2, figures.length - JOB_FIGURES);
        return withAgent;
    }

    /**
     * One job on the cluster (in this JVM): its steady throughput (from the first timed to the last
     * scored record), the JVM's CPU ns per record meanwhile, the scoring threads' CPU per record,
     * GC time and count, GC and JIT threads' CPU, and bytes the scoring threads allocated a record.
     */
    private static double[] job(MiniCluster cluster, GovernanceConfig config, ModelUpdate model, long records, int parallelism,
            boolean governed) throws Exception {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
        DataStream<PatientRecord> encounters = env.fromSource(new DataGeneratorSource<>(new PooledEncounters(), records,
                TypeInformation.of(PatientRecord.class)), WatermarkStrategy.noWatermarks(), "encounters");
        DataStream<Prediction<PatientRecord>> scored = InferenceGraph.score(encounters, encounters.getType(), new PatientInput(), config,
                false, ModelSource.fixed(List.of(model)), governed);
        // Timed from the first fifth of each subtask's records on; with iongov.bench.threads, its threads by kind until nine tenths.
        Timing.reset(records / parallelism / 5, Boolean.getBoolean("iongov.bench.threads") ? records / parallelism * 7 / 10 : -1);
        scored.sinkTo(new Timing()).name("timing");
        JvmWork before = JvmWork.now();
        if (Boolean.getBoolean("iongov.bench.trace")) {
            System.out.println("[flink-bench] job starts: " + (governed ? "with" : "without") + " governance");
        }
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(governed ? "with governance" : "without governance");
        cluster.executeJobBlocking(graph.getJobGraph());
        JvmWork work = JvmWork.now().minus(before);
        if (Boolean.getBoolean("iongov.bench.trace")) { // the timed span on the monotonic clock, to line up with a system profile
            System.out.println("[flink-bench] job timed: " + (governed ? "with" : "without") + " governance, monotonic ns " + Timing.FIRST.get()
                    + " to " + Timing.LAST.get());
        }
        double[] figures = Arrays.copyOf(new double[] {Timing.throughput(), Timing.cpuPerRecord(), Timing.taskCpuPerRecord(),
            work.gcMillis(), work.gcCount(), work.gcCpuMillis(), work.jitCpuMillis(), Timing.taskAllocatedPerRecord()},
                JOB_FIGURES + ENGINE_KINDS.size());
        Map<String, Double> threads = Timing.threadsPerRecord();
        for (int k = 0; k < ENGINE_KINDS.size(); k++) {
            figures[JOB_FIGURES + k] = threads.getOrDefault(ENGINE_KINDS.get(k), 0.0);
        }
        return figures;
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
            Map<String, Double> threads = ThreadCpu.since(Map.of(), ThreadCpu.of("self"), OverheadBenchmark::kind);
            return new JvmWork(millis, count, threads.getOrDefault("gc", 0.0), threads.getOrDefault("jit", 0.0));
        }

        JvmWork minus(JvmWork earlier) {
            return new JvmWork(gcMillis - earlier.gcMillis, gcCount - earlier.gcCount, gcCpuMillis - earlier.gcCpuMillis,
                    jitCpuMillis - earlier.jitCpuMillis);
        }
    }

    /**
     * The kind of a thread of the agent or the engine, by the 15 characters of its name the kernel
     * keeps ("iongov-agent-ipc-client" reads "iongov-agent-ip"): the agent's IPC readers, writer,
     * forwarder, HTTP (heartbeat), status; the JIT compiler and the collector (the serial collector,
     * which the JVM picks when it may use one CPU, collects on the VM thread); the rest.
     */
    static String kind(String name) {
        String jvm = ThreadCpu.jvmKind(name);
        return jvm != null ? jvm : name.startsWith("iongov-agent-ip") ? "ipc" : name.startsWith("iongov-agent-wr") ? "writer"
                : name.startsWith("iongov-agent-fo") ? "forwarder" : name.startsWith("HttpClient") || name.startsWith("iongov-agent-he") ? "http"
                : name.startsWith("iongov-agent-st") ? "status" : name.startsWith("Source: ") ? "source" : name.startsWith(NODE) ? "scoring"
                : name.startsWith("iongov-ipc-") ? "link" : name.startsWith("Time Trigger") ? "timer" : "other";
    }

    /** The engine's threads by kind, "kind plain / governed" (ms), from two jobs' figures. */
    private static String engineThreads(double[] plain, double[] governed) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < ENGINE_KINDS.size(); k++) {
            int c = JOB_FIGURES + 2 + k;
            out.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f / %.2f", ENGINE_KINDS.get(k), plain[c], governed[c]));
        }
        return out.toString();
    }

    /** How many figures {@link #job(MiniCluster, GovernanceConfig, ModelUpdate, long, int, boolean)} returns before the engine's threads. */
    private static final int JOB_FIGURES = 8;
    /**
     * The engine JVM's threads by kind, their CPU per record after a job's figures (with {@code
     * -Diongov.bench.threads=true} in the engine's options; else zeros).
     */
    private static final List<String> ENGINE_KINDS = List.of("source", "scoring", "link", "timer", "gc", "jit", "other");

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
        /** After how many timed records of a subtask its JVM's threads are read a second time (negative: not read). */
        private static volatile long threadsAt;
        private static volatile Map<String, ThreadCpu.Sample> threadsFirst;
        private static volatile Map<String, ThreadCpu.Sample> threadsLater;
        private static volatile long threadsRecords;

        static void reset(long untimedPerSubtask, long threadsAfter) {
            untimed = untimedPerSubtask;
            threadsAt = threadsAfter;
            threadsFirst = null;
            threadsLater = null;
            threadsRecords = 0;
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

        /**
         * The JVM's threads' CPU by kind per record (ns) between the first timed record and the later
         * reading (both taken while the source's and the scoring's threads run; at the end of input
         * the source's has ended); empty unless asked for.
         */
        static Map<String, Double> threadsPerRecord() {
            Map<String, ThreadCpu.Sample> first = threadsFirst;
            Map<String, ThreadCpu.Sample> later = threadsLater;
            if (first == null || later == null) {
                return Map.of();
            }
            Map<String, Double> perRecord = new java.util.TreeMap<>();
            ThreadCpu.since(first, later, OverheadBenchmark::kind).forEach((kind, millis) -> perRecord.put(kind, 1e6 * millis / threadsRecords));
            return perRecord;
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
                    if (count == threadsAt && threadsLater == null) {
                        threadsLater = ThreadCpu.of("self");
                        threadsRecords = count;
                    }
                    if (count++ == 0) {
                        if (threadsAt > 0 && threadsFirst == null) {
                            threadsFirst = ThreadCpu.of("self");
                        }
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
