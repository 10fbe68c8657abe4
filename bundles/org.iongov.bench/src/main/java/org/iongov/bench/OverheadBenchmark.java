package org.iongov.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.demo.EngineProcess;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;

/**
 * What governance costs the pipelines, measured as the paper did: the same Spark training and the
 * same Flink scoring job, plain and governed, alternating in one engine JVM after a warm-up, the
 * governed ones reporting through a real agent to a real server and store. The engines run their
 * connectors' own benchmark mains (each engine in its own JVM, as in production).
 */
final class OverheadBenchmark {

    private static final Pattern RESULT = Pattern.compile("result (.*)$");
    private static final Pattern PAIR = Pattern.compile("([a-z-]+)=([-0-9.]+)");

    /** The Flink job's sampling rates: none recorded (the per-record cost alone), and the headline rate with a tenth of it. */
    static final String FLINK_SAMPLING = "0,0.0001,0.001";
    /** The rate the goal is judged at, as before. */
    static final double HEADLINE_SAMPLING = 0.001;
    /** Which engines to measure: {@code spark,flink} unless this variable names fewer (to profile one). */
    static final String ENGINES_VARIABLE = "IONGOV_BENCH_ENGINES";
    /** Extra JVM options for the agent's process, e.g. a flight recording. */
    static final String AGENT_OPTIONS_VARIABLE = "IONGOV_BENCH_AGENT_JAVA_OPTIONS";
    /** Extra JVM options for the engines' processes. */
    static final String ENGINE_OPTIONS_VARIABLE = "IONGOV_BENCH_ENGINE_JAVA_OPTIONS";
    /** {@code server}: the agent on the server's CPUs instead of the engine's (the default, {@code engine}). */
    static final String AGENT_CPU_VARIABLE = "IONGOV_BENCH_AGENT_CPU";
    static final String JIT_CPU_VARIABLE = "IONGOV_BENCH_JIT_CPU";

    private static boolean agentOnServerCpus() {
        String where = System.getenv().getOrDefault(AGENT_CPU_VARIABLE, "engine");
        if (!where.equals("engine") && !where.equals("server")) {
            throw new IllegalArgumentException(AGENT_CPU_VARIABLE + " is engine (the agent beside the engine, on its CPU) or server, was '"
                    + where + "'");
        }
        return where.equals("server");
    }
    private static final String FLINK_MAIN = "org.iongov.connector.flink.demo.OverheadBenchmark";

