package org.iongov.connector.flink.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunOutcome;
import org.iongov.agent.api.RunSpec;
import org.iongov.agent.api.Severity;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.flink.GovernanceConfig;
import org.iongov.connector.flink.GovernedInference;
import org.iongov.connector.flink.Prediction;
import org.iongov.connector.flink.internal.LiveProgress;

/**
 * The demo's inference pipeline: a local Flink job (parallelism 2) scoring an endless,
 * rate-limited stream of encounters with the models delivered to its node, for a while.
 *
 * <pre>
 * --socket PATH --instance ID --topology b|c|e --seconds N --rate R --sampling S --seed 7
 * --drift-after-seconds D --code-uri U --code-version V [--window-seconds W] [--parallelism P]
 * [--divergence-threshold T]
 * </pre>
 *
 * Topology b: recommend-tests on trained-model; c: recommend-tests on approved-model; e:
 * recommend-tests as the ensemble of logistic-regression-member and neural-network-member, plus
 * canary-recommend-tests on canary-model scoring the same encounters.
 */
public final class InferencePipeline {

    static final String USAGE = "InferencePipeline --socket PATH --instance ID --topology b|c|e --seconds N --rate R"
            + " [--sampling S] [--seed 7] [--drift-after-seconds D] [--code-uri U] [--code-version V] [--window-seconds W]"
            + " [--parallelism P] [--divergence-threshold T]";
    private static final Set<String> KNOWN = Set.of("socket", "instance", "topology", "seconds", "rate", "sampling", "seed",
            "drift-after-seconds", "code-uri", "code-version", "window-seconds", "parallelism", "divergence-threshold");

    private InferencePipeline() {
    }

