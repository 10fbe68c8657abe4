package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class IonGovCliTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new IonGovCli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheVerbs() {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(out().contains("workbench") && out().contains("store"), out());
        assertEquals("", err());
    }

    @Test
    void unknownVerbIsOneLineAndExitCodeTwo() {
        assertEquals(ExitCodes.USAGE, run("nosuchverb"));
        assertEquals("iongov: unknown verb 'nosuchverb' (./iongov --help lists the verbs)\n", err());
    }

    @Test
    void unknownOptionNamesTheOption() {
        assertEquals(ExitCodes.USAGE, run("store", "--stroe", "x"));
        assertEquals("iongov store: unknown option '--stroe' (see ./iongov store --help)\n", err());
    }

    @Test
    void storeCreatesAndDescribesAStore() throws IOException {
        Path folder = temp.resolve("s");
        assertEquals(ExitCodes.OK, run("store", "--store", folder.toString()));
        assertTrue(out().contains("store:           " + folder), out());
        assertTrue(out().matches("(?s).*schema version:  [2-9].*"), out());

        out.reset();
        assertEquals(ExitCodes.OK, run("store", "--store=" + folder, "--json"));
        JsonNode json = new ObjectMapper().readTree(out());
        assertEquals(folder.toString(), json.get("location").asText());
        assertEquals("embedded", json.get("mode").asText());
        assertTrue(json.get("schemaVersion").asInt() >= 2);
        assertEquals(0, json.get("ionDefinitions").asInt());
    }

    @Test
    void unusableStoreIsOneLineAndExitCodeThree() throws IOException {
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertEquals(ExitCodes.STORE_UNAVAILABLE, run("store", "--store", file.resolve("store").toString()));
        String message = err();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("iongov store: cannot use store folder ") && message.contains("is a file, not a folder"),
                message);
    }

    private static Path examples() {
        return Path.of(System.getProperty("iongov.root"), "ion-model", "examples");
    }

    @Test
    void ionValidateAcceptsTheSamplesAndNamesEachProblemOfABrokenOne() throws IOException {
        try (var files = Files.list(examples())) {
            List<String> args = new java.util.ArrayList<>(List.of("ion", "validate"));
            files.sorted().forEach(f -> args.add(f.toString()));
            assertEquals(7, args.size(), "five samples");
            assertEquals(ExitCodes.OK, run(args.toArray(String[]::new)), out() + err());
        }
        Path broken = Files.writeString(temp.resolve("broken.json"), """
                {"formatVersion": 1, "name": "x", "version": "1", "nodes": [
                  {"type": "pipeline", "name": "a", "role": "training", "engine": "spark", "mode": "batch",
                   "code": {"uri": "git://r", "commit": "abc1234"}},
                  {"type": "pipeline", "name": "a", "role": "training", "engine": "spark", "mode": "batch",
                   "code": {"uri": "git://r", "commit": "abc1234"}}],
                 "channels": []}""");
        out.reset();
        assertEquals(ExitCodes.FAILED, run("ion", "validate", broken.toString()));
        assertTrue(out().contains(broken + ": nodes[1].name: error: "), out());
    }

    @Test
    void ionShowSummarisesAndUploadStoresVersions() throws IOException {
        Path sample = examples().resolve("c-retraining-with-approval.json");
        assertEquals(ExitCodes.OK, run("ion", "show", sample.toString()));
        assertTrue(out().contains("clinical-approval  policy    human-approval: 2 approvals by clinical-lead"), out());
        assertTrue(out().contains("approved-model:   clinical-approval -> recommend-tests (model)"), out());

        String store = temp.resolve("s").toString();
        out.reset();
        assertEquals(ExitCodes.OK, run("ion", "upload", sample.toString(), "--store", store));
        assertEquals(ExitCodes.OK, run("ion", "upload", sample.toString(), "--store", store));
        assertEquals("stored ION 'test-recommendation-approved-retraining' as version 1\n"
                + "stored ION 'test-recommendation-approved-retraining' as version 2\n", out());
        out.reset();
        assertEquals(ExitCodes.OK, run("ion", "list", "--store", store, "--json"));
        assertEquals(2, new ObjectMapper().readTree(out()).size());

        Path invalid = Files.writeString(temp.resolve("bad.json"), "{\"formatVersion\": 1, \"name\": \"x\"}");
        err.reset();
        assertEquals(ExitCodes.FAILED, run("ion", "upload", invalid.toString(), "--store", store));
        assertTrue(err().contains("was not uploaded"), err());
    }
}