    private OverheadBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) throws Exception {
        String root = System.getenv("IONGOV_ROOT");
        if (root == null) {
            root = System.getProperty("iongov.root", ".");
        }
        Path folder = ctx.folder("overhead");
        CorePlacement placement = CorePlacement.isolatedOrNull();
        String where = placement == null ? "engine, agent, server and store sharing all CPUs"
                : agentOnServerCpus() ? placement.describe().replace("engine and agent on", "engine on").replace("server and store on",
                        "agent, server and store on") : placement.describe();
        ctx.say("overhead: " + where);
        if (placement != null) {
            placement.serverHere();
        }
        List<Figure> figures = new ArrayList<>();
        try (GovernanceStore store = StoreBenchmarks.openStore(folder.resolve("store"))) {
            store.addIonDefinition("demo-approved-retraining", demoIon());
            store.ingest(new IngestBatch(List.of(new IonInstanceRecord("benchmark", "demo-approved-retraining", 1, Instant.now(),
                    "overhead benchmark"))));
            String token = store.createToken("agent-bench", Role.AGENT).secret();
            try (GovernanceServer server = GovernanceServer.start(store, json -> "demo-approved-retraining",
                    ServerOptions.defaults().withPort(0));
                    AgentBeside agent = AgentBeside.start(placement, server.uri(), token, folder)) {
                Path socket = agent.socket();
                // On its own CPU the engine gets one core: local[1] and parallelism 1, both variants alike.
                String master = placement == null ? "local[2]" : "local[1]";
                String parallelism = placement == null ? "2" : "1";

                List<String> engines = List.of(System.getenv().getOrDefault(ENGINES_VARIABLE, "spark,flink").split(","));
                if (engines.contains("spark")) {
                    figures.addAll(spark(ctx, placement, Path.of(root), agent, socket, master, where, folder));
                }
                if (engines.contains("flink")) {
                    String pairs = System.getenv().getOrDefault("IONGOV_BENCH_FLINK_PAIRS", ctx.quick() ? "3" : "7");
                    // 25 pairs: with 15, the interval of the median loss was about ±2 %, wider than the goal.
                    String headlinePairs = System.getenv().getOrDefault("IONGOV_BENCH_FLINK_HEADLINE_PAIRS", ctx.quick() ? "3" : "25");
                    List<String> flinkArgs = List.of("--socket", socket.toString(), "--records",
                            System.getenv().getOrDefault("IONGOV_BENCH_FLINK_RECORDS", ctx.quick() ? "1000000" : "5000000"),
                            // 20 warm-up pairs (2 million predictions recorded): the agent forwards a batch a second, and its
                            // per-batch code is compiled only after a hundred or so batches, as in an agent that has run a while.
                            "--warmup", System.getenv().getOrDefault("IONGOV_BENCH_FLINK_WARMUP", ctx.quick() ? "2" : "20"), "--jvms",
                            System.getenv().getOrDefault("IONGOV_BENCH_FLINK_JVMS", "shared"), "--forks",
                            System.getenv().getOrDefault("IONGOV_BENCH_FLINK_FORKS", "1"), "--parallelism", parallelism,
                            "--agent-pid", Long.toString(agent.pid()));
                    List<String> measured = new ArrayList<>(flinkArgs);
                    measured.addAll(List.of("--repetitions", pairs, "--headline", Double.toString(HEADLINE_SAMPLING),
                            "--headline-repetitions", headlinePairs, "--sampling",
                            System.getenv().getOrDefault("IONGOV_BENCH_FLINK_SAMPLING", FLINK_SAMPLING)));
                    List<Map<String, Double>> rates = engineResults(ctx, placement, Path.of(root), "flink", "org.iongov.connector.flink",
                            FLINK_MAIN, measured, folder);
                    for (Map<String, Double> flink : rates) {
                        double sampling = value(flink, "sampling");
                        String rate = sampling == 0 ? "no predictions recorded"
                                : "sampling " + java.math.BigDecimal.valueOf(sampling).toPlainString();
                        String flinkNote = String.format(java.util.Locale.ROOT, "the same PMML scoring job with and without governance,"
                                + " parallelism %s, %d repetitions; median %,.0f records/s plain; %s; %s", parallelism,
                                (int) value(flink, "repetitions"), value(flink, "without-median"), rate, where);
                        boolean headline = sampling == HEADLINE_SAMPLING;
                        // Judged as Spark's figure is: the median of the pairs' losses (pairing takes out the drift between
                        // pairs), with its interval; the difference of the two medians beside it.
                        String loss = "Flink inference throughput loss (median of paired differences)" + (headline ? "" : ", " + rate);
                        String pairedNote = String.format(java.util.Locale.ROOT, "%s; %.1f %% interval %.2f to %.2f %%", flinkNote,
                                value(flink, "paired-confidence"), value(flink, "paired-low"), value(flink, "paired-high"));
                        figures.add(headline ? Figure.atMost("overhead", loss, value(flink, "paired-percent"), "%", 1, "< 1 %", pairedNote)
                                : Figure.plain("overhead", loss, value(flink, "paired-percent"), "%", null, pairedNote));
                        figures.add(Figure.plain("overhead", "Flink inference: difference of the medians, " + rate,
                                value(flink, "throughput-percent"), "%", null, flinkNote));
                        figures.add(Figure.plain("overhead", "Flink inference: CPU per record on the scoring thread, " + rate,
                                value(flink, "scoring-cpu-percent"), "%", null, flinkNote));
                        if (value(flink, "agent-cpu-percent") >= 0) {
                            figures.add(Figure.plain("overhead", "Flink inference: the agent's CPU beside the engine, " + rate,
                                    value(flink, "agent-cpu-percent"), "%", null, flinkNote + "; as a share of the plain job's time"));
                        }
                    }
                    if (!ctx.quick() && !"false".equals(System.getenv("IONGOV_BENCH_FLINK_CALIBRATE"))) {
                        // The same pairs with plain jobs on both sides, in a fresh engine JVM: the loss the method reports
                        // when there is none, which is how far the headline can be read.
                        List<String> calibration = new ArrayList<>(flinkArgs);
                        calibration.addAll(List.of("--repetitions", headlinePairs, "--sampling", Double.toString(HEADLINE_SAMPLING),
                                "--calibrate", "true"));
                        Map<String, Double> aa = engineResults(ctx, placement, Path.of(root), "flink", "org.iongov.connector.flink",
                                FLINK_MAIN, calibration, folder).get(0);
                        figures.add(Figure.plain("overhead", "Flink inference: calibration, plain jobs on both sides (the method's own error)",
                                value(aa, "paired-percent"), "%", null, String.format(java.util.Locale.ROOT, "median of %d paired differences,"
                                + " %.1f %% interval %.2f to %.2f %%; difference of the medians %.2f %%; %s", (int) value(aa, "repetitions"),
                                value(aa, "paired-confidence"), value(aa, "paired-low"), value(aa, "paired-high"), value(aa, "throughput-percent"), where)));
                    }
                }
            }
        } finally {
            if (placement != null) {
                placement.release();
            }
        }
        return figures;
    }

    /**
     * Where the Spark engine JVM's JIT compiler threads go: the server's CPUs when the CPUs are placed,
     * unless {@code IONGOV_BENCH_JIT_CPU=engine} keeps them on the engine's (as before session 10); null for not moved.
     * (Flink's jobs are timed from their first fifth of records on, after the JIT's job-start work: moving it did not
     * narrow their pairs.)
     */
    private static String jitCpus(CorePlacement placement) {
        return placement == null || "engine".equals(System.getenv(JIT_CPU_VARIABLE)) ? null : placement.serverCpus();
    }

    /**
     * The Spark training plain and governed in pairs. With the CPUs placed, the engine JVM's JIT
     * compiler works on the server's CPUs: it compiles 0.1 to 0.9 s in every run of either variant,
     * which on the run's own CPU spread the pairs by 10 % and more (see docs/benchmarks.md). Then the
     * same number of plain pairs: the method's own error.
     */
    private static List<Figure> spark(BenchContext ctx, CorePlacement placement, Path root, AgentBeside agent, Path socket, String master,
            String where, Path folder) throws Exception {
        String pairs = System.getenv().getOrDefault("IONGOV_BENCH_SPARK_PAIRS", ctx.quick() ? "4" : "30");
        String rows = System.getenv().getOrDefault("IONGOV_BENCH_SPARK_ROWS", "2000");
        boolean calibrate = !ctx.quick() && !"false".equals(System.getenv("IONGOV_BENCH_SPARK_CALIBRATE"));
        List<String> args = new ArrayList<>(List.of("--socket", socket.toString(), "--repetitions", pairs, "--warmup",
                ctx.quick() ? "2" : "10", "--rows", rows, "--master", master, "--agent-pid", Long.toString(agent.pid()), "--data",
                folder.resolve("spark-data").toString(), "--calibration-pairs", calibrate ? pairs : "0"));
        String jitCpus = jitCpus(placement);
        if (jitCpus != null) {
            args.addAll(List.of("--jit-cpus", jitCpus));
        }
        // A known cost added to each governed run (e.g. 22 ms, 1 % of a run): whether the method finds it.
        String addedWork = System.getenv().getOrDefault("IONGOV_BENCH_SPARK_ADDED_WORK_MS", "0");
        args.addAll(List.of("--added-work-ms", addedWork));
        Map<String, Double> spark = engine(ctx, placement, root, "spark", "org.iongov.connector.spark",
                "org.iongov.connector.spark.demo.OverheadBenchmark", args, folder);
        String jit = jitCpus == null ? "" : "; the engine's JIT compiler on CPU " + jitCpus;
        String note = String.format(java.util.Locale.ROOT, "LogisticRegression + TrainValidationSplit on 2 x %s rows, %s; %d pairs,"
                + " plain median %.2f s (IQR %.2f s); governed: listener, ML extraction, PMML published%s; %s%s; a full collection before each run",
                rows, master, (int) value(spark, "repetitions"), value(spark, "plain-median-s"), value(spark, "plain-iqr-s"),
                value(spark, "added-work-ms") == 0 ? "" : String.format(java.util.Locale.ROOT, ", and %.0f ms of CPU work added on purpose",
                        value(spark, "added-work-ms")), where, jit);
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atMost("overhead", "Spark training wall time overhead (median of paired differences)",
                value(spark, "paired-percent"), "%", 1, "< 1 %", note + String.format(java.util.Locale.ROOT, "; %.1f %% interval %.2f to %.2f %%",
                        value(spark, "paired-confidence"), value(spark, "paired-low"), value(spark, "paired-high"))));
        figures.add(Figure.plain("overhead", "Spark training: difference of the medians", value(spark, "medians-percent"), "%", null, note));
        figures.add(Figure.plain("overhead", "Spark training: JVM CPU time overhead", value(spark, "cpu-percent"), "%", null, note));
        figures.add(Figure.atMost("overhead", "Spark training: governance work timed on its own threads", value(spark, "direct-percent"), "%",
                1, null, note));
        if (calibrate) {
            figures.add(Figure.plain("overhead", "Spark training: calibration, plain runs on both sides (the method's own error)",
                    value(spark, "calibration-percent"), "%", null, String.format(java.util.Locale.ROOT, "median of %d paired differences,"
                            + " %.1f %% interval %.2f to %.2f %%; difference of the medians %.2f %%; in the same engine JVM, after the"
                            + " governed pairs", (int) value(spark, "calibration-pairs"), value(spark, "calibration-confidence"),
                            value(spark, "calibration-low"), value(spark, "calibration-high"), value(spark, "calibration-medians-percent"))));
        }
        return figures;
    }

    /**
     * The agent the engines report to: in this JVM when everything shares the CPUs, else in a
     * process of its own on the pipeline's CPUs (beside the engine, as deployed).
     */
    private static final class AgentBeside implements AutoCloseable {
        private final Agent inProcess;
        private final Process process;
        private final Path socket;

        private AgentBeside(Agent inProcess, Process process, Path socket) {
            this.inProcess = inProcess;
            this.process = process;
            this.socket = socket;
        }

        static AgentBeside start(CorePlacement placement, java.net.URI server, String token, Path folder) throws Exception {
            Path socket = Files.createTempDirectory("iongov-bench-").resolve("agent.sock");
            if (placement == null) {
                Agent agent = Agent.start(AgentConfig.of(server, token, folder.resolve("spool")));
                agent.listen(socket);
                return new AgentBeside(agent, null, socket);
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            command.addAll(Agent.JVM_OPTIONS); // as ./iongov agent starts it: the agent measured is the one shipped
            command.addAll(extraOptions(AGENT_OPTIONS_VARIABLE));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), StandaloneAgent.class.getName(), server.toString(), token,
                    folder.resolve("spool").toString(), socket.toString()));
            java.util.concurrent.Callable<Process> startAgent = () -> new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("agent.log").toFile()).start();
            // (On the server's CPUs, as this thread is, when asked: how much of the cost is the agent sharing the engine's CPU.)
            Process process = agentOnServerCpus() ? startAgent.call() : placement.onPipelineCpus(startAgent);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(socket)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroy();
                    throw new IllegalStateException("the benchmark's agent process did not start: "
                            + Files.readString(folder.resolve("agent.log")).trim());
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
            return new AgentBeside(null, process, socket);
        }

        Path socket() {
            return socket;
        }

        /** The agent's process id, or -1 when it runs in this JVM (its CPU then cannot be told apart). */
        long pid() {
            return process == null ? -1 : process.pid();
        }

        @Override
        public void close() throws Exception {
            try {
                if (inProcess != null) {
                    inProcess.close();
                } else {
                    process.getOutputStream().close(); // its end of input: it closes the agent and exits
                    if (!process.waitFor(60, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
            } finally { // the socket's folder (in the temporary folder: a short path, as a Unix socket's must be)
                Files.deleteIfExists(socket);
                Files.deleteIfExists(socket.getParent());
            }
        }
    }

    /** Runs an engine's benchmark main as its own JVM and reads its (first) result line. */
    private static Map<String, Double> engine(BenchContext ctx, CorePlacement placement, Path root, String name, String module, String main,
            List<String> args, Path folder) throws Exception {
        return engineResults(ctx, placement, root, name, module, main, args, folder).get(0);
    }

    /** Runs an engine's benchmark main as its own JVM and reads its result lines. */
    private static List<Map<String, Double>> engineResults(BenchContext ctx, CorePlacement placement, Path root, String name, String module, String main,
            List<String> args, Path folder) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                captured.write(b);
                ctx.progress().write(b);
            }
        }, true, StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(List.of("-Xmx2g"));
        options.addAll(extraOptions(ENGINE_OPTIONS_VARIABLE));
        java.util.concurrent.Callable<EngineProcess> start = () -> EngineProcess.start(name, root, List.of(module), options,
                Map.of(), main, args, folder.resolve(name + ".log"), both);
        try (EngineProcess process = placement == null ? start.call() : placement.onPipelineCpus(start)) {
            int code = process.await(60, TimeUnit.MINUTES);
            if (code != 0) {
                throw new IllegalStateException("the " + name + " overhead benchmark failed (exit " + code + "): "
                        + String.join(" / ", process.tail()));
            }
        }
        List<Map<String, Double>> results = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                Map<String, Double> values = new HashMap<>();
                Matcher pair = PAIR.matcher(m.group(1));
                while (pair.find()) {
                    values.put(pair.group(1), Double.parseDouble(pair.group(2)));
                }
                results.add(values);
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("the " + name + " overhead benchmark printed no result line");
        }
        return results;
    }

    /** A figure of an engine's result line, or a clear error when the line lacks it. */
    private static double value(Map<String, Double> result, String key) {
        Double value = result.get(key);
        if (value == null) {
            throw new IllegalStateException("an engine's result line has no " + key + " (" + result.keySet() + "): was its output"
                    + " interleaved with the JVM's own, e.g. from -XX:+PrintCompilation in " + ENGINE_OPTIONS_VARIABLE + "?");
        }
        return value;
    }

    private static List<String> extraOptions(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static String demoIon() throws IOException {
        try (InputStream in = org.iongov.demo.Demo.class.getResourceAsStream("demo-c.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
