package org.iongov.ui.model.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
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
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The paper's Figure 1(c) recorded the way the server records it, for the workbench's tests,
 * screenshots and demos: an instance of the retraining-with-approval ION in which one model was
 * trained (statistics, data with digests), approved by two people, delivered to the running
 * inference pipeline and received by it; further candidates can then be trained and parked at
 * the human-approval node. {@link #recordWithoutApproval} records the same with an automatic
 * approval instead, so that a model serves without any person's approval; {@link #predict}
 * records what the inference run scored. Everything goes through {@link GovernanceStore#ingest} and the real
 * {@link ModelPropagation}.
 */
public final class ApprovalScenario {

    /** The name the ION definition is stored under. */
    public static final String ION = "test-recommendation-approved-retraining";
    /** Figure 1(c) with an automatic approval instead of people's ({@link #recordWithoutApproval}). */
    public static final String AUTOMATIC_ION = "test-recommendation-automatic-retraining";
    public static final String TRAINING_NODE = "train-recommender";
    public static final String POLICY_NODE = "clinical-approval";
    public static final String INFERENCE_NODE = "recommend-tests";
    /** The training data's location: each training reads it, each time with the digest it had then. */
    public static final String ENCOUNTERS = "file:///data/clinic/encounters.parquet";
    /** Labels that do not change between trainings. */
    public static final String OUTCOMES = "file:///data/clinic/outcomes.parquet";
    private static final String OUTCOMES_DIGEST = "5f1c0e2a9b7d44aa0d3c6e81b2f90a17c4d5e6f708192a3b4c5d6e7f8091a2b3";

    private final GovernanceStore store;
    /** The propagation's clock follows the scenario's times, so policy runs and deliveries happen when the scenario says. */
    private final ScenarioClock clock = new ScenarioClock();
    private final ModelPropagation propagation;
    private final String instance;
    private final String productionModel;
    private final String inferenceRun;
    private final Instant start;

    /** A model trained and parked at the approval node. */
    public record Candidate(String model, String message, String trainingRun) {
    }

    private ApprovalScenario(GovernanceStore store, String instance, String productionModel, String inferenceRun, Instant start) {
        this.store = store;
        this.propagation = new ModelPropagation(store, clock);
        this.instance = instance;
        this.productionModel = productionModel;
        this.inferenceRun = inferenceRun;
        this.start = start;
    }

    /**
     * Records an instance whose first model (trained by dana, approved by olivia and oscar) is in
     * production at the inference node, starting at {@code start}.
     *
     * @param ionJson the ION definition (ion-model/examples/c-retraining-with-approval.json), stored
     *        under {@link #ION} unless already there
     * @param suffix makes the ids unique in the store
     */
    public static ApprovalScenario record(GovernanceStore store, String ionJson, String suffix, Instant start) {
        if (store.ionDefinition(ION, 1).isEmpty()) {
            store.addIonDefinition(ION, ionJson);
        }
        ApprovalScenario scenario = begin(store, ION, "clinic-" + suffix, suffix, start);
        Candidate first = scenario.train(scenario.productionModel, "train-" + suffix + "-1", "dana", start,
                "c0ffee" + "00".repeat(29), Map.of("auc", 0.88, "recall-at-3", 0.71, "log-loss", 0.42));
        scenario.clock.now = start.plusSeconds(12);
        scenario.propagation.decideByPeople(first.message(), "olivia", "clinical-lead", true, "recall is good enough for a first model");
        scenario.clock.now = start.plusSeconds(15);
        scenario.propagation.decideByPeople(first.message(), "oscar", "clinical-lead", true, null);
        scenario.serve(first);
        return scenario;
    }

    /**
     * Records an instance of {@link #AUTOMATIC_ION}, Figure 1(c) with its human approval replaced by
     * an automatic approval: the first model (trained by dana) goes to the inference node without
     * any person's approval and serves there, which the default compliance policy
     * {@code serving-models-approved} reports as a violation.
     *
     * @param ionJson Figure 1(c)'s definition, from which {@link #AUTOMATIC_ION} is derived (stored unless already there)
     * @param suffix makes the ids unique in the store
     */
    public static ApprovalScenario recordWithoutApproval(GovernanceStore store, String ionJson, String suffix, Instant start) {
        if (store.ionDefinition(AUTOMATIC_ION, 1).isEmpty()) {
            store.addIonDefinition(AUTOMATIC_ION, automaticApproval(ionJson));
        }
        ApprovalScenario scenario = begin(store, AUTOMATIC_ION, "auto-" + suffix, suffix, start);
        Candidate first = scenario.train(scenario.productionModel, "train-" + suffix + "-1", "dana", start,
                "c0ffee" + "00".repeat(29), Map.of("auc", 0.86, "recall-at-3", 0.70));
        scenario.serve(first);
        return scenario;
    }

    private static ApprovalScenario begin(GovernanceStore store, String ion, String instance, String suffix, Instant start) {
        store.ingest(new IngestBatch(List.of(new IonInstanceRecord(instance, ion, 1, start, null))));
        return new ApprovalScenario(store, instance, "model-" + suffix + "-1", "infer-" + suffix, start);
    }

    /** The inference run starts 20 s after the scenario and takes in the first model, delivered by the policy node. */
    private void serve(Candidate first) {
        MessageRecord delivery = propagation.deliveries(instance, INFERENCE_NODE, null, null).stream()
                .filter(m -> first.model().equals(m.modelId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the approved model was not delivered to " + INFERENCE_NODE));
        Instant serving = start.plusSeconds(20);
        clock.now = serving;
        List<MetadataRecord> records = List.of(
                new RunRecord(inferenceRun, instance, INFERENCE_NODE, RunRecord.NodeKind.PIPELINE, serving, "node-2", "flink",
                        "2.1.1", "agent-flink", "https://git.example.org/clinic-ml/test-recommendation.git", "151e90e", null, "scheduler"),
                new MessageReceivedRecord("rcv-" + delivery.id(), delivery.id(), inferenceRun, serving.plusMillis(5)));
        ingest(records);
    }

    /** Figure 1(c) renamed {@link #AUTOMATIC_ION}, its policy node approving every model by itself. */
    static String automaticApproval(String figure1c) {
        try {
            ObjectNode ion = (ObjectNode) MetadataJson.MAPPER.readTree(figure1c);
            ion.put("name", AUTOMATIC_ION);
            ion.put("description", "Figure 1(c) with an automatic approval: retrained models reach the inference pipeline unreviewed.");
            for (JsonNode node : ion.withArray("nodes")) {
                if ("policy".equals(node.path("type").asText())) {
                    ObjectNode policy = (ObjectNode) node;
                    policy.retain("type", "name");
                    policy.put("kind", "automatic-approval");
                }
            }
            return MetadataJson.MAPPER.writeValueAsString(ion);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Figure 1(c)'s definition is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The inference run scores {@code count} encounters with the model in production, one
     * millisecond apart from {@code at}.
     *
     * @return the predictions' ids
     */
    public List<String> predict(int count, Instant at) {
        List<MetadataRecord> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "enc-" + inferenceRun + "-" + i;
            records.add(new PredictionRecord(id, inferenceRun, at.plusMillis(i), List.of(productionModel), "digest-" + inferenceRun + "-" + i,
                    "{\"age\":" + (40 + i % 50) + "}", "{\"probability\":0.42}"));
            ids.add(id);
        }
        ingest(records);
        return ids;
    }

    /**
     * A training run started by {@code startedBy} reads the encounters (with the given digest) and
     * the unchanged outcomes, reports the statistics, publishes a model on the candidate channel
     * and ends; the model then waits at the approval node.
     */
    public Candidate candidate(String suffix, String startedBy, Instant at, String encountersDigest, Map<String, Double> statistics) {
        return train("model-" + suffix, "train-" + suffix, startedBy, at, encountersDigest, statistics);
    }

    private Candidate train(String model, String run, String startedBy, Instant at, String encountersDigest, Map<String, Double> statistics) {
        byte[] bytes = ("<PMML model=\"" + model + "\"/>").getBytes(StandardCharsets.UTF_8);
        String message = "msg-" + model;
        List<MetadataRecord> records = new ArrayList<>(List.of(
                new RunRecord(run, instance, TRAINING_NODE, RunRecord.NodeKind.PIPELINE, at, "node-1", "spark", "4.0.1", "agent-spark",
                        "https://git.example.org/clinic-ml/test-recommendation.git", "4a58347", "{\"maxIter\":10,\"regParam\":0.01}",
                        startedBy),
                new DatasetRecord("dataset:encounters@" + encountersDigest.substring(0, 12), ENCOUNTERS, 48_213_000, encountersDigest, null,
                        at),
                new DatasetRecord("dataset:outcomes", OUTCOMES, 2_104_000, OUTCOMES_DIGEST, null, at),
                new DatasetUseRecord("use-" + run + "-encounters", run, "dataset:encounters@" + encountersDigest.substring(0, 12),
                        DatasetUseRecord.Direction.READ, at.plusMillis(10)),
                new DatasetUseRecord("use-" + run + "-outcomes", run, "dataset:outcomes", DatasetUseRecord.Direction.READ, at.plusMillis(11))));
        int i = 0;
        for (Map.Entry<String, Double> s : new java.util.TreeMap<>(statistics).entrySet()) {
            records.add(new StatisticRecord("stat-" + run + "-" + s.getKey(), run, "evaluate", s.getKey(), at.plusSeconds(5).plusMillis(i++),
                    s.getValue(), null));
        }
        records.add(new ModelRecord(model, run, "logistic-regression", ModelRecord.ModelFormat.PMML, sha256(bytes), bytes.length,
                at.plusSeconds(6), bytes, null, null));
        records.add(new MessageRecord(message, instance, "candidate-model", MessageRecord.MessageType.MODEL, run, null, at.plusSeconds(7),
                null, model, null));
        records.add(new RunEndRecord("end-" + run, run, at.plusSeconds(8), RunStatus.SUCCEEDED));
        clock.now = at.plusSeconds(8);
        ingest(records);
        return new Candidate(model, message, run);
    }

    /**
     * Records {@code count} points of a statistic a run reported, {@code everyMillis} apart from
     * {@code start}, in ingest batches of 10,000.
     *
     * @param value the value of the i-th point
     */
    public static void recordStatistic(GovernanceStore store, String runId, String name, Instant start, int count, long everyMillis,
            java.util.function.IntToDoubleFunction value) {
        for (int from = 0; from < count; from += 10_000) {
            List<MetadataRecord> batch = new ArrayList<>(Math.min(10_000, count - from));
            for (int i = from; i < Math.min(count, from + 10_000); i++) {
                batch.add(new StatisticRecord(runId + "-" + name + "-" + i, runId, "monitor", name, start.plusMillis(i * everyMillis),
                        value.applyAsDouble(i), null));
            }
            store.ingest(new IngestBatch(batch));
        }
    }

    private void ingest(List<MetadataRecord> records) {
        store.ingest(new IngestBatch(records));
        propagation.afterIngest(records);
    }

    /** A clock that says what the scenario sets. */
    private static final class ScenarioClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public String instance() {
        return instance;
    }

    /** The model in production at the inference node. */
    public String productionModel() {
        return productionModel;
    }

    /** The running inference run that received it. */
    public String inferenceRun() {
        return inferenceRun;
    }

    public Instant start() {
        return start;
    }

    public GovernanceStore store() {
        return store;
    }
}
