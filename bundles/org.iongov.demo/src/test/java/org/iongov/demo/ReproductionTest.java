package org.iongov.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.demo.ReproductionReport.Check;
import org.iongov.demo.ReproductionReport.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reproduction on the store a real demo run left ({@link DemoFixture}): the Spark training re-run
 * in its own JVM from the recorded code, parameters and data, the recorded Flink prediction scored
 * again; a changed dataset refused; an alternative replay reported and recorded as one.
 */
class ReproductionTest {

    @TempDir
    Path work;

    private final PrintStream progress = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private Reproduction reproduction(GovernanceStore store) {
        return new Reproduction(store, DemoFixture.root(), work, progress);
    }

    @Test
    void reproducesTheSparkModelAndTheFlinkPrediction() throws Exception {
        DemoFixture.Run demo = DemoFixture.topologyC();
        PredictionLineage scenario = demo.summary().scenario().orElseThrow();
        ModelLineage model = scenario.models().get(0);
        try (GovernanceStore store = DemoFixture.open(demo.store())) {
            int runsBefore = store.runs(new RunQuery(null, null, null, 1000)).size();
            ReproductionReport report = reproduction(store).ofPrediction(scenario.prediction().id(), ReplayOverrides.none());
            System.out.println(report.text());

            assertEquals(Outcome.REPRODUCED, report.outcome(), report.text());
            assertTrue(report.reproduced());
            assertTrue(report.checks().stream().allMatch(Check::matched), report.text());
            List<String> names = report.checks().stream().map(Check::name).toList();
            assertTrue(names.containsAll(List.of("code URI", "code version", "Spark version", "the model (pmml)",
                    "the recorded model scores the recorded input", "the reproduced model scores the recorded input")), names.toString());
            long datasets = model.datasets().stream().filter(d -> d.direction().equals("read")).count();
            assertTrue(datasets >= 1);
            assertEquals(datasets, names.stream().filter(n -> n.startsWith("dataset ") && n.endsWith(" signature")).count());
            Check code = check(report, "code URI");
            assertEquals(Reproduction.SPARK_TRAINING_CODE, code.expected(), "the demo's run recorded its real code reference");
            assertTrue(check(report, "code version").expected().matches("sha256:[0-9a-f]{64}"), check(report, "code version").toString());
            // The reproduced model scores the recorded input as recorded.
            Check scored = check(report, "the reproduced model scores the recorded input");
            assertEquals(Rescoring.recordedScore(scenario.prediction().outputJson(), -1), Double.parseDouble(scored.actual()),
                    Reproduction.SCORE_TOLERANCE);
            assertTrue(report.notReproduced().isEmpty() && report.replayRuns().isEmpty());
            assertEquals(runsBefore, store.runs(new RunQuery(null, null, null, 1000)).size(), "a reproduction records nothing");
        }
    }

    @Test
    void aModifiedDatasetIsRefusedNamingItAndBothSignatures() throws Exception {
        DemoFixture.Run demo = DemoFixture.topologyC();
        ModelLineage model = demo.summary().scenario().orElseThrow().models().get(0);
        ModelLineage.DatasetUse use = model.datasets().stream().filter(d -> d.direction().equals("read")).findFirst().orElseThrow();
        Path file = Path.of(URI.create(use.dataset().uri()));
        byte[] original = Files.readAllBytes(file);
        try (GovernanceStore store = DemoFixture.open(demo.store())) {
            // One more encounter at the end: still a valid batch, but not the data the model was trained on.
            Files.writeString(file, "e-extra,50,1,27,120,80,37,8.5,3,1,1\n", StandardOpenOption.APPEND);
            String changed = sha256(Files.readAllBytes(file));
            ReproductionReport report = reproduction(store).ofModel(model.model().id(), ReplayOverrides.none());
            System.out.println(report.text());

            assertEquals(Outcome.REFUSED, report.outcome(), report.text());
            assertFalse(report.reproduced());
            assertTrue(report.summary().contains(file.toString()), report.summary());
            assertTrue(report.summary().contains(use.dataset().digest()), "names the recorded signature: " + report.summary());
            assertTrue(report.summary().contains(changed), "names the current signature: " + report.summary());
            Check dataset = check(report, "dataset " + file + " signature");
            assertFalse(dataset.matched());
            assertEquals(use.dataset().digest(), dataset.expected());
            assertEquals(changed, dataset.actual());
            assertTrue(check(report, "code version").matched(), "only the data changed");
            assertTrue(report.checks().stream().noneMatch(c -> c.name().startsWith("the model")), "nothing was trained");
        } finally {
            Files.write(file, original);
        }
        assertEquals(use.dataset().digest(), sha256(Files.readAllBytes(file)));
    }

