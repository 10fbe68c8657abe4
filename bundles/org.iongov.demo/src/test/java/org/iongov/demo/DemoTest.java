package org.iongov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the demo for real (Spark, Flink and, in (e), TensorFlow, each in its own JVM) for a minute
 * and checks its Scenario 1 answer against what the pipelines actually did.
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
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream progress = new PrintStream(new TeeStream(printed), true, StandardCharsets.UTF_8);
        DemoSummary summary = run(DemoOptions.Topology.C, progress);
        String output = printed.toString(StandardCharsets.UTF_8);
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

        try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow()
                .openEmbedded(dir.resolve("store"))) {
            byte[] bytes = store.model(model.model().id()).orElseThrow().bytes();
            assertEquals(model.model().sha256(), sha256(bytes), "the digest is of the bytes inference loaded");
            // The recorded output is what this very model computes for the recorded input.
            JsonNode input = new ObjectMapper().readTree(lineage.prediction().inputJson());
            PmmlRegressionModel pmml = PmmlRegressionModel.parse(bytes);
            double[] features = pmml.inputs().stream().mapToDouble(name -> input.get(name).asDouble()).toArray();
            double recorded = new ObjectMapper().readTree(lineage.prediction().outputJson()).get("score").asDouble();
            assertEquals(pmml.score(features), recorded, 1e-12);
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

    /** Shows the demo's progress in the test log while keeping it for assertions. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream copy;

        TeeStream(java.io.OutputStream copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            copy.write(b);
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            copy.write(b, off, len);
            System.out.write(b, off, len);
        }
    }
}
