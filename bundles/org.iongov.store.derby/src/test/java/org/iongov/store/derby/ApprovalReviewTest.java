package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.policy.ApprovalReview;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.store.GovernanceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the approval queue shows an operator, over the paper's Figure 1(c) with two approvals
 * required: a first model approved and serving, a second one waiting, trained on changed data.
 */
class ApprovalReviewTest {

    private static final String ION = "test-recommendation-approved-retraining";
    private static final Instant T0 = Instant.now().minusSeconds(600);

    @TempDir
    Path temp;

    private GovernanceStore store;
    private ModelPropagation propagation;

    @BeforeEach
    void open() throws Exception {
        store = new DerbyStoreProvider().openEmbedded(temp.resolve("store"));
        Path examples = Path.of(System.getProperty("iongov.root", "../.."), "ion-model", "examples");
        store.addIonDefinition(ION, Files.readString(examples.resolve("c-retraining-with-approval.json")));
        propagation = new ModelPropagation(store, Clock.systemUTC());
        ingest(List.of(new IonInstanceRecord("c-1", ION, 1, T0, null)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void ingest(List<MetadataRecord> records) {
        store.ingest(new IngestBatch(records));
        propagation.afterIngest(records);
    }

    /** A training run on a batch file with the given content digest; its model goes to the approval node. */
    private String train(int n, String digest, double auc, Double accuracy) throws Exception {
        byte[] bytes = ("<PMML n=\"" + n + "\"/>").getBytes(StandardCharsets.UTF_8);
        Instant t = T0.plusSeconds(10L * n);
        String run = "train-" + n;
        List<MetadataRecord> records = new ArrayList<>(List.of(
                new RunRecord(run, "c-1", "train-recommender", RunRecord.NodeKind.PIPELINE, t, "h", "spark", "4.0.1", "a", "git://clinic",
                        "4a58347", "{\"regParam\":0.01}", "dana"),
                new DatasetRecord("dataset:" + digest, "file:///data/encounters.csv", 1234, digest, null, t),
                new DatasetUseRecord("use-" + n, run, "dataset:" + digest, DatasetUseRecord.Direction.READ, t.plusMillis(1)),
                new StatisticRecord("auc-" + n, run, "evaluate", "auc", t.plusMillis(2), auc, null)));
        if (accuracy != null) {
            records.add(new StatisticRecord("acc-" + n, run, "evaluate", "accuracy", t.plusMillis(2), accuracy, null));
        }
        records.add(new ModelRecord("model-" + n, run, "lr", ModelRecord.ModelFormat.PMML, MetadataStoreTest.sha256(bytes), bytes.length,
                t.plusMillis(3), bytes, null, null));
        records.add(new MessageRecord("candidate-" + n, "c-1", "candidate-model", MessageRecord.MessageType.MODEL, run, null,
                t.plusMillis(4), null, "model-" + n, null));
        ingest(records);
        return "model-" + n;
    }

    @Test
    void aWaitingModelIsShownBesideTheModelItWouldReplace() throws Exception {
        String serving = train(1, "d1gest-one", 0.84, 0.80);
        propagation.decideByPeople("candidate-1", "olivia", "operator", true, "fine");
        propagation.decideByPeople("candidate-1", "oscar", "operator", true, null);
        MessageRecord delivery = propagation.deliveries("c-1", "recommend-tests", null, null).get(0);
        ingest(List.of(new RunRecord("infer-1", "c-1", "recommend-tests", RunRecord.NodeKind.PIPELINE, T0.plusSeconds(15), "h", "flink",
                "2.1.1", "a", "git://clinic", "4a58347", null, "scheduler"),
                new MessageReceivedRecord("rcv-1", delivery.id(), "infer-1", T0.plusSeconds(16))));
        String waiting = train(2, "d1gest-two", 0.88, null);
        propagation.decideByPeople("candidate-2", "olivia", "operator", true, "better AUC");

        List<ApprovalReview> reviews = ApprovalReview.pending(store, propagation, "c-1", Instant.now());
        assertEquals(1, reviews.size());
        ApprovalReview review = reviews.get(0);
        assertEquals(waiting, review.pending().modelId());
        assertEquals("clinical-approval", review.pending().policyNode());
        assertEquals(1, review.pending().approvals());
        assertEquals(2, review.pending().required());
        assertEquals("train-2", review.candidate().trainingRun().start().id());
        assertEquals(List.of("recommend-tests"), review.reaches());
        assertEquals(1, review.inProduction().size());
        assertEquals(serving, review.inProduction().get(0).model().model().id());
        assertEquals("recommend-tests", review.inProduction().get(0).node());

        ApprovalReview.MetricComparison auc = review.metrics().stream().filter(m -> m.statistic().equals("auc")).findFirst().orElseThrow();
        assertEquals(0.88, auc.candidate());
        assertEquals(0.84, auc.production());
        assertEquals(0.04, auc.difference(), 1e-12);
        ApprovalReview.MetricComparison accuracy = review.metrics().stream().filter(m -> m.statistic().equals("accuracy")).findFirst()
                .orElseThrow();
        assertNull(accuracy.candidate(), "the candidate's run did not report accuracy");
        assertNull(accuracy.difference());

        assertEquals(1, review.data().size());
        ApprovalReview.DataComparison data = review.data().get(0);
        assertEquals("file:///data/encounters.csv", data.uri());
        assertEquals("d1gest-two", data.candidateDigest());
        assertEquals("d1gest-one", data.productionDigest());
        assertFalse(data.sameContent(), "the batch file changed between the two trainings");
    }

    @Test
    void theFirstModelHasNothingInProductionToCompareWith() throws Exception {
        String first = train(1, "d1gest-one", 0.84, null);
        ApprovalReview review = ApprovalReview.pending(store, propagation, null, Instant.now()).get(0);
        assertEquals(first, review.pending().modelId());
        assertTrue(review.inProduction().isEmpty());
        assertEquals(0.84, review.metrics().get(0).candidate());
        assertNull(review.metrics().get(0).production());
        assertNull(review.data().get(0).productionDigest());
        assertFalse(review.data().get(0).sameContent());
        assertFalse(new ApprovalReview.DataComparison("file:///x", null, null).sameContent(), "two unknown signatures are not the same");
        assertTrue(ApprovalReview.pending(store, propagation, "another-instance", Instant.now()).isEmpty());
    }
}
