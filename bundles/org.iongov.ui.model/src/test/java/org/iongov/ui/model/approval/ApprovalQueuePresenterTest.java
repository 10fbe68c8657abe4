package org.iongov.ui.model.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.DataRow;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.MetricRow;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.Outcome;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.Property;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.QueueRow;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.Review;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The approval queue's presenter over a real embedded store filled through ingest and the real model propagation. */
class ApprovalQueuePresenterTest {

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovalScenario clinic;

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        String ion = Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
        clinic = ApprovalScenario.record(store, ion, "q1", Instant.now().minusSeconds(3600));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static ApprovalQueuePresenter as(String user) {
        return new ApprovalQueuePresenter(store, Clock.systemUTC(), user, "operator", ZoneOffset.UTC);
    }

    private static Candidate candidate(String suffix, String startedBy) {
        return clinic.candidate(suffix, startedBy, Instant.now().minusSeconds(600), "beef" + "00".repeat(30),
                Map.of("auc", 0.91, "recall-at-3", 0.69, "precision-at-3", 0.52));
    }

    private static PendingApproval waiting(ApprovalQueuePresenter presenter, Candidate c) {
        return presenter.queue().stream().map(QueueRow::pending).filter(p -> p.modelId().equals(c.model())).findFirst().orElseThrow();
    }

    @Test
    void theQueueListsExactlyTheModelsWaitingForPeople() {
        Candidate c = candidate("list", "dana");
        ApprovalQueuePresenter presenter = as("carol");
        List<QueueRow> rows = presenter.queue();

        List<String> expected = new ModelPropagation(store, Clock.systemUTC()).pending(null).stream().map(PendingApproval::modelId).toList();
        assertEquals(expected, rows.stream().map(QueueRow::modelId).toList());
        assertFalse(rows.stream().anyMatch(r -> r.modelId().equals(clinic.productionModel())), "the approved model waits no more");
        QueueRow row = rows.stream().filter(r -> r.modelId().equals(c.model())).findFirst().orElseThrow();
        assertEquals(ApprovalQueuePresenter.QUEUE_COLUMNS.size(), row.cells().size());
        assertEquals(List.of(c.model(), clinic.instance(), ApprovalScenario.POLICY_NODE), row.cells().subList(0, 3));
        assertEquals("0 of 2", row.cells().get(4));
        assertTrue(ApprovalQueuePresenter.queueMessage(rows.size()).startsWith(rows.size() + " model"));
        assertEquals("No models are waiting for approval.", ApprovalQueuePresenter.queueMessage(0));
    }

    @Test
    void theReviewSetsTheCandidatesTrainingBesideTheModelInProduction() {
        Candidate c = candidate("review", "dana");
        ApprovalQueuePresenter presenter = as("carol");
        Review review = presenter.review(waiting(presenter, c));

        MetricRow auc = review.metrics().stream().filter(m -> m.statistic().equals("auc")).findFirst().orElseThrow();
        assertEquals(0.91, auc.candidate());
        assertEquals(0.88, auc.production());
        assertEquals(0.03, auc.difference(), 1e-12);
        assertEquals(List.of("auc", "0.9100", "0.8800", "+0.0300"), auc.cells());
        MetricRow precision = review.metrics().stream().filter(m -> m.statistic().equals("precision-at-3")).findFirst().orElseThrow();
        assertNull(precision.production(), "production's training did not report it");
        assertEquals(ApprovalQueuePresenter.NONE, precision.cells().get(3));
        MetricRow logLoss = review.metrics().stream().filter(m -> m.statistic().equals("log-loss")).findFirst().orElseThrow();
        assertNull(logLoss.candidate());

        DataRow encounters = review.data().stream().filter(d -> d.uri().equals(ApprovalScenario.ENCOUNTERS)).findFirst().orElseThrow();
        assertTrue(encounters.changed());
        assertEquals("changed", encounters.cells().get(3));
        assertEquals("beef" + "00".repeat(30), encounters.candidateDigest());
        assertEquals("beef00000000…", encounters.cells().get(1), "shown as the lineage explorer shows digests");
        assertEquals("c0ffee000000…", encounters.cells().get(2));
        DataRow outcomes = review.data().stream().filter(d -> d.uri().equals(ApprovalScenario.OUTCOMES)).findFirst().orElseThrow();
        assertFalse(outcomes.changed());
        assertEquals("same", outcomes.cells().get(3));

        assertEquals("spark 4.0.1", property(review, "engine"));
        assertEquals("https://git.example.org/clinic-ml/test-recommendation.git @ 4a58347", property(review, "code"));
        assertEquals("{\"maxIter\":10,\"regParam\":0.01}", property(review, "parameters"));
        assertEquals("dana", property(review, "started by"));
        assertEquals(c.trainingRun(), property(review, "training run"));
        assertTrue(review.summary().contains("It would replace " + clinic.productionModel() + " at " + ApprovalScenario.INFERENCE_NODE),
                review.summary());
        assertTrue(review.summary().contains("0 of 2 approvals"), review.summary());
        assertTrue(review.decisions().isEmpty());
    }

