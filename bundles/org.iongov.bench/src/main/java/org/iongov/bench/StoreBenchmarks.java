package org.iongov.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.iongov.core.access.Role;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Ingest throughput (raw Derby ceiling vs. through HTTP) and statistic range queries. */
final class StoreBenchmarks {

    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    private static final int BATCH = 10_000;
    private static final String[] NAMES = { "loss", "accuracy", "latency_ms", "throughput", "auc", "precision", "recall", "f1" };

    private StoreBenchmarks() {
    }

    static GovernanceStore openStore(Path folder) {
        return ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(folder);
    }

    /** An ION definition, instance and one run, so statistics have something to refer to. */
    static void prepare(GovernanceStore store, String runId) {
        store.addIonDefinition("bench", "{\"name\":\"bench\"}");
        store.ingest(new IngestBatch(List.of(new IonInstanceRecord("bench-1", "bench", 1, T0, null),
                new RunRecord(runId, "bench-1", "train", RunRecord.NodeKind.PIPELINE, T0, "bench-host", "spark", "4.0.1", "bench-agent",
                        "git://bench", "0", null, null))));
    }

    /** Statistic points as an agent reports them: increasing ids, a few names, one point per ms. */
    static StatisticRecord point(String runId, long i) {
        return new StatisticRecord(String.format("bench-agent:%012d", i), runId, null, NAMES[(int) (i % NAMES.length)],
                T0.plusMillis(i), Math.sin(i / 1000.0), null);
    }

