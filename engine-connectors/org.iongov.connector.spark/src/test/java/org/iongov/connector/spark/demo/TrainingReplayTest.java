package org.iongov.connector.spark.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iongov.connector.data.PatientData;
import org.iongov.connector.spark.internal.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The replay main's checks, which come before Spark starts (a full replay, with Spark, is tested
 * from the demo bundle and the CLI, where it runs in its own JVM as ./iongov reproduce runs it).
 */
class TrainingReplayTest {

    @TempDir
    Path folder;

    @Test
    void refusesNamingEveryDifferenceBeforeStartingSpark() throws Exception {
        Path batch = PatientData.writeCsv(folder.resolve("batch-1.csv"), PatientData.batch(3, 1, 20, false));
        String digest = org.iongov.agent.api.ContentSignature.of(batch).sha256();
        Path request = folder.resolve("request.json");
        Files.writeString(request, Json.write(java.util.Map.of("run", "r-1", "codeUri", TrainingCode.URI, "codeVersion", "sha256:0000",
                "engineVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION(), "parameters",
                TrainingSettings.defaults(3, 10).parameters(), "datasets", List.of(
                        java.util.Map.of("path", batch.toString(), "digest", "feed", "replaced", false),
                        java.util.Map.of("path", folder.resolve("gone.csv").toString(), "digest", "beef", "replaced", false)))));
        Path result = folder.resolve("result.json");
        assertEquals(TrainingReplay.REFUSED, TrainingReplay.run("--request", request.toString(), "--result", result.toString(), "--model",
                folder.resolve("model.pmml").toString()));

        JsonNode refused = new ObjectMapper().readTree(result.toFile());
        assertEquals("refused", refused.path("status").asText());
        assertEquals(TrainingCode.version(), refused.path("codeVersion").asText());
        assertTrue(TrainingCode.version().matches("sha256:[0-9a-f]{64}"), TrainingCode.version());
        List<String> refusals = new java.util.ArrayList<>();
        refused.path("refusals").forEach(r -> refusals.add(r.path("subject").asText() + ": " + r.path("recorded").asText() + " -> "
                + r.path("current").asText()));
        assertEquals(List.of("code version: sha256:0000 -> " + TrainingCode.version(), batch + ": feed -> " + digest,
                folder.resolve("gone.csv") + ": beef -> missing"), refusals);
        assertFalse(Files.exists(folder.resolve("model.pmml")), "nothing was trained");
    }

    @Test
    void settingsReadBackAsRecorded() throws Exception {
        TrainingSettings settings = new TrainingSettings(5, 7, List.of(0.3), List.of(0.0, 0.5), 0.75, 0.2);
        JsonNode recorded = new ObjectMapper().readTree(Json.write(settings.parameters()));
        assertEquals(settings, TrainingSettings.fromParameters(recorded));
        // A single number where the tuner takes a grid is a grid of one (./iongov reproduce --set regParam=0.3).
        ((com.fasterxml.jackson.databind.node.ObjectNode) recorded).put("regParam", 0.3);
        assertEquals(settings, TrainingSettings.fromParameters(recorded));
    }

