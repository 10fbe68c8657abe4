package org.iongov.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;

/**
 * A prediction's full lineage on a store the size of the goal: 10M statistic points and 1M
 * predictions (1M and 100K with --quick) from the demo's (c) ION, a retraining every hour for
 * weeks: each model through the real propagation (automatic approval), deployed to an inference
 * run that records predictions, with a control pipeline scoring the same inputs.
 */
final class LineageBenchmark {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");
    private static final String INSTANCE = "lineage-1";
    private static final int STATISTIC_NAMES = 20;

    private LineageBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) throws Exception {
        long statistics = ctx.quick() ? 1_000_000 : 10_000_000;
        long predictions = ctx.quick() ? 100_000 : 1_000_000;
        int trainings = ctx.quick() ? 100 : 500;
        Path folder = ctx.folder("lineage");
        try (GovernanceStore store = StoreBenchmarks.openStore(folder)) {
            String ion = demoIon();
            store.addIonDefinition("demo-approved-retraining", ion);
            store.ingest(new IngestBatch(List.of(new IonInstanceRecord(INSTANCE, "demo-approved-retraining", 1, T0, "lineage bench"))));
            ModelPropagation propagation = new ModelPropagation(store, Clock.systemUTC());
            ctx.say(String.format("storing %,d trainings, %,d statistic points and %,d predictions (with a canary's)...", trainings,
                    statistics, predictions));
            long start = System.nanoTime();
            long statisticsPerTraining = statistics / trainings;
            long predictionsPerModel = predictions / trainings;
            List<String> predictionIds = new ArrayList<>();
            Random random = new Random(7);
            for (int t = 0; t < trainings; t++) {
                Instant trained = T0.plusSeconds(3600L * t);
                String run = "train-" + t;
                String model = "model-" + t;
                List<MetadataRecord> records = new ArrayList<>();
                records.add(new RunRecord(run, INSTANCE, "train-recommender", RunRecord.NodeKind.PIPELINE, trained, "spark-host", "spark",
                        "4.0.1", "agent-spark", "https://git.example.org/clinic-ml/test-recommendation.git", "4a58347",
                        "{\"regParam\":0.01,\"elasticNetParam\":0.0,\"maxIter\":10}", "scheduler"));
                String digest = sha(run);
                records.add(new DatasetRecord("dataset:" + digest, "file:///data/batch-" + t + ".csv", 180_000, digest, null, trained));
                records.add(new DatasetUseRecord(run + ":use", run, "dataset:" + digest, DatasetUseRecord.Direction.READ, trained));
                for (int s = 0; s < 4; s++) {
                    records.add(new SearchResultRecord(run + ":search-" + s, run, "{\"regParam\":" + s + "}", "areaUnderROC",
                            0.8 + s / 100.0, s == 3));
                }
                for (long i = 0; i < statisticsPerTraining; i++) {
                    records.add(new StatisticRecord(run + ":s" + i, run, "fit", "stat-" + (i % STATISTIC_NAMES),
                            trained.plusMillis(i), Math.sin(i), null));
                    if (records.size() >= 50_000) {
                        store.ingest(new IngestBatch(records));
                        records = new ArrayList<>();
                    }
                }
                records.add(new StatisticRecord(run + ":auc", run, "evaluate", "auc", trained.plusSeconds(60), 0.87, null));
                byte[] bytes = ("<PMML model=\"" + t + "\"/>").getBytes(StandardCharsets.UTF_8);
                records.add(new ModelRecord(model, run, "lr", ModelRecord.ModelFormat.PMML, sha(bytes), bytes.length, trained.plusSeconds(61),
                        bytes, null, null));
                records.add(new RunEndRecord(run + ":end", run, trained.plusSeconds(62), RunStatus.SUCCEEDED));
                MessageRecord candidate = new MessageRecord(run + ":msg", INSTANCE, "candidate-model", MessageRecord.MessageType.MODEL, run,
                        null, trained.plusSeconds(61), null, model, null);
                records.add(candidate);
                store.ingest(new IngestBatch(records));
                List<MetadataRecord> decided = propagation.afterIngest(List.of(candidate));
                String deployment = decided.stream().filter(r -> r instanceof MessageRecord m && "approved-model".equals(m.channel()))
                        .map(MetadataRecord::id).findFirst().orElseThrow(() -> new IllegalStateException("the model was not approved"));

                // The inference run that used this model for the next hour, and a canary beside it.
                String infer = "infer-" + t;
                String canary = "canary-" + t;
                Instant served = trained.plusSeconds(120);
                records = new ArrayList<>();
                records.add(new RunRecord(infer, INSTANCE, "recommend-tests", RunRecord.NodeKind.PIPELINE, served, "flink-host", "flink",
                        "2.1.1", "agent-flink", "https://git.example.org/clinic-ml/test-recommendation.git", "151e90e", null, "scheduler"));
                records.add(new RunRecord(canary, INSTANCE, "recommend-tests-canary", RunRecord.NodeKind.PIPELINE, served, "flink-host",
                        "flink", "2.1.1", "agent-flink", "https://git.example.org/clinic-ml/test-recommendation.git", "e839792", null,
                        "scheduler"));
                records.add(new MessageReceivedRecord(infer + ":rcv", deployment, infer, served));
                records.add(new EventRecord(infer + ":drift", INSTANCE, infer, served.plusSeconds(1800), "input-drift",
                        EventRecord.Severity.WARNING, "age drifted", null));
                for (long p = 0; p < predictionsPerModel; p++) {
                    Instant at = served.plusMillis(p * 3_000_000 / predictionsPerModel);
                    String input = "{\"encounterId\":\"enc-" + t + "-" + p + "\",\"age\":" + (20 + p % 60) + "}";
                    String inputDigest = sha(input);
                    String id = "enc-" + t + "-" + p + "@recommend-tests";
                    records.add(new PredictionRecord(id, infer, at, List.of(model), inputDigest, input, "{\"probability\":0.4}"));
                    records.add(new PredictionRecord("enc-" + t + "-" + p + "@canary", canary, at, List.of(model), inputDigest, input,
                            "{\"probability\":0.41}"));
                    if (random.nextInt(100) == 0) {
                        predictionIds.add(id);
                    }
                    if (records.size() >= 20_000) {
                        store.ingest(new IngestBatch(records));
                        records = new ArrayList<>();
                    }
                }
                store.ingest(new IngestBatch(records));
                if ((t + 1) % Math.max(1, trainings / 10) == 0) {
                    ctx.say(String.format("  %d of %d trainings stored (%.0f s)", t + 1, trainings, (System.nanoTime() - start) / 1e9));
                }
            }

            // Time each store call the lineage makes: where the milliseconds go, measured, not guessed.
            Map<String, long[]> perCall = new TreeMap<>();
            GovernanceStore timed = (GovernanceStore) Proxy.newProxyInstance(GovernanceStore.class.getClassLoader(),
                    new Class<?>[] {GovernanceStore.class}, (proxy, method, args) -> {
                        long s = System.nanoTime();
                        try {
                            return method.invoke(store, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            long[] sum = perCall.computeIfAbsent(method.getName(), k -> new long[2]);
                            sum[0]++;
                            sum[1] += System.nanoTime() - s;
                        }
                    });
            Lineage lineage = new Lineage(timed, 0.15);
            int queries = 200;
            long[] nanos = new long[queries];
            int models = 0;
            for (int q = -20; q < queries; q++) {
                String id = predictionIds.get(random.nextInt(predictionIds.size()));
                long s = System.nanoTime();
                PredictionLineage found = lineage.ofPrediction(id).orElseThrow();
                long took = System.nanoTime() - s;
                if (found.models().isEmpty() || found.models().get(0).deployment() == null || found.control().isEmpty()) {
                    throw new IllegalStateException("incomplete lineage for " + id);
                }
                models += found.models().size();
                if (q >= 0) {
                    nanos[q] = took;
                }
            }
            Arrays.sort(nanos);
            StringBuilder breakdown = new StringBuilder();
            perCall.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).forEach(e -> breakdown
                    .append(breakdown.length() == 0 ? "" : ", ").append(String.format("%s %.2f ms x%.1f", e.getKey(),
                            e.getValue()[1] / 1e6 / (queries + 20), e.getValue()[0] / (double) (queries + 20))));
            ctx.say("  time per lineage by store call: " + breakdown);
            String note = String.format("%,d statistic points, %,d predictions plus a canary's, %d models through the real propagation;"
                    + " %d lineages of random predictions (model, training run, %d statistics, data, search, policy step,"
                    + " deployment, canary, events)", statistics, predictions, trainings, queries, STATISTIC_NAMES + 1);
            return List.of(Figure.plain("lineage", "prediction lineage p50", nanos[queries / 2] / 1e6, "ms", null, note),
                    Figure.atMost("lineage", "prediction lineage p99", nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6, "ms", 20, null,
                            note));
        }
    }

    private static String demoIon() throws IOException {
        try (InputStream in = org.iongov.demo.Demo.class.getResourceAsStream("demo-c.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha(String text) {
        return sha(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
