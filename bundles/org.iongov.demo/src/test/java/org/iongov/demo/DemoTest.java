package org.iongov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.store.GovernanceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the demo for real (Spark, Flink and, in (e), TensorFlow, each in its own JVM) for a minute
 * and checks its Scenario 1 answer against what the pipelines actually did. Topology (c)'s run is
 * {@link DemoFixture}'s, shared with {@link ReproductionTest}.
 */
class DemoTest {

    @TempDir
    Path dir;

    private DemoSummary run(DemoOptions.Topology topology, PrintStream progress) throws Exception {
        DemoOptions options = new DemoOptions(topology, Duration.ofMinutes(1), dir.resolve("store"), Duration.ofSeconds(15), 100, 0.5,
                42, Path.of(System.getProperty("iongov.root")));
        return new Demo(options, progress).run();
    }

    @Test
    void topologyCTrainsApprovesDeploysAndExplainsAPrediction() throws Exception {
        DemoFixture.Run c = DemoFixture.topologyC();
        DemoSummary summary = c.summary();
        String output = c.output();
        assertTrue(output.contains("[spark]") && output.contains("[flink]"), "each engine's progress is shown");

        assertTrue(summary.modelsTrained() >= 2, "a model per training cycle: " + summary);
        assertTrue(summary.modelsDeployed() >= 1, summary.toString());
        assertTrue(summary.objects().getOrDefault(RecordKind.PREDICTION, 0L) > 0);
        assertTrue(summary.text().contains("Scenario 1"));

        PredictionLineage lineage = summary.scenario().orElseThrow();
        assertEquals("recommend-tests", lineage.inferenceRun().start().node());
        assertEquals("flink", lineage.inferenceRun().start().engine());
        ModelLineage model = lineage.models().get(0);
        assertEquals("train-recommender", model.trainingRun().start().node());
        assertEquals("spark", model.trainingRun().start().engine());
        assertEquals("approve", model.policySteps().get(0).node());
        assertEquals("approval", model.policySteps().get(0).outcome());
        assertNotNull(model.deployment(), "the model reached the inference run through a message");
        assertEquals(lineage.inferenceRun().start().id(), model.deployment().receiverRunId());
        assertTrue(model.statistics().containsKey("auc"), model.statistics().toString());

        // (c) lets models through an automatic approval: the default policy asking for a person's approval flags each served one.
        org.iongov.core.compliance.PolicyResult approved = summary.compliance().results().stream()
                .filter(r -> r.policyId().equals("serving-models-approved")).findFirst().orElseThrow();
        assertFalse(approved.passed(), summary.text());
        assertTrue(approved.violations().stream().anyMatch(v -> model.model().id().equals(v.subjectId())), approved.toString());
        assertTrue(summary.text().contains("Compliance"), summary.text());

        try (GovernanceStore store = DemoFixture.open(c.store())) {
            assertFalse(store.events(new org.iongov.core.query.RecordQuery(null, summary.instanceId(),
                    org.iongov.core.compliance.Violation.EVENT_TYPE, null, null, 100)).isEmpty(), "violations are recorded as events");
            byte[] bytes = store.model(model.model().id()).orElseThrow().bytes();
            assertEquals(model.model().sha256(), sha256(bytes), "the digest is of the bytes inference loaded");
            // The recorded output is what this very model computes for the recorded input.
            double recorded = Rescoring.recordedScore(lineage.prediction().outputJson(), -1);
            assertEquals(Rescoring.score(PmmlRegressionModel.parse(bytes), lineage.prediction().inputJson()), recorded, 1e-12);
        }
        // The training data the lineage names is the file on disk, byte for byte.
        assertFalse(model.datasets().isEmpty(), "the training run's datasets are recorded");
        for (ModelLineage.DatasetUse use : model.datasets()) {
            Path file = Path.of(URI.create(use.dataset().uri()));
            assertEquals(use.dataset().digest(), sha256(Files.readAllBytes(file)), file.toString());
        }
    }

    @Test
    void topologyEAddsATensorFlowMemberAnOperatorsApprovalAndACanary() throws Exception {
        DemoSummary summary = run(DemoOptions.Topology.E, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        PredictionLineage lineage = summary.scenario().orElseThrow();
        List<String> engines = lineage.models().stream().map(m -> m.trainingRun().start().engine()).sorted().toList();
        assertEquals(List.of("spark", "tensorflow"), engines, "both ensemble members made the prediction");
        ModelLineage lr = lineage.models().stream().filter(m -> m.trainingRun().start().engine().equals("spark")).findFirst().orElseThrow();
        assertEquals(List.of("check-logistic-regression", "operator-approval"), lr.policySteps().stream().map(ModelLineage.PolicyStep::node)
                .toList());
        assertEquals("olivia", lr.policySteps().get(1).humanActions().get(0).actor(), "the operator who approved it");
        assertFalse(lineage.control().isEmpty(), "the canary scored the same input");
        assertEquals("canary-recommend-tests", lineage.control().get(0).run().start().node());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