    public static void main(String[] args) throws Exception {
        DemoArguments.quietLogging();
        RunOutcome outcome;
        try {
            outcome = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("InferencePipeline: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(outcome == RunOutcome.SUCCEEDED ? 0 : 1);
    }

    /** Runs the pipeline; the outcome its runs ended with. */
    static RunOutcome run(String[] args) throws Exception {
        DemoArguments a = new DemoArguments(args, KNOWN, USAGE);
        Path socket = Path.of(a.text("socket", null));
        if (!java.nio.file.Files.exists(socket)) {
            throw new IllegalArgumentException("no agent socket at " + socket + " (an agent started with --spool DIR listens on DIR/agent.sock)");
        }
        String instance = a.text("instance", null);
        String topology = a.text("topology", null);
        if (!Set.of("b", "c", "e").contains(topology)) {
            throw new IllegalArgumentException("--topology must be b, c or e, was '" + topology + "'");
        }
        long seconds = a.number("seconds", 0, 1);
        long rate = a.number("rate", 0, 1);
        double sampling = a.decimal("sampling", 1.0, 0, 1);
        long seed = a.number("seed", 7, Long.MIN_VALUE);
        long driftAfter = a.number("drift-after-seconds", -1, -1);
        String codeUri = a.text("code-uri", "https://git.example.org/clinic-ml/test-recommendation.git");
        String codeVersion = a.text("code-version", "unknown");
        long window = a.number("window-seconds", 5, 1);
        int parallelism = (int) a.number("parallelism", 2, 1);
        double threshold = a.decimal("divergence-threshold", 0.1, 0, 1);

        String flinkVersion = EnvironmentInformation.getVersion();
        try (Governance governance = Governance.connect(socket)) {
            List<Node> nodes = new ArrayList<>();
            nodes.add(new Node("recommend-tests", switch (topology) {
                case "b" -> new String[] {"trained-model"};
                case "c" -> new String[] {"approved-model"};
                default -> new String[] {"logistic-regression-member", "neural-network-member"};
            }));
            if (topology.equals("e")) {
                nodes.add(new Node("canary-recommend-tests", new String[] {"canary-model"}));
            }
            for (Node node : nodes) {
                LiveProgress.reset(node.name);
                node.run = governance.openRun(RunSpec.of(instance, node.name).withEngine("flink", flinkVersion).withCode(codeUri, codeVersion)
                        .withParameter("topology", topology).withParameter("channels", List.of(node.channels))
                        .withParameter("rate", rate).withParameter("seconds", seconds).withParameter("sampling", sampling)
                        .withParameter("seed", seed).withParameter("driftAfterSeconds", driftAfter)
                        .withParameter("windowSeconds", window).withParameter("parallelism", parallelism)
                        .startedBy(System.getProperty("user.name")));
                node.config = PatientInput.signatures(GovernanceConfig.of(socket, instance, node.name, node.run.id()))
                        .channels(node.channels).sampling(sampling).window(Duration.ofSeconds(window)).divergenceThreshold(threshold)
                        .subscribeFor(Duration.ofSeconds(seconds)); // as long as the encounters flow, from the job's start
            }

            // The local cluster's files (among them a 21 MB copy of its RPC system's jar) in a folder of this run's: the cluster
            // deletes them when it closes, which it does on its own after the job, and the JVM may exit before it has.
            Path clusterFiles = java.nio.file.Files.createTempDirectory("iongov-flink-");
            try {
                Configuration conf = new Configuration();
                conf.set(PipelineOptions.GENERIC_TYPES, false);
                conf.set(org.apache.flink.configuration.CoreOptions.TMP_DIRS, clusterFiles.toString());
                StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
                long driftFrom = driftAfter < 0 ? -1 : driftAfter * rate;
                DataGeneratorSource<PatientRecord> source = new DataGeneratorSource<>(new LiveEncounters(seed, driftFrom), rate * seconds,
                        RateLimiterStrategy.perSecond(rate), TypeInformation.of(PatientRecord.class));
                // Stamped at ingestion: the latency statistics measure from here to scoring.
                DataStream<PatientRecord> encounters = env.fromSource(source, WatermarkStrategy.<PatientRecord>noWatermarks()
                        .withTimestampAssigner((record, previous) -> System.currentTimeMillis()), "encounters").setParallelism(1);
                PatientInput view = new PatientInput();
                DataStream<Prediction<PatientRecord>> scored = GovernedInference.score(encounters, view, nodes.get(0).config);
                if (nodes.size() > 1) {
                    scored = GovernedInference.canary(scored, view, nodes.get(1).config);
                }
                scored.sinkTo(new DiscardingSink<>()).name("recommendations");

                System.out.printf(Locale.ROOT, "topology %s: %s for %d s at %d encounters/s (sampling %.3f), Flink %s%n", topology,
                        String.join(" + ", nodes.stream().map(n -> n.name + " on " + String.join(",", n.channels)).toList()), seconds,
                        rate, sampling, flinkVersion);
                JobClient job = env.executeAsync("iongov recommend-tests (" + topology + ")");
                RunOutcome outcome = watch(job, nodes, seconds);
                for (Node node : nodes) {
                    node.run.end(outcome);
                }
                return outcome;
            } catch (Exception | Error e) {
                // The job could not be built or run: its runs say so.
                for (Node node : nodes) {
                    node.run.event("error", Severity.ERROR, "the Flink job failed: " + e);
                    node.run.end(RunOutcome.FAILED);
                }
                throw e;
            } finally {
                deleteQuietly(clusterFiles);
            }
        }
    }

    /** Deletes a folder and all in it, as far as it can (what remains is in the temporary folder). */
    private static void deleteQuietly(Path folder) {
        try {
            org.iongov.connector.files.Folders.delete(folder);
        } catch (java.io.IOException | RuntimeException e) {
            // left for the system's cleaning of its temporary folder
        }
    }

    /** Prints progress every 5 s, and at once when a node's models change, until the job ends; the runs' outcome. */
    private static RunOutcome watch(JobClient job, List<Node> nodes, long seconds) throws Exception {
        long start = System.nanoTime();
        long[] last = new long[nodes.size()];
        String[] lastModels = new String[nodes.size()];
        long lastPrinted = start;
        // A local job's cluster goes away with the job: its result, not its status, says when it ended.
        CompletableFuture<JobExecutionResult> result = job.getJobExecutionResult();
        while (true) {
            try {
                result.get(1, TimeUnit.SECONDS);
                StringBuilder line = new StringBuilder("finished:");
                for (Node node : nodes) {
                    line.append(' ').append(node.name).append(' ').append(LiveProgress.of(node.name).scored.get()).append(" predictions;");
                }
                System.out.println(line);
                return RunOutcome.SUCCEEDED;
            } catch (TimeoutException stillRunning) {
                // print progress below
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.out.println("job failed: " + cause);
                return cause instanceof org.apache.flink.runtime.client.JobCancellationException ? RunOutcome.CANCELLED : RunOutcome.FAILED;
            }
            long now = System.nanoTime();
            boolean modelsChanged = false;
            for (int i = 0; i < nodes.size(); i++) {
                modelsChanged |= !LiveProgress.of(nodes.get(i).name).models.equals(lastModels[i] == null ? "" : lastModels[i]);
            }
            if (!modelsChanged && now - lastPrinted < 5_000_000_000L) {
                continue;
            }
            double interval = Math.max(1e-3, (now - lastPrinted) / 1e9);
            lastPrinted = now;
            long elapsed = (now - start) / 1_000_000_000;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%ds/%ds", elapsed, seconds));
            for (int i = 0; i < nodes.size(); i++) {
                LiveProgress progress = LiveProgress.of(nodes.get(i).name);
                long scored = progress.scored.get();
                line.append(String.format(Locale.ROOT, " | %s: %d predictions, %.0f/s, models %s", nodes.get(i).name, scored,
                        (scored - last[i]) / interval, progress.models.isEmpty() ? "(waiting)" : progress.models));
                last[i] = scored;
                lastModels[i] = progress.models;
            }
            System.out.println(line);
        }
    }

    private static final class Node {
        final String name;
        final String[] channels;
        RunHandle run;
        GovernanceConfig config;

        Node(String name, String[] channels) {
            this.name = name;
            this.channels = channels;
        }
    }
}
