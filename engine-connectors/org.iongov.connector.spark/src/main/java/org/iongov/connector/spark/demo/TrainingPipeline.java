package org.iongov.connector.spark.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunOutcome;
import org.iongov.agent.api.RunSpec;
import org.iongov.agent.api.Severity;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.spark.SparkGovernance;
import org.iongov.connector.spark.internal.CommandLine;
import org.iongov.connector.spark.internal.CommandLine.UsageException;

/**
 * The demo's training pipeline: every cycle, a new batch of encounters arrives, the recommender
 * is retrained on the latest batches with Spark, and the model is published on the training
 * node's output channel, all reported to the agent at {@code --socket}.
 *
 * <pre>
 * --socket PATH             the agent's socket (required)
 * --instance ID             the ION instance (required)
 * --node NAME               the training node (train-recommender)
 * --channel NAME            the output channel (candidate-model)
 * --data DIR                where batches are written and read (data/spark)
 * --seed N                  the data's and the split's seed (42)
 * --rows N                  encounters per batch (2000)
 * --window N                how many of the latest batches to train on (2)
 * --cycles N                how many cycles (3)
 * --interval-seconds N      from one cycle's start to the next's (30)
 * --drift-at-cycle K        batches from cycle K on are drifted (never)
 * --max-iter N              logistic regression iterations (10)
 * --code-uri U, --code-version V   the code reference reported with each run (default: the real one,
 *                           java:...RecommenderTraining and a digest of its classes, which a replay checks)
 * --user NAME               who starts the runs (scheduler)
 * --master M                Spark master (local[2])
 * </pre>
 *
 * Exit codes: 0 done, 1 a cycle failed, 2 bad arguments.
 */
public final class TrainingPipeline {

    private static final Set<String> ARGS = Set.of("socket", "instance", "node", "channel", "data", "seed", "rows", "window",
            "cycles", "interval-seconds", "drift-at-cycle", "max-iter", "code-uri", "code-version", "user", "master");

    private TrainingPipeline() {
    }

    public static void main(String[] args) {
        DemoLogging.quiet();
        System.exit(run(args));
    }

    /** The pipeline's settings, from its arguments. */
    private record Settings(Path socket, String instance, String node, String channel, Path data, long seed, int rows, int window,
            int cycles, long intervalMillis, long driftAt, int maxIter, String codeUri, String codeVersion, String user,
            String master) {

        static Settings parse(String[] args) throws UsageException {
            CommandLine line = CommandLine.parse(args, ARGS);
            return new Settings(Path.of(line.required("socket")), line.required("instance"), line.text("node", "train-recommender"),
                    line.text("channel", "candidate-model"), Path.of(line.text("data", "data/spark")), line.number("seed", 42, Long.MIN_VALUE),
                    (int) line.number("rows", 2000, 10), (int) line.number("window", 2, 1), (int) line.number("cycles", 3, 1),
                    line.number("interval-seconds", 30, 0) * 1000, line.number("drift-at-cycle", Long.MAX_VALUE, 1),
                    (int) line.number("max-iter", 10, 1),
                    line.text("code-uri", null), line.text("code-version", null), line.text("user", "scheduler"),
                    line.text("master", "local[2]"));
        }
    }

    /** Runs the pipeline; returns the exit code. Uses the active SparkSession if there is one. */
    public static int run(String... args) {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (UsageException e) {
            System.err.println("TrainingPipeline: " + e.getMessage());
            return 2;
        }
        return cycles(settings, System.out);
    }

    private static int cycles(Settings s, PrintStream out) {
        String node = s.node();
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSession.builder().master(s.master()).appName("iongov-" + node).config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        int failures = 0;
        out.printf("[%s] Spark %s (%s), agent %s, instance %s, %d cycle(s) of %d rows every %d s%n", node, spark.version(),
                s.master(), s.socket(), s.instance(), s.cycles(), s.rows(), s.intervalMillis() / 1000);
        try (Governance governance = Governance.connect(s.socket())) {
            RecommenderTraining training = new RecommenderTraining(spark, TrainingSettings.defaults(s.seed(), s.maxIter()));
            // The real code reference unless told otherwise: a replay can check it (see TrainingReplay).
            String codeUri = s.codeUri() != null ? s.codeUri() : TrainingCode.URI;
            String codeVersion = s.codeVersion() != null ? s.codeVersion() : TrainingCode.version();
            for (int k = 1; k <= s.cycles(); k++) {
                long start = System.currentTimeMillis();
                boolean drifted = k >= s.driftAt();
                List<Path> batches = batches(s, k);
                RunSpec spec = RunSpec.of(s.instance(), node).withEngine("spark", spark.version())
                        .withCode(codeUri, codeVersion).startedBy(s.user()).withParameter("cycle", k)
                        .withParameter("rowsPerBatch", s.rows())
                        .withParameter("batches", batches.stream().map(p -> p.getFileName().toString()).toList());
                training.settings().parameters().forEach(spec::withParameter);
                spec.withParameter("drifted", drifted);
                RunHandle run = governance.openRun(spec);
                try {
                    RecommenderTraining.Result result;
                    try (SparkGovernance attached = SparkGovernance.attach(spark, run)) {
                        result = training.train(batches, run);
                    }
                    String modelId = run.publishModel(s.channel(), result.pmml());
                    double seconds = (System.currentTimeMillis() - start) / 1000.0;
                    run.log("INFO", String.format(Locale.ROOT, "trained on %d rows in %.1f s, training auc %.4f, holdout auc %.4f",
                            result.rows(), seconds, result.trainingAuc(), result.evaluation().auc()));
                    run.close();
                    out.printf(Locale.ROOT, "[%s] cycle %d of %d: %d rows from %d batch(es)%s in %.1f s (%.0f rows/s), "
                            + "training auc %.4f, holdout auc %.4f, published %s on %s%n", node, k, s.cycles(), result.rows(),
                            batches.size(), drifted ? " (drifted)" : "", seconds, result.rows() / seconds, result.trainingAuc(),
                            result.evaluation().auc(), modelId, s.channel());
                } catch (RuntimeException e) {
                    failures++;
                    run.event("error", Severity.ERROR, "training failed: " + e);
                    run.end(RunOutcome.FAILED);
                    out.printf("[%s] cycle %d of %d failed: %s%n", node, k, s.cycles(), e);
                    e.printStackTrace();
                }
                long wait = start + s.intervalMillis() - System.currentTimeMillis();
                if (k < s.cycles() && wait > 0) {
                    Thread.sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.printf("[%s] interrupted%n", node);
            return 1;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
        out.printf("[%s] done: %d cycle(s), %d failed%n", node, s.cycles(), failures);
        return failures == 0 ? 0 : 1;
    }

    /** The latest batches up to cycle k's, each written first if missing (cycle k's is batch k). */
    private static List<Path> batches(Settings s, int k) {
        List<Path> batches = new ArrayList<>();
        for (int b = Math.max(1, k - s.window() + 1); b <= k; b++) {
            Path file = s.data().resolve("batch-" + b + ".csv");
            if (!Files.exists(file)) {
                PatientData.writeCsv(file, PatientData.batch(s.seed(), b, s.rows(), b >= s.driftAt()));
            }
            batches.add(file);
        }
        return batches;
    }
}
