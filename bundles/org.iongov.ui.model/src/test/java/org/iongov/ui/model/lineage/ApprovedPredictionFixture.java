package org.iongov.ui.model.lineage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;

/**
 * The paper's Figure 1(c) as the server records it: a training run (started by dana) reads a
 * dataset and publishes a model; the human-approval node parks it until olivia and oscar approve;
 * the propagation delivers it to the inference run, which makes predictions with it. Everything
 * goes through {@link GovernanceStore#ingest} and the real {@link ModelPropagation}.
 */
final class ApprovedPredictionFixture {

    static final String ION = "test-recommendation-approved-retraining";

    final String instance;
    final String dataset;
    final String trainingRun;
    final String model;
    final String sha256;
    final String inferenceRun;
    final List<String> predictions = new ArrayList<>();

    private ApprovedPredictionFixture(String suffix, String sha256) {
        instance = "c-" + suffix;
        dataset = "dataset:batch-" + suffix;
        trainingRun = "train-" + suffix;
        model = "model-" + suffix;
        inferenceRun = "infer-" + suffix;
        this.sha256 = sha256;
    }

    static ApprovedPredictionFixture record(GovernanceStore store, String suffix, int predictionCount) throws Exception {
        if (store.ionDefinition(ION, 1).isEmpty()) {
            Path sample = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
            store.addIonDefinition(ION, Files.readString(sample));
        }
        byte[] bytes = ("<PMML model=\"" + suffix + "\"/>").getBytes(StandardCharsets.UTF_8);
        ApprovedPredictionFixture f = new ApprovedPredictionFixture(suffix,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        ModelPropagation propagation = new ModelPropagation(store, Clock.systemUTC());
        Instant t0 = Instant.now().minusSeconds(60);
        String candidate = "msg-candidate-" + suffix;
        List<MetadataRecord> training = List.of(
                new IonInstanceRecord(f.instance, ION, 1, t0, null),
                new RunRecord(f.trainingRun, f.instance, "train-recommender", RunRecord.NodeKind.PIPELINE, t0, "h", "spark", "4.0.1",
                        "agent-spark", "git://clinic", "4a58347", "{\"regParam\":0.01}", "dana"),
                new DatasetRecord(f.dataset, "file:///data/batch-" + suffix + ".csv", 1234, "abc" + suffix, null, t0),
                new DatasetUseRecord("use-" + suffix, f.trainingRun, f.dataset, DatasetUseRecord.Direction.READ, t0.plusMillis(1)),
                new StatisticRecord("auc-" + suffix, f.trainingRun, "evaluate", "auc", t0.plusMillis(2), 0.91, null),
                new ModelRecord(f.model, f.trainingRun, "lr", ModelRecord.ModelFormat.PMML, f.sha256, bytes.length, t0.plusMillis(3), bytes,
                        null, null),
                new MessageRecord(candidate, f.instance, "candidate-model", MessageRecord.MessageType.MODEL, f.trainingRun, null,
                        t0.plusMillis(4), null, f.model, null));
        store.ingest(new IngestBatch(training));
        propagation.afterIngest(training);
        propagation.decideByPeople(candidate, "olivia", "operator", true, "fine");
        propagation.decideByPeople(candidate, "oscar", "operator", true, null);
        MessageRecord delivery = propagation.deliveries(f.instance, "recommend-tests", null, null).get(0);

        Instant t1 = Instant.now();
        List<MetadataRecord> serving = new ArrayList<>(List.of(
                new RunRecord(f.inferenceRun, f.instance, "recommend-tests", RunRecord.NodeKind.PIPELINE, t1, "h", "flink", "2.1.1",
                        "agent-flink", "git://clinic", "4a58347", null, "scheduler"),
                new MessageReceivedRecord("rcv-" + suffix, delivery.id(), f.inferenceRun, t1.plusMillis(1))));
        for (int i = 0; i < predictionCount; i++) {
            String id = "enc-" + i + "-" + suffix;
            serving.add(new PredictionRecord(id, f.inferenceRun, t1.plusMillis(5 + i), List.of(f.model), "digest-" + i + "-" + suffix,
                    "{\"age\":" + (40 + i) + "}", "{\"probability\":0.42}"));
            f.predictions.add(id);
        }
        store.ingest(new IngestBatch(serving));
        propagation.afterIngest(serving);
        return f;
    }
}