    @Test
    void settingsTakeOnlyWholeSeedsAndIterationsAndValuesInRange() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String recorded = Json.write(TrainingSettings.defaults(3, 10).parameters());
        assertEquals(null, TrainingReplay.problem(recorded, List.of()));
        assertEquals(null, TrainingReplay.problem(with(recorded, "maxIter", "10.0"), List.of("maxIter")), "10.0 is a whole number");
        assertEquals(null, TrainingReplay.problem(with(recorded, "regParam", "[0.01, 0.1]"), List.of("regParam")));
        assertEquals(10, TrainingSettings.fromParameters(json.readTree(with(recorded, "maxIter", "10.0"))).maxIter());
        // As ./iongov reproduce --set seed=1.5, maxIter=10.7, maxIter=0, regParam=abc, elasticNetParam=1,x gives them.
        List<Map.Entry<String, String>> rejected = List.of(Map.entry("seed", "1.5"), Map.entry("maxIter", "10.7"), Map.entry("maxIter", "0"),
                Map.entry("regParam", "\"abc\""), Map.entry("elasticNetParam", "[1, \"x\"]"));
        for (Map.Entry<String, String> r : rejected) {
            String problem = TrainingReplay.problem(with(recorded, r.getKey(), r.getValue()), List.of(r.getKey()));
            assertTrue(problem != null && problem.contains(r.getKey()), r + ": " + problem);
        }
        assertEquals("parameter seed must be a whole number, was 1.5", TrainingReplay.problem(with(recorded, "seed", "1.5"), List.of("seed")));
        assertEquals("maxIter must be between 1 and 2147483647, was 0", TrainingReplay.problem(with(recorded, "maxIter", "0"), List.of("maxIter")));
        assertEquals("regParam values must be 0 or more, was -0.1", TrainingReplay.problem(with(recorded, "regParam", "-0.1"), List.of("regParam")));
        assertEquals("elasticNetParam values must be between 0 and 1, was 2.0",
                TrainingReplay.problem(with(recorded, "elasticNetParam", "2"), List.of("elasticNetParam")));
        // What a run records besides the settings describes it but does not change its model: a replay cannot change it.
        for (String ignored : List.of("cycle", "rowsPerBatch", "drifted", "batches")) {
            String problem = TrainingReplay.problem(with(recorded, ignored, "1"), List.of(ignored));
            assertEquals("the training has no parameter '" + ignored + "' that a replay can change (it uses: seed, maxIter, regParam, "
                    + "elasticNetParam, trainRatio, holdoutFraction)", problem);
        }
    }

    @Test
    void parametersTheTrainingCannotTakeFailBeforeTheDataIsRead() throws Exception {
        Map<String, Object> parameters = new LinkedHashMap<>(TrainingSettings.defaults(3, 10).parameters());
        parameters.put("maxIter", 10.7);
        Path request = folder.resolve("request.json");
        Files.writeString(request, Json.write(Map.of("run", "r-1", "codeUri", TrainingCode.URI, "parameters", parameters, "datasets",
                List.of(Map.of("path", folder.resolve("gone.csv").toString(), "digest", "beef", "replaced", false)))));
        Path result = folder.resolve("result.json");
        assertEquals(2, TrainingReplay.run("--request", request.toString(), "--result", result.toString(), "--model",
                folder.resolve("model.pmml").toString()));
        JsonNode failed = new ObjectMapper().readTree(result.toFile());
        assertEquals("failed", failed.path("status").asText());
        assertEquals("run r-1: parameter maxIter must be a whole number, was 10.7", failed.path("error").asText());
        assertTrue(failed.path("refusals").isMissingNode(), "the datasets were not looked at: " + failed);
    }

    @Test
    void aModelThatCannotBeWrittenFailsNamingItsPathBeforeSparkStarts() throws Exception {
        Path batch = PatientData.writeCsv(folder.resolve("batch-1.csv"), PatientData.batch(3, 1, 20, false));
        Path request = folder.resolve("request.json");
        Files.writeString(request, Json.write(Map.of("run", "r-1", "codeUri", TrainingCode.URI, "codeVersion", TrainingCode.version(),
                "engineVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION(), "parameters", TrainingSettings.defaults(3, 10).parameters(),
                "datasets", List.of(Map.of("path", batch.toString(), "digest", org.iongov.agent.api.ContentSignature.of(batch).sha256(),
                        "replaced", false)))));
        // The model's folder would be inside a file: it cannot be made.
        Path model = Files.writeString(folder.resolve("a-file"), "x").resolve("model.pmml");
        Path result = folder.resolve("result.json");
        assertEquals(1, TrainingReplay.run("--request", request.toString(), "--result", result.toString(), "--model", model.toString()));

        JsonNode failed = new ObjectMapper().readTree(result.toFile());
        assertEquals("failed", failed.path("status").asText());
        assertTrue(failed.path("error").asText().startsWith("cannot write the model to " + model + ": "), failed.toString());
        assertEquals(0, failed.path("refusals").size(), "everything checked out: " + failed);
        assertTrue(failed.path("rows").isMissingNode(), "nothing was trained: " + failed);
    }

    @Test
    void theCodeVersionCoversTheModelsSchemaAndItsExportNotTheOtherMains() {
        Set<String> hashed = TrainingCode.classes().keySet();
        for (String included : List.of("org/iongov/connector/data/PatientRecord.class", "org/iongov/connector/pmml/LogisticRegressionPmml.class",
                "org/iongov/connector/spark/demo/RecommenderTraining.class", "org/iongov/connector/spark/demo/TrainingSettings.class",
                "org/iongov/connector/spark/SparkModelExport.class", "org/iongov/connector/spark/internal/LinearForm.class")) {
            assertTrue(hashed.contains(included), included + " in " + hashed);
        }
        for (String excluded : List.of("org/iongov/connector/data/PatientData.class", "org/iongov/connector/spark/demo/TrainingReplay.class",
                "org/iongov/connector/spark/demo/TrainingPipeline.class", "org/iongov/connector/spark/demo/OverheadBenchmark.class",
                "org/iongov/connector/scoring/Scorer.class")) {
            assertFalse(hashed.contains(excluded), excluded + " in " + hashed);
        }
    }

    /** The JSON object with one field set to a JSON value. */
    private static String with(String json, String name, String value) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode object = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
        object.set(name, mapper.readTree(value));
        return object.toString();
    }

    @Test
    void badArgumentsExitWithTwo() {
        assertEquals(2, TrainingReplay.run("--request", folder.resolve("none.json").toString()));
        assertEquals(2, TrainingReplay.run("--request", folder.resolve("none.json").toString(), "--result", "r", "--model", "m"));
    }
}
