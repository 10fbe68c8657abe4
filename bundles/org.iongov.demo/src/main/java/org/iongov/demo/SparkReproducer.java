package org.iongov.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.reproduce.Reproducer;
import org.iongov.core.reproduce.ReproductionRequest;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@link Reproduction} as the server's {@link Reproducer}: each request replays in a work folder
 * of its own, kept when the outcome is not a reproduction (its Spark log and model say why), and
 * answers with the report ({@link ReproductionReport}) as JSON.
 */
public final class SparkReproducer implements Reproducer {

    private final Path iongovRoot;

    /** @param iongovRoot the IonGov checkout whose built connectors run the replays */
    public SparkReproducer(Path iongovRoot) {
        this.iongovRoot = iongovRoot;
    }

    /** Whether the connectors a replay needs are built under the checkout. */
    public static boolean available(Path iongovRoot) {
        try {
            EngineProcess.classpathOf(iongovRoot, "org.iongov.connector.spark");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public JsonNode reproduce(GovernanceStore store, ReproductionRequest request, PrintStream progress) throws Exception {
        Map<String, Path> datasets = new LinkedHashMap<>();
        request.datasets().forEach((recorded, replacement) -> datasets.put(recorded, Path.of(replacement)));
        ReplayOverrides overrides = new ReplayOverrides(request.parameters(), datasets);
        Path work = Files.createTempDirectory("iongov-reproduce-");
        boolean keep = true;
        try {
            Reproduction reproduction = new Reproduction(store, iongovRoot, work, progress);
            ReproductionReport report;
            try {
                report = request.predictionId() != null ? reproduction.ofPrediction(request.predictionId(), overrides)
                        : reproduction.ofModel(request.modelId(), overrides);
            } catch (Reproduction.ReproductionException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            keep = report.outcome() != ReproductionReport.Outcome.REPRODUCED;
            if (keep) {
                progress.println("the replay's files (request, Spark log, model) are kept in " + work);
            }
            return MetadataJson.valueToJson(report);
        } finally {
            if (!keep) {
                delete(work);
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