    static List<Figure> ingest(BenchContext ctx) throws Exception {
        int total = ctx.quick() ? 200_000 : 2_000_000;
        String bench = "ingest";

        // The ceiling: the same rows, batch-inserted straight into the store's table over JDBC.
        Path rawFolder = ctx.folder("ingest-raw");
        openStore(rawFolder).close();
        ctx.say("raw Derby batch insert of " + String.format("%,d", total) + " statistic rows...");
        double rawRate;
        String url = "jdbc:derby:" + rawFolder.resolve("db");
        try (Connection c = new EmbeddedDriver().connect(url, new Properties())) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO STATISTIC (ID, SERIES, T, VAL) VALUES (?, ?, ?, ?)")) {
                for (long i = 0; i < total; i++) {
                    StatisticRecord p = point("run-raw", i);
                    ps.setString(1, p.id());
                    ps.setInt(2, (int) (i % NAMES.length)); // one series per statistic name
                    ps.setLong(3, p.time().toEpochMilli());
                    ps.setDouble(4, p.value());
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
            rawRate = total / ((System.nanoTime() - start) / 1e9);
        } finally {
            shutdown(url);
        }
        ctx.say(String.format("raw: %,.0f rows/s", rawRate));

        // Through the server: pre-encoded batches POSTed by two client threads, as agents would.
        Path httpFolder = ctx.folder("ingest-http");
        double httpRate;
        try (GovernanceStore store = openStore(httpFolder)) {
            prepare(store, "run-http");
            String token = store.createToken("bench-agent", Role.AGENT).secret();
            List<byte[]> bodies = new ArrayList<>();
            for (int b = 0; b < total / BATCH; b++) {
                ArrayNode records = JsonNodeFactory.instance.arrayNode();
                for (int i = 0; i < BATCH; i++) {
                    records.add(MetadataJson.toWire(point("run-http", (long) b * BATCH + i)));
                }
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.set("records", records);
                bodies.add(MetadataJson.MAPPER.writeValueAsBytes(body));
            }
            ctx.say("HTTP ingest of " + String.format("%,d", total) + " points in " + bodies.size() + " batches of " + BATCH + "...");
            try (GovernanceServer server = GovernanceServer.start(store, json -> "bench", ServerOptions.defaults().withPort(0))) {
                HttpClient http = HttpClient.newHttpClient();
                URI ingest = URI.create(server.uri() + "/api/v1/ingest");
                AtomicInteger next = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(2);
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    done.add(clients.submit(() -> {
                        for (int b; (b = next.getAndIncrement()) < bodies.size();) {
                            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(ingest).header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(b))).build(), HttpResponse.BodyHandlers.ofString());
                            if (reply.statusCode() != 200) {
                                throw new IllegalStateException("ingest failed: " + reply.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                httpRate = total / ((System.nanoTime() - start) / 1e9);
                clients.shutdown();
            }
        }
        ctx.say(String.format("http: %,.0f points/s", httpRate));
        String size = String.format("%,d points, batches of %,d, 2 client threads", total, BATCH);
        return List.of(
                Figure.plain(bench, "raw Derby batch insert (ceiling)", rawRate, "rows/s", null, size + ", JDBC, same table and indexes"),
                Figure.atLeast(bench, "ingest through HTTP into durable embedded Derby", httpRate, "points/s", 200_000, null, size),
                Figure.atLeast(bench, "HTTP ingest as a share of the ceiling", 100 * httpRate / rawRate, "%", 50, null,
                        "ratio of the two figures above"));
    }

    /**
     * A store with the paper's density of statistics (536K points a day across an ION: one every
     * ~160 ms), 50 statistic names over 500 runs; queries ask for one statistic over a random day,
     * downsampled to 1000 points (the statistics timeline's question).
     */
    static List<Figure> rangeQuery(BenchContext ctx) throws Exception {
        int total = ctx.quick() ? 1_000_000 : 10_000_000;
        int names = 50;
        int runs = 500;
        long spacingMs = 86_400_000L / 536_000;
        Path folder = ctx.folder("range-query");
        try (GovernanceStore store = openStore(folder)) {
            store.addIonDefinition("bench", "{\"name\":\"bench\"}");
            List<MetadataRecord> setup = new ArrayList<>();
            setup.add(new IonInstanceRecord("bench-1", "bench", 1, T0, null));
            for (int r = 0; r < runs; r++) {
                setup.add(new RunRecord("run-" + r, "bench-1", "train", RunRecord.NodeKind.PIPELINE, T0, "bench-host", "spark", "4.0.1",
                        "bench-agent", "git://bench", "0", null, null));
            }
            store.ingest(new IngestBatch(setup));
            ctx.say("storing " + String.format("%,d", total) + " statistic points for the range queries...");
            long start = System.nanoTime();
            List<MetadataRecord> batch = new ArrayList<>(50_000);
            long pointsPerRun = total / runs;
            for (long i = 0; i < total; i++) {
                String run = "run-" + (i / pointsPerRun);
                batch.add(new StatisticRecord(String.format("bench-agent:%012d", i), run, null, "stat-" + (i % names),
                        T0.plusMillis(i * spacingMs), Math.sin(i / 1000.0), null));
                if (batch.size() == 50_000) {
                    store.ingest(new IngestBatch(batch));
                    batch.clear();
                    if ((i + 1) % 1_000_000 == 0) {
                        ctx.say(String.format("  %,d stored (%.0f s)", i + 1, (System.nanoTime() - start) / 1e9));
                    }
                }
            }
            if (!batch.isEmpty()) {
                store.ingest(new IngestBatch(batch));
            }
            Random random = new Random(42);
            long spanMs = total * spacingMs;
            int queries = 200;
            long[] nanos = new long[queries];
            long rows = 0;
            for (int q = -20; q < queries; q++) {
                long from = (long) (random.nextDouble() * Math.max(1, spanMs - 86_400_000L));
                TimeRange day = new TimeRange(T0.plusMillis(from), T0.plusMillis(from + 86_400_000L));
                long s = System.nanoTime();
                rows += store.statistics(new StatisticQuery("stat-" + random.nextInt(names), null, day, 1000)).storedPoints();
                if (q >= 0) {
                    nanos[q] = System.nanoTime() - s;
                }
            }
            Arrays.sort(nanos);
            double p50 = nanos[queries / 2] / 1e6;
            double p99 = nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6;
            String note = String.format("%,d stored points (%d names, %d runs, paper density); one statistic over a random day"
                    + " (~%,d points) downsampled to 1000; 200 queries", total, names, runs, rows / (queries + 20));
            return List.of(Figure.plain("range-query", "statistic range query p50", p50, "ms", null, note),
                    Figure.atMost("range-query", "statistic range query p99", p99, "ms", 50, null, note));
        }
    }

    private static void shutdown(String url) {
        try {
            new EmbeddedDriver().connect(url + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // 08006: the database shut down
        }
    }

}
