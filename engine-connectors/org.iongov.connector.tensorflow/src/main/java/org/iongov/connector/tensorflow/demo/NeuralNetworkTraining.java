package org.iongov.connector.tensorflow.demo;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunOutcome;
import org.iongov.agent.api.RunSpec;
import org.iongov.agent.api.Severity;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.tensorflow.NeuralNetworkTrainer;
import org.iongov.connector.tensorflow.TrainedNetwork;

/**
 * The demo's neural-network training pipeline: every cycle it takes the latest batch of
 * encounters ({@code DATA/batch-<k>.csv}, written by the Spark training pipeline, or here when
 * that has not happened yet, with the same bytes), trains with TensorFlow, reports the run to the
 * agent on {@code --socket} and publishes the SavedModel on {@code --channel}.
 *
 * <pre>
 * java -cp target/classes:$(cat target/engine-classpath.txt) org.iongov.connector.tensorflow.demo.NeuralNetworkTraining \
 *     --socket SPOOL/agent.sock --instance ID [--node train-neural-network] [--channel neural-network-candidate]
 *     [--data data] [--seed 42] [--rows 2000] [--cycles 3] [--interval-seconds 30] [--drift-at-cycle K]
 *     [--epochs 30] [--hidden 16,8] [--learning-rate 0.03] [--code-uri U] [--code-version V] [--user NAME]
 *     [--native-cache DIR]
 * </pre>
 *
 * TensorFlow unpacks ~680 MB of native libraries on first use, into (first that applies): the
 * system property {@code org.bytedeco.javacpp.cachedir}, {@code --native-cache}, the build's
 * {@code target/javacpp-cache} beside these classes when the tests made it, else JavaCPP's default
 * {@code ~/.javacpp/cache}. Training repeats bit for bit with the environment variable
 * {@code TF_ENABLE_ONEDNN_OPTS=0} (oneDNN may add in another order under load). Exit codes: 0 done,
 * 1 failed, 2 bad arguments.
 */
public final class NeuralNetworkTraining {

    static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    /** The input signatures' bin edges, as the Flink inference demo's, so training and serving compare. */
    static final Map<String, double[]> SIGNATURE_EDGES = new LinkedHashMap<>();

    static {
        SIGNATURE_EDGES.put("age", new double[] {18, 30, 40, 50, 60, 70, 80, 95});
        SIGNATURE_EDGES.put("sex", new double[] {0, 0.5, 1});
        SIGNATURE_EDGES.put("bmi", new double[] {15, 20, 25, 30, 35, 40, 50});
        SIGNATURE_EDGES.put("systolic_bp", new double[] {85, 110, 120, 130, 140, 160, 210});
        SIGNATURE_EDGES.put("heart_rate", new double[] {40, 60, 70, 80, 90, 100, 170});
        SIGNATURE_EDGES.put("temperature", new double[] {35, 36.5, 37, 37.5, 38, 38.5, 41.5});
        SIGNATURE_EDGES.put("white_cell_count", new double[] {2, 6, 8, 10, 12, 15, 30});
        SIGNATURE_EDGES.put("pain_score", new double[] {0, 2, 4, 6, 8, 10});
        SIGNATURE_EDGES.put("prior_visits", new double[] {0, 1, 2, 3, 5, 20});
    }

    private final PrintStream out;

