package org.iongov.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.iongov.core.json.MetadataJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The harness runs and records its figures; the figures themselves are not judged here. */
class BenchmarkSuiteTest {

    @TempDir
    Path out;

    @Test
    void quickStorageRunWritesItsFiguresAndCleansUp() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Figure> figures = BenchmarkSuite.run(true, Set.of("storage"), out, new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertEquals("store size per paper-day (three-node ION)", figures.get(0).name());
        assertTrue(figures.get(0).value() > 0);
        assertEquals(6, figures.size(), "the total and five kinds");

        JsonNode results = MetadataJson.MAPPER.readTree(out.resolve("results.json").toFile());
        assertTrue(results.get("quick").asBoolean());
        assertEquals(figures.size(), results.get("figures").size());
        assertEquals("452 MB (538K objects)", results.get("figures").get(0).get("paper").asText());
        assertTrue(Files.readString(out.resolve("results.md")).contains("| storage | store size per paper-day"));
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("== storage (quick)"));
        assertFalse(Files.exists(out.resolve("scratch")), "scratch stores are removed");
    }

    @Test
    void unknownBenchmarkIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkSuite.run(true, Set.of("warp-speed"), out, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().startsWith("no benchmark 'warp-speed'; there are ingest, storage, range-query, agent, propagation"), e.getMessage());
    }
}
