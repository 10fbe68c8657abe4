package org.iongov.ui.model.modelpage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageGraph;
import org.iongov.ui.model.modelpage.ModelPagePresenter.DecisionRow;
import org.iongov.ui.model.modelpage.ModelPagePresenter.ModelPage;
import org.iongov.ui.model.modelpage.ModelPagePresenter.UseRow;
import org.iongov.ui.model.sample.ApprovalScenario;
import org.iongov.ui.model.sample.ApprovalScenario.Candidate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model page's presenter over a real embedded store filled through ingest and the real model propagation. */
class ModelPagePresenterTest {

    @TempDir
    static Path temp;

    private static GovernanceStore store;
    private static ApprovalScenario clinic;
    private static ApprovalScenario unreviewed;
    private static final GraphLayout LAYOUT = new GraphLayout();

    @BeforeAll
    static void record() throws Exception {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        String ion = Files.readString(Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json"));
        clinic = ApprovalScenario.record(store, ion, "mp", Instant.now().minusSeconds(7200));
        clinic.predict(5, Instant.now().minusSeconds(7000));
        unreviewed = ApprovalScenario.recordWithoutApproval(store, ion, "mp-auto", Instant.now().minusSeconds(3600));
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static ModelPagePresenter presenter() {
        return new ModelPagePresenter(store, Clock.systemUTC(), ZoneOffset.UTC);
    }

    private static String property(ModelPage page, String name) {
        return page.identity().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void theProductionModelsPageShowsWhatTheStoreRecordsOfIt() {
        String id = clinic.productionModel();
        ModelPage page = presenter().load(id, LAYOUT);
        ModelRecord stored = store.model(id).orElseThrow();

        assertEquals(stored.sha256(), page.sha256());
        assertEquals(stored.sha256(), property(page, "digest (sha256)"));
        assertEquals("PMML", property(page, "format"));
        assertEquals(String.format("%,d bytes", stored.size()), property(page, "size"));
        assertEquals(stored.runId(), property(page, "training run"));
        assertEquals(ApprovalScenario.TRAINING_NODE, property(page, "training node"));
        assertEquals(clinic.instance() + " (" + ApprovalScenario.ION + " v1)", property(page, "ION instance"));
        assertEquals("https://git.example.org/clinic-ml/test-recommendation.git @ 4a58347", property(page, "code"));
        assertEquals("dana", property(page, "started by"));

        // Its training statistics and data, as the store has them.
        Map<String, Double> statistics = store.latestStatistics(stored.runId());
        assertEquals(new TreeMap<>(statistics), page.metrics().stream().collect(Collectors.toMap(m -> m.statistic(), m -> m.value(),
                (a, b) -> a, TreeMap::new)));
        assertEquals(List.of("auc", "0.8800"), page.metrics().get(0).cells());
        List<String> read = store.datasetUses(new RecordQuery(stored.runId(), null, null, null, null, 100)).stream()
                .map(DatasetUseRecord::datasetId).sorted().toList();
        assertEquals(read, page.data().stream().map(d -> d.datasetId()).sorted().toList());
        for (var row : page.data()) {
            DatasetRecord dataset = store.datasets(new RecordQuery(null, null, null, row.datasetId(), null, 1)).get(0);
            assertEquals(dataset.digest(), row.digest());
            assertEquals("read", row.direction());
        }

        // The policy node approved it with the two people the store names, each with their comment.
        List<HumanActionRecord> approvals = store.humanActions(new RecordQuery(null, null, "approve", id, null, 10));
        assertEquals(approvals.stream().map(HumanActionRecord::actor).sorted().toList(), page.approvers().stream().sorted().toList());
        assertEquals(List.of("olivia", "oscar"), page.approvers());
        DecisionRow step = page.decisions().get(0);
        assertEquals(List.of(clinic.instance(), ApprovalScenario.POLICY_NODE, "approved", "policy"),
                List.of(step.instanceId(), step.policyNode(), step.decision(), step.by()));
        DecisionRow olivia = page.decisions().get(1);
        assertEquals(List.of(clinic.instance(), ApprovalScenario.POLICY_NODE, "approve", "olivia (clinical-lead)"),
                olivia.cells().subList(0, 4));
        assertEquals("recall is good enough for a first model", olivia.comment());

        // It serves at the inference node since the run received it, with the predictions recorded there.
        MessageReceivedRecord receipt = store.messageReceipts(new RecordQuery(clinic.inferenceRun(), null, null, null, null, 10)).get(0);
        assertEquals(1, page.uses().size());
        UseRow use = page.uses().get(0);
        assertEquals(List.of(clinic.instance(), ApprovalScenario.INFERENCE_NODE, clinic.inferenceRun()),
                List.of(use.instanceId(), use.node(), use.runId()));
        assertEquals(receipt.receivedAt(), use.since());
        assertEquals(5, use.predictions());
        assertEquals("serving", use.now());
        assertTrue(page.summary().contains("Approved at clinical-approval in " + clinic.instance() + " by olivia and oscar"), page.summary());
        assertTrue(page.summary().contains("Serving now at recommend-tests in " + clinic.instance()), page.summary());

        // The lineage graph starts at the model and reaches its training run and the run that serves it.
        assertEquals(LineageGraph.nodeId(NodeKind.MODEL, id), page.lineage().root());
        List<String> nodes = page.lineage().layout().graph().nodes().stream().map(GraphNode::id).toList();
        assertTrue(nodes.contains(LineageGraph.nodeId(NodeKind.RUN, stored.runId())), nodes.toString());
        assertTrue(nodes.contains(LineageGraph.nodeId(NodeKind.RUN, clinic.inferenceRun())), nodes.toString());

        assertEquals(new ModelPagePresenter.TrainingStatistics(clinic.instance(), ApprovalScenario.TRAINING_NODE, stored.runId(), "auc"),
                page.training());
        assertEquals(List.of(clinic.instance()), page.instances());
    }

    @Test
    void aCandidateWaitingForPeopleShowsTheApprovalsSoFarAndIsNotDeployed() {
        Candidate waiting = clinic.candidate("mp-wait", "dana", Instant.now().minusSeconds(600), "beef" + "00".repeat(30),
                Map.of("auc", 0.91));
        new ModelPropagation(store, Clock.systemUTC()).decideByPeople(waiting.message(), "olivia", "clinical-lead", true, "fine by me");

        ModelPage page = presenter().load(waiting.model(), LAYOUT);
        assertEquals("waiting (1 of 2 approvals)", page.decisions().get(0).decision());
        assertEquals(List.of("olivia"), page.approvers());
        assertTrue(page.uses().isEmpty());
        assertTrue(page.summary().endsWith("Not deployed."), page.summary());
    }

    @Test
    void aRejectedCandidateShowsWhoRejectedItAndWhy() {
        Candidate rejected = clinic.candidate("mp-rej", "dana", Instant.now().minusSeconds(500), "feed" + "00".repeat(30),
                Map.of("auc", 0.61));
        new ModelPropagation(store, Clock.systemUTC()).decideByPeople(rejected.message(), "oscar", "clinical-lead", false, "AUC dropped");

        ModelPage page = presenter().load(rejected.model(), LAYOUT);
        assertEquals("rejected", page.decisions().get(0).decision());
        DecisionRow oscar = page.decisions().get(1);
        assertEquals(List.of("reject", "oscar", "AUC dropped"), List.of(oscar.decision(), oscar.by(), oscar.comment()));
        assertTrue(page.approvers().isEmpty());
        assertTrue(page.summary().contains("Rejected at clinical-approval in " + clinic.instance() + " by oscar"), page.summary());
    }

    @Test
    void aModelTheRunReplacedIsNoLongerServing() {
        ApprovalScenario replaced = ApprovalScenario.record(store, store.ionDefinition(ApprovalScenario.ION, 1).orElseThrow().definitionJson(),
                "mp-repl", Instant.now().minusSeconds(5400));
        Candidate next = replaced.candidate("mp-repl-2", "dana", Instant.now().minusSeconds(4000), "abad" + "00".repeat(30),
                Map.of("auc", 0.9));
        ModelPropagation propagation = new ModelPropagation(store, Clock.systemUTC());
        propagation.decideByPeople(next.message(), "olivia", "clinical-lead", true, null);
        propagation.decideByPeople(next.message(), "oscar", "clinical-lead", true, null);
        MessageRecord delivery = propagation.deliveries(replaced.instance(), ApprovalScenario.INFERENCE_NODE, null, null).stream()
                .filter(m -> next.model().equals(m.modelId())).findFirst().orElseThrow();
        List<MetadataRecord> receipt = List.of(new MessageReceivedRecord("rcv-" + delivery.id(), delivery.id(), replaced.inferenceRun(),
                Instant.now().minusSeconds(3000)));
        store.ingest(new IngestBatch(receipt));
        propagation.afterIngest(receipt);

        assertEquals("replaced", presenter().load(replaced.productionModel(), LAYOUT).uses().get(0).now());
        ModelPage newer = presenter().load(next.model(), LAYOUT);
        assertEquals("serving", newer.uses().get(0).now());
        assertEquals(List.of("olivia", "oscar"), newer.approvers());
    }

    @Test
    void aModelServingWithoutReviewShowsTheAutomaticApprovalAndNoApprover() {
        ModelPage page = presenter().load(unreviewed.productionModel(), LAYOUT);
        assertEquals(1, page.decisions().size(), page.decisions().toString());
        DecisionRow step = page.decisions().get(0);
        assertEquals(List.of(unreviewed.instance(), ApprovalScenario.POLICY_NODE, "approved", "policy"),
                List.of(step.instanceId(), step.policyNode(), step.decision(), step.by()));
        assertTrue(step.comment().endsWith("automatic approval"), step.comment());
        assertTrue(page.approvers().isEmpty());
        assertEquals("serving", page.uses().get(0).now());
        assertEquals(0, page.uses().get(0).predictions());
    }

    @Test
    void findingAModelByItsIdOrItsBeginning() {
        ModelPagePresenter presenter = presenter();
        assertEquals(List.of(clinic.productionModel()), presenter.find(clinic.productionModel()).stream().map(m -> m.modelId()).toList());
        List<String> prefixed = presenter.find("model-mp-auto").stream().map(m -> m.modelId()).toList();
        assertEquals(List.of(unreviewed.productionModel()), prefixed);
        assertTrue(presenter.find("model-nothing-like-it").isEmpty());
        assertTrue(presenter.find("  ").isEmpty());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> presenter.load("model-nothing-like-it", LAYOUT));
        assertEquals("No model 'model-nothing-like-it' is recorded in this store.", unknown.getMessage());
        assertNotNull(presenter.find(clinic.productionModel()).get(0).summary());
    }
}