    private NeuralNetworkTraining(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the pipeline; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("train-neural-network: " + e.getMessage());
            return 2;
        }
        try {
            new NeuralNetworkTraining(out).cycles(settings);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(settings.node + ": interrupted");
            return 1;
        } catch (RuntimeException e) {
            err.println(settings.node + ": failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private void cycles(Settings s) throws InterruptedException {
        String cache = nativeCache(s.nativeCache);
        out.println(s.node + ": TensorFlow native libraries in " + cache + " (the first run unpacks ~680 MB there)");
        if (!"0".equals(System.getenv("TF_ENABLE_ONEDNN_OPTS"))) {
            out.println(s.node + ": oneDNN is on: set TF_ENABLE_ONEDNN_OPTS=0 for bit-repeatable training");
        }
        // Only now may TensorFlow's classes load: the cache location is read once, when they do.
        String engineVersion = org.tensorflow.TensorFlow.version();
        NeuralNetworkTrainer trainer = NeuralNetworkTrainer.defaults().withSeed(s.seed).withEpochs(s.epochs)
                .withHiddenLayers(s.hidden).withLearningRate(s.learningRate);
        for (Map.Entry<String, double[]> e : SIGNATURE_EDGES.entrySet()) {
            trainer = trainer.withInputSignature(e.getKey(), e.getValue());
        }
        try (Governance governance = Governance.connect(s.socket)) {
            for (int k = 0; k < s.cycles; k++) {
                long cycleStart = System.nanoTime();
                boolean drifted = k >= s.driftAt;
                Path csv = batch(s.data, k, s.seed, s.rows, drifted);
                RunSpec spec = RunSpec.of(s.instance, s.node).withEngine("tensorflow", engineVersion)
                        .withCode(s.codeUri, s.codeVersion).startedBy(s.user).withParameter("batch", k)
                        .withParameter("rows", s.rows).withParameter("dataSeed", s.seed);
                trainer.parameters().forEach(spec::withParameter);
                out.printf(Locale.ROOT, "%s: cycle %d of %d: training on %s%s%n", s.node, k + 1, s.cycles, csv.getFileName(),
                        drifted ? " (drifted population)" : "");
                RunHandle run = governance.openRun(spec);
                try {
                    long start = System.nanoTime();
                    TrainedNetwork trained = trainer.train(csv, run);
                    String modelId = trained.publish(run, s.channel);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    run.close();
                    int trainedRows = s.rows - trained.holdoutLabels().length;
                    out.printf(Locale.ROOT, "%s: cycle %d of %d: run %s, %d epochs in %.1f s (%.0f rows/s), auc %.4f, accuracy %.3f,"
                            + " model %s (%d bytes) published on %s%n", s.node, k + 1, s.cycles, run.id(), s.epochs, seconds,
                            (double) trainedRows * s.epochs / seconds, trained.auc(), trained.accuracy(), modelId,
                            trained.savedModel().length, s.channel);
                } catch (RuntimeException e) {
                    run.event("error", Severity.ERROR, "training failed: " + e.getMessage());
                    run.end(RunOutcome.FAILED);
                    out.printf(Locale.ROOT, "%s: cycle %d of %d: run %s failed: %s%n", s.node, k + 1, s.cycles, run.id(), e);
                }
                if (!governance.flush(Duration.ofSeconds(30))) {
                    out.println(s.node + ": the agent did not confirm the reports within 30 s; they stay queued");
                }
                if (k + 1 < s.cycles) {
                    long waitNanos = cycleStart + Duration.ofSeconds(s.intervalSeconds).toNanos() - System.nanoTime();
                    if (waitNanos > 0) {
                        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
                    }
                }
            }
        }
        out.println(s.node + ": done, " + s.cycles + " cycles");
    }

    /** The batch file of cycle k: the Spark pipeline's, or written here with the same bytes. */
    static Path batch(Path data, int k, long seed, int rows, boolean drifted) {
        Path file = data.resolve("batch-" + k + ".csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        // Write under a private hidden folder and move into place, so that a Spark pipeline
        // writing the same file at the same time cannot interleave with us (both write the same bytes).
        Path scratch = data.resolve(".tensorflow-" + ProcessHandle.current().pid());
        try {
            Path written = PatientData.writeCsv(scratch.resolve(file.getFileName()), PatientData.batch(seed, k, rows, drifted));
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(scratch);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Sets where TensorFlow's natives go unless the JVM was told; returns the location. */
    static String nativeCache(Path requested) {
        String set = System.getProperty(CACHE_PROPERTY);
        if (set != null) {
            return set;
        }
        Path cache = requested;
        if (cache == null) {
            Path built = buildCache();
            cache = built != null ? built : Path.of(System.getProperty("user.home"), ".javacpp", "cache");
        }
        System.setProperty(CACHE_PROPERTY, cache.toAbsolutePath().toString());
        return System.getProperty(CACHE_PROPERTY);
    }

    /** target/javacpp-cache when running from target/classes after the module's tests unpacked there. */
    private static Path buildCache() {
        try {
            var source = NeuralNetworkTraining.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path classes = Path.of(source.getLocation().toURI());
            Path cache = classes.resolveSibling("javacpp-cache");
            return Files.isDirectory(cache) ? cache : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null; // not from a folder: JavaCPP's default will do
        }
    }

    /** The command line, checked. */
    static final class Settings {
        final Path socket;
        final String instance;
        final String node;
        final String channel;
        final Path data;
        final long seed;
        final int rows;
        final int cycles;
        final long intervalSeconds;
        final int driftAt;
        final int epochs;
        final int[] hidden;
        final double learningRate;
        final String codeUri;
        final String codeVersion;
        final String user;
        final Path nativeCache;

        private static final java.util.Set<String> KNOWN = java.util.Set.of("socket", "instance", "node", "channel", "data", "seed",
                "rows", "cycles", "interval-seconds", "drift-at-cycle", "epochs", "hidden", "learning-rate", "code-uri",
                "code-version", "user", "native-cache");

        private Settings(Map<String, String> v) {
            socket = Path.of(required(v, "socket"));
            instance = required(v, "instance");
            node = v.getOrDefault("node", "train-neural-network");
            channel = v.getOrDefault("channel", "neural-network-candidate");
            data = Path.of(v.getOrDefault("data", "data"));
            seed = number(v, "seed", "42");
            rows = (int) range(v, "rows", "2000", 20, 10_000_000);
            cycles = (int) range(v, "cycles", "3", 1, 1_000_000);
            intervalSeconds = range(v, "interval-seconds", "30", 0, 86_400 * 7);
            driftAt = (int) range(v, "drift-at-cycle", String.valueOf(Integer.MAX_VALUE), 0, Integer.MAX_VALUE);
            epochs = (int) range(v, "epochs", "30", 1, 100_000);
            hidden = hidden(v.getOrDefault("hidden", "16,8"));
            learningRate = decimal(v, "learning-rate", "0.03");
            codeUri = v.getOrDefault("code-uri", "https://git.example.org/clinic-ml/test-recommendation.git");
            codeVersion = v.getOrDefault("code-version", "sha256:2c41baa83caf10dcf78dabe8f3e5ec8fc580a60ab45caf15f58689f1684f2256");
            user = v.getOrDefault("user", System.getProperty("user.name", "unknown"));
            nativeCache = v.containsKey("native-cache") ? Path.of(v.get("native-cache")) : null;
        }

        static Settings parse(String[] args) {
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || !KNOWN.contains(a.substring(2))) {
                    throw new IllegalArgumentException("unknown argument '" + a + "' (known: --" + String.join(", --", KNOWN.stream()
                            .sorted().toList()) + ")");
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                v.put(a.substring(2), args[++i]);
            }
            return new Settings(v);
        }

        private static String required(Map<String, String> v, String name) {
            String value = v.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        private static long number(Map<String, String> v, String name, String fallback) {
            String text = v.getOrDefault(name, fallback);
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + text + "'");
            }
        }

        private static long range(Map<String, String> v, String name, String fallback, long min, long max) {
            long n = number(v, name, fallback);
            if (n < min || n > max) {
                throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        }

        private static double decimal(Map<String, String> v, String name, String fallback) {
            String text = v.getOrDefault(name, fallback);
            try {
                double d = Double.parseDouble(text);
                if (!(d > 0) || Double.isInfinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a positive number, was '" + text + "'");
            }
        }

        private static int[] hidden(String text) {
            try {
                int[] sizes = Arrays.stream(text.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
                if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(n -> n < 1 || n > 4096)) {
                    throw new NumberFormatException();
                }
                return sizes;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--hidden must be layer sizes (1 to 4096) separated by commas, e.g. 16,8; was '"
                        + text + "'");
            }
        }
    }
}