    @Test
    void anAlternativeAskedOfTheServerWithAnotherRegParamIsReportedAndRecordedAsOne() throws Exception {
        // Through POST /api/v1/reproductions, as an investigator asks a server started beside the engines.
        DemoFixture.Run demo = DemoFixture.topologyC();
        PredictionLineage scenario = demo.summary().scenario().orElseThrow();
        ModelLineage model = scenario.models().get(0);
        try (GovernanceStore store = DemoFixture.open(demo.store());
                org.iongov.server.GovernanceServer server = org.iongov.server.GovernanceServer.start(store,
                        org.iongov.server.IonDefinitionCheck.ionModel(),
                        org.iongov.server.ServerOptions.defaults().withPort(0).withReproducer(new SparkReproducer(DemoFixture.root())))) {
            String auditor = store.createToken("alice", org.iongov.core.access.Role.AUDITOR).secret();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String body = "{\"prediction\":\"" + scenario.prediction().id() + "\",\"set\":{\"regParam\":0.5}}";
            java.net.http.HttpResponse<String> started = http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(
                    "/api/v1/reproductions")).header("Authorization", "Bearer " + auditor).POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            String location = new ObjectMapper().readTree(started.body()).get("location").asText();
            JsonNode job;
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
            do {
                java.util.concurrent.locks.LockSupport.parkNanos(500_000_000);
                job = new ObjectMapper().readTree(http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(location))
                        .header("Authorization", "Bearer " + auditor).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            } while (job.path("status").asText().matches("waiting|running") && System.nanoTime() < deadline);
            assertEquals("done", job.path("status").asText(), job.toString());
            assertTrue(job.path("progress").toString().contains("[reproduce]"), "the engine's progress is followed: " + job);
            JsonNode report = job.path("report");
            System.out.println(report.toPrettyString());

            assertEquals("alternative", report.path("outcome").asText(), report.toString());
            assertTrue(report.path("summary").asText().contains("not a reproduction"), report.toString());
            assertTrue(report.path("overrides").asText().contains("regParam=0.5"), report.toString());
            assertFalse(check(report, "the model (pmml)").path("matched").asBoolean(), "a stronger regularisation gives another model");
            JsonNode scored = check(report, "the alternative model scores the recorded input");
            assertNotEquals(scored.path("expected").asText(), scored.path("actual").asText());
            assertTrue(check(report, "the recorded model scores the recorded input").path("matched").asBoolean());

            assertEquals(1, report.path("replayRuns").size());
            NodeRun replay = store.run(report.path("replayRuns").get(0).asText()).orElseThrow();
            NodeRun original = model.trainingRun();
            assertEquals(original.start().node(), replay.start().node());
            assertEquals(original.start().instanceId(), replay.start().instanceId());
            assertEquals(RunStatus.SUCCEEDED, replay.status());
            assertEquals(original.start().codeVersion(), replay.start().codeVersion());
            JsonNode configuration = new ObjectMapper().readTree(replay.start().configurationJson());
            assertEquals(original.start().id(), configuration.path("replay").path("of").asText());
            assertEquals("alternative", configuration.path("replay").path("kind").asText());
            assertEquals(0.5, configuration.path("regParam").asDouble());
            assertEquals(0.5, configuration.path("replay").path("parameters").path("regParam").asDouble());
            List<ModelRecord> models = store.models(new RecordQuery(replay.start().id(), null, null, null, null, 10));
            assertEquals(1, models.size());
            assertNotEquals(model.model().sha256(), models.get(0).sha256());
            assertTrue(store.messages(new RecordQuery(null, null, null, models.get(0).id(), null, 10)).isEmpty(),
                    "the alternative's model is not published to the ION");
            assertEquals(model.datasets().stream().filter(d -> d.direction().equals("read")).count(),
                    store.datasetUses(new RecordQuery(replay.start().id(), null, null, null, null, 10)).size());
        }
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check '" + name + "' in " + report);
    }

    @Test
    void anOverrideTheRunCannotTakeIsRefusedBeforeSparkStarts() throws Exception {
        DemoFixture.Run demo = DemoFixture.topologyC();
        PredictionLineage scenario = demo.summary().scenario().orElseThrow();
        String modelId = scenario.models().get(0).model().id();
        try (GovernanceStore store = DemoFixture.open(demo.store())) {
            IllegalArgumentException noParameter = assertThrows(IllegalArgumentException.class, () -> reproduction(store).ofModel(modelId,
                    new ReplayOverrides(Map.of("learningRate", "0.1"), Map.of())));
            assertTrue(noParameter.getMessage().contains("no parameter 'learningRate'") && noParameter.getMessage().contains("regParam"),
                    noParameter.getMessage());
            IllegalArgumentException noDataset = assertThrows(IllegalArgumentException.class, () -> reproduction(store).ofModel(modelId,
                    new ReplayOverrides(Map.of(), Map.of("batch-99.csv", work.resolve("other.csv")))));
            assertTrue(noDataset.getMessage().contains("read no dataset batch-99.csv"), noDataset.getMessage());
            // Recorded, but not used by the training: replaying with it changed would only repeat the run.
            IllegalArgumentException unused = assertThrows(IllegalArgumentException.class, () -> reproduction(store).ofModel(modelId,
                    new ReplayOverrides(Map.of("cycle", "2"), Map.of())));
            assertTrue(unused.getMessage().contains("no parameter 'cycle' that a replay can change"), unused.getMessage());
            IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class, () -> reproduction(store).ofModel(modelId,
                    new ReplayOverrides(Map.of("maxIter", "10.7"), Map.of())));
            assertTrue(truncated.getMessage().endsWith("cannot be replayed with maxIter=10.7: parameter maxIter must be a whole number, was 10.7"),
                    truncated.getMessage());
            try (var left = Files.list(work)) {
                assertEquals(List.of(), left.toList(), "no replay was started");
            }
            Reproduction.ReproductionException unknown = assertThrows(Reproduction.ReproductionException.class,
                    () -> reproduction(store).ofPrediction("no-such-prediction", ReplayOverrides.none()));
            assertTrue(unknown.getMessage().contains("no prediction 'no-such-prediction'"), unknown.getMessage());
        }
    }

    @Test
    void aModelTrainedByTensorFlowIsNotReproducedAndTheReportSaysSo() throws Exception {
        // A prediction of a TensorFlow model, as the demo's topology (e) records one, ingested into a real store.
        try (GovernanceStore store = DemoFixture.open(work.resolve("store"))) {
            String ion;
            try (var in = Demo.class.getResourceAsStream("demo-e.json")) {
                ion = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int version = store.addIonDefinition("demo-ensemble-with-canary", ion).version();
            Instant t = Instant.parse("2026-11-20T08:00:00Z");
            store.ingest(new IngestBatch(List.of(new IonInstanceRecord("inst-e", "demo-ensemble-with-canary", version, t, "test"),
                    new RunRecord("tf-run", "inst-e", "train-neural-network", RunRecord.NodeKind.PIPELINE, t, "h", "tensorflow", "2.18", null,
                            "java:org.iongov.connector.tensorflow.demo.NeuralNetworkTraining", "sha256:1", "{}", "scheduler"),
                    new ModelRecord("tf-model", "tf-run", "network", ModelRecord.ModelFormat.SAVED_MODEL, sha256(new byte[] {1}), 1, t,
                            new byte[] {1}, null, null),
                    new RunRecord("flink-run", "inst-e", "recommend-tests", RunRecord.NodeKind.PIPELINE, t, "h", "flink", "2.1.1", null, null, null,
                            null, null),
                    new PredictionRecord("p-1@recommend-tests", "flink-run", t.plusSeconds(5), List.of("tf-model"), "d", "{\"age\":50}",
                            "{\"score\":0.25}"))));
            ReproductionReport report = reproduction(store).ofPrediction("p-1@recommend-tests", ReplayOverrides.none());
            System.out.println(report.text());

            assertEquals(Outcome.REFUSED, report.outcome());
            assertEquals(List.of("model tf-model was trained by tensorflow (node train-neural-network, run tf-run): only Spark training runs "
                    + "are re-run, so it is not reproduced"), report.notReproduced());
            assertTrue(report.summary().startsWith("nothing could be replayed: model tf-model was trained by tensorflow"), report.summary());
            assertTrue(report.checks().isEmpty());
        }
    }

    private static Check check(ReproductionReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in\n" + report.text()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