    @Test
    void approvalsAreRecordedAsTheUserAndTheSecondDeliversTheModel() {
        Candidate c = candidate("approve", "dana");
        ApprovalQueuePresenter carol = as("carol");
        Outcome first = carol.decide(waiting(carol, c), true, "AUC up, recall about the same");
        assertTrue(first.accepted(), first.message());
        assertEquals("waiting", first.decision().status());
        assertTrue(first.message().contains("1 of 2 approvals"), first.message());
        List<HumanActionRecord> actions = store.humanActions(new RecordQuery(null, null, "approve", c.model(), null, 10));
        assertEquals(List.of("carol"), actions.stream().map(HumanActionRecord::actor).toList());
        assertEquals("AUC up, recall about the same", actions.get(0).comment());
        assertEquals("1 of 2", waiting(carol, c).approvals() + " of " + waiting(carol, c).required());

        // The same person again: refused in plain words, nothing recorded.
        Outcome again = carol.decide(waiting(carol, c), true, null);
        assertFalse(again.accepted());
        assertTrue(again.message().startsWith("carol already approved model " + c.model()), again.message());
        assertEquals(1, store.humanActions(new RecordQuery(null, null, "approve", c.model(), null, 10)).size());
        assertEquals(1, carol.review(waiting(carol, c)).decisions().size());

        ApprovalQueuePresenter quentin = as("quentin");
        Outcome second = quentin.decide(waiting(quentin, c), true, null);
        assertTrue(second.accepted(), second.message());
        assertEquals("approved", second.decision().status());
        List<MessageRecord> deliveries = new ModelPropagation(store, Clock.systemUTC()).deliveries(clinic.instance(),
                ApprovalScenario.INFERENCE_NODE, null, null);
        assertTrue(deliveries.stream().anyMatch(m -> c.model().equals(m.modelId())), "delivered to the inference node");
        assertFalse(quentin.queue().stream().anyMatch(r -> r.modelId().equals(c.model())), "no longer waiting");
        List<String> history = quentin.history().stream().filter(d -> d.action().subjectId().equals(c.model()))
                .map(d -> d.cells().get(1) + " " + d.cells().get(3)).toList();
        assertEquals(List.of("quentin approve", "carol approve"), history, "newest first");
    }

    @Test
    void separationOfDutiesIsRefusedInPlainWords() {
        Candidate c = candidate("own", "carol");
        ApprovalQueuePresenter carol = as("carol");
        Outcome refused = carol.decide(waiting(carol, c), true, "my own model is great");
        assertFalse(refused.accepted());
        assertTrue(refused.message().startsWith("Refused: carol started the run that produced model " + c.model()), refused.message());
        assertTrue(refused.message().contains("separation of duties"), refused.message());
        assertTrue(store.humanActions(new RecordQuery(null, null, null, c.model(), null, 10)).isEmpty(), "nothing recorded");
    }

    @Test
    void aRejectionNeedsACommentAndStopsTheModel() {
        Candidate c = candidate("reject", "dana");
        ApprovalQueuePresenter carol = as("carol");
        Outcome noReason = carol.decide(waiting(carol, c), false, "  ");
        assertFalse(noReason.accepted());
        assertEquals("Say why you reject model " + c.model() + ": a rejection needs a comment.", noReason.message());

        PendingApproval p = waiting(carol, c);
        Outcome rejected = carol.decide(p, false, "recall dropped on the new encounters");
        assertTrue(rejected.accepted(), rejected.message());
        assertEquals("rejected", rejected.decision().status());
        assertFalse(carol.queue().stream().anyMatch(r -> r.modelId().equals(c.model())));
        // Deciding again on what was decided meanwhile (e.g. by a colleague) is refused, not a stack trace.
        Outcome late = as("quentin").decide(p, true, null);
        assertFalse(late.accepted());
        assertTrue(late.message().startsWith("Refused: "), late.message());
    }

    private static String property(Review review, String name) {
        return review.training().stream().filter(p -> p.name().equals(name)).map(Property::value).findFirst().orElse(null);
    }
}
