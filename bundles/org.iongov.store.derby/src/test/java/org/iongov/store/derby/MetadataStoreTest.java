package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.iongov.core.access.AccessToken;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IngestReceipt;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.RetentionReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataStoreTest {

    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private GovernanceStore store;

    @BeforeEach
    void open() {
        store = new DerbyStoreProvider().openEmbedded(temp.resolve("store"));
        store.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** An ION instance with a training run that produced a model, sent it to an inference run that made two predictions. */
    static List<MetadataRecord> trainingAndInference() throws Exception {
        byte[] model = "<PMML/>".getBytes(StandardCharsets.UTF_8);
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new IonInstanceRecord("inst-1", "retraining", 1, T0, "demo"));
        records.add(new RunRecord("run-train-1", "inst-1", "train", RunRecord.NodeKind.PIPELINE, T0, "host-a", "spark", "4.0.1",
                "agent-spark", "git://repo/train.py", "abc123", "{\"regParam\":0.1}", "dana"));
        records.add(new DatasetRecord("ds-1", "file:/data/patients.csv", 1234, "d1g35t", null, T0));
        records.add(new DatasetUseRecord("use-1", "run-train-1", "ds-1", DatasetUseRecord.Direction.READ, T0.plusSeconds(1)));
        records.add(new StatisticRecord("stat-1", "run-train-1", "evaluator", "auc", T0.plusSeconds(10), 0.91, null));
        records.add(new ModelRecord("model-1", "run-train-1", "lr", ModelRecord.ModelFormat.PMML, sha256(model), model.length,
                T0.plusSeconds(11), model, null, "{\"inputs\":[\"age\"]}"));
        records.add(new RunEndRecord("end-1", "run-train-1", T0.plusSeconds(12), RunStatus.SUCCEEDED));
        records.add(new RunRecord("run-infer-1", "inst-1", "infer", RunRecord.NodeKind.PIPELINE, T0.plusSeconds(5), "host-b",
                "flink", "2.1.1", "agent-flink", "git://repo/infer.java", "def456", null, null));
        records.add(new MessageRecord("msg-1", "inst-1", "model-out", MessageRecord.MessageType.MODEL, "run-train-1", null,
                T0.plusSeconds(13), null, "model-1", null));
        records.add(new MessageReceivedRecord("msg-1-recv", "msg-1", "run-infer-1", T0.plusSeconds(14)));
        records.add(new PredictionRecord("pred-1", "run-infer-1", T0.plusSeconds(20), List.of("model-1"), "in-1", "{\"age\":61}",
                "{\"ct\":true}"));
        records.add(new PredictionRecord("pred-2", "run-infer-1", T0.plusSeconds(21), List.of("model-1"), "in-2", null,
                "{\"ct\":false}"));
        records.add(new EventRecord("ev-1", "inst-1", "run-infer-1", T0.plusSeconds(22), "alert", EventRecord.Severity.WARNING,
                "input drift on 'age'", null));
        records.add(new HumanActionRecord("act-1", "olivia", "operator", "approve", "model", "model-1", "approval", T0.plusSeconds(13),
                "AUC fine"));
        return records;
    }

    @Test
    void ingestedChainIsReadBackByEveryQuery() throws Exception {
        IngestReceipt receipt = store.ingest(new IngestBatch(trainingAndInference()));
        assertEquals(new IngestReceipt(14, 14, 0), receipt);

        List<NodeRun> runs = store.runs(new RunQuery("inst-1", null, null, 10));
        assertEquals(List.of("run-infer-1", "run-train-1"), runs.stream().map(r -> r.start().id()).toList(), "newest first");
        NodeRun train = store.run("run-train-1").orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, train.status());
        assertEquals(T0.plusSeconds(12), train.endedAt());
        assertEquals("{\"regParam\":0.1}", train.start().configurationJson());
        assertEquals("dana", train.start().startedBy());
        assertEquals(RunStatus.RUNNING, store.run("run-infer-1").orElseThrow().status());

        ModelRecord model = store.model("model-1").orElseThrow();
        assertArrayEquals("<PMML/>".getBytes(StandardCharsets.UTF_8), model.bytes());
        assertNull(store.models(RecordQuery.latest(10)).get(0).bytes(), "lists leave the bytes out");
        assertEquals(List.of("pred-2", "pred-1"), store.predictions(RecordQuery.latest(10)).stream().map(PredictionRecord::id).toList());
        assertEquals(List.of("model-1"), store.prediction("pred-1").orElseThrow().modelIds());
        assertEquals("input drift on 'age'", store.events(RecordQuery.latest(10)).get(0).message());
        assertEquals("olivia", store.humanActions(new RecordQuery(null, null, "approve", "model-1", null, 10)).get(0).actor());
        assertEquals(List.of("auc"), store.statisticNames("run-train-1"));

        Map<RecordKind, Long> counts = store.counts();
        assertEquals(2L, counts.get(RecordKind.PREDICTION));
        assertEquals(1L, counts.get(RecordKind.MESSAGE_RECEIVED));
    }

    @Test
    void retriedBatchStoresNothingTwice() throws Exception {
        List<MetadataRecord> records = trainingAndInference();
        store.ingest(new IngestBatch(records));
        Map<RecordKind, Long> before = store.counts();

        assertEquals(new IngestReceipt(14, 0, 14), store.ingest(new IngestBatch(records)));
        assertEquals(before, store.counts());

        // A retry re-batched with new records: only the new ones are stored.
        List<MetadataRecord> mixed = new ArrayList<>(records.subList(4, 6));
        mixed.add(new StatisticRecord("stat-2", "run-train-1", null, "auc", T0.plusSeconds(30), 0.92, null));
        mixed.add(new StatisticRecord("stat-2", "run-train-1", null, "auc", T0.plusSeconds(30), 0.92, null));
        assertEquals(new IngestReceipt(4, 1, 3), store.ingest(new IngestBatch(mixed)));
        assertEquals(before.get(RecordKind.STATISTIC) + 1, store.counts().get(RecordKind.STATISTIC));
    }

    @Test
    void batchWithAnInvalidRecordIsRefusedWhole() throws Exception {
        List<MetadataRecord> records = new ArrayList<>(trainingAndInference());
        records.add(new StatisticRecord("stat-x", "run-nobody-started", null, "auc", T0, 0.5, null));
        records.add(new StatisticRecord("stat-y", "run-train-1", null, "", T0, 0.5, null));
        InvalidRecordsException e = assertThrows(InvalidRecordsException.class, () -> store.ingest(new IngestBatch(records)));
        assertEquals(List.of("records[15].name: is required"), e.problems(), "field problems are reported before references");
        records.remove(15);
        e = assertThrows(InvalidRecordsException.class, () -> store.ingest(new IngestBatch(records)));
        assertEquals(List.of("records[14].runId: run 'run-nobody-started' is not recorded"), e.problems());
        assertEquals(0L, store.counts().values().stream().mapToLong(Long::longValue).sum(), "nothing of the batch was stored");
    }

    @Test
    void referencesToUnknownIonsModelsAndMessagesAreNamed() {
        List<MetadataRecord> records = List.of(
                new IonInstanceRecord("inst-9", "no-such-ion", 1, T0, null),
                new MessageReceivedRecord("recv-9", "msg-never-sent", "run-9", T0));
        InvalidRecordsException e = assertThrows(InvalidRecordsException.class, () -> store.ingest(new IngestBatch(records)));
        assertEquals(List.of("records[0].ionName: ION definition 'no-such-ion' is not recorded",
                "records[1].messageId: message 'msg-never-sent' is not recorded",
                "records[1].receiverRunId: run 'run-9' is not recorded"), e.problems());
    }

    @Test
    void sqlMetacharactersAreStoredVerbatim() throws Exception {
        store.ingest(new IngestBatch(trainingAndInference()));
        String nasty = "x'); DROP TABLE STATISTIC; -- \"%_\\";
        store.ingest(new IngestBatch(List.of(new EventRecord("ev-'1", "inst-1", null, T0, "alert';--", EventRecord.Severity.INFO,
                nasty, "{\"q\":\"' OR 1=1\"}"))));
        EventRecord stored = store.events(new RecordQuery(null, null, "alert';--", null, null, 10)).get(0);
        assertEquals(nasty, stored.message());
        assertEquals("ev-'1", stored.id());
        assertEquals(1L, store.counts().get(RecordKind.STATISTIC), "the table is still there");
    }

    @Test
    void statisticsAreDownsampledIntoEqualTimeBuckets() throws Exception {
        store.ingest(new IngestBatch(trainingAndInference()));
        List<MetadataRecord> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            points.add(new StatisticRecord("lat-" + i, "run-infer-1", "scorer", "latency", T0.plusMillis(i * 100L), i, null));
        }
        store.ingest(new IngestBatch(points));

        StatisticSeries raw = store.statistics(new StatisticQuery("latency", "run-infer-1", null, 1000));
        assertFalse(raw.downsampled());
        assertEquals(1000, raw.points().size());

        StatisticSeries buckets = store.statistics(new StatisticQuery("latency", null, null, 10));
        assertTrue(buckets.downsampled());
        assertEquals(1000, buckets.storedPoints());
        assertEquals(10, buckets.points().size());
        assertEquals(1000, buckets.points().stream().mapToLong(StatisticPoint::count).sum());
        StatisticPoint first = buckets.points().get(0);
        assertEquals(0, first.min());
        assertEquals(first.count() - 1, first.max());
        assertEquals((first.count() - 1) / 2.0, first.value(), 1e-9);

        StatisticSeries window = store.statistics(new StatisticQuery("latency", null,
                new TimeRange(T0.plusSeconds(10), T0.plusSeconds(20)), 1000));
        assertEquals(100, window.points().size());
        assertEquals(100.0, window.points().get(0).value());
    }

    @Test
    void tokensAreStoredHashedAndCanBeRevoked() throws Exception {
        IssuedToken issued = store.createToken("alice", Role.OPERATOR);
        assertTrue(issued.secret().startsWith("igv_") && issued.secret().length() > 40);
        AccessToken found = store.authenticate(issued.secret()).orElseThrow();
        assertEquals("alice", found.user());
        assertEquals(Role.OPERATOR, found.role());
        assertTrue(store.authenticate(issued.secret() + "x").isEmpty());
        assertTrue(store.authenticate("not-a-token").isEmpty());

        store.close();
        // The secret appears nowhere in the store's files; its hash does.
        try (Stream<Path> files = Files.walk(temp.resolve("store"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(issued.secret().substring(4)), file + " holds the secret");
            }
        }
        store = new DerbyStoreProvider().openEmbedded(temp.resolve("store"));
        assertTrue(store.revokeToken(found.id()));
        assertFalse(store.revokeToken(found.id()));
        assertTrue(store.authenticate(issued.secret()).isEmpty());
    }

    @Test
    void retentionDryRunCountsAndRealRunDeletesOnlyExpiredNonEvidence() throws Exception {
        store.ingest(new IngestBatch(trainingAndInference()));
        List<MetadataRecord> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(new StatisticRecord("old-lat-" + i, "run-infer-1", null, "latency", T0.plusSeconds(i), i, null));
            old.add(new LogRecord("old-log-" + i, "run-infer-1", T0.plusSeconds(i), "INFO", "line " + i));
        }
        store.ingest(new IngestBatch(old));
        Instant now = T0.plus(Duration.ofDays(100));

        RetentionReport dry = store.applyRetention(RetentionPolicy.defaults(), now, true);
        assertTrue(dry.dryRun());
        // The training run's AUC backs model-1: it is evidence and stays.
        assertEquals(5L, dry.expired().get(RecordKind.STATISTIC));
        assertEquals(5L, dry.expired().get(RecordKind.LOG));
        assertEquals(6L, store.counts().get(RecordKind.STATISTIC), "a dry run deletes nothing");

        RetentionReport real = store.applyRetention(RetentionPolicy.defaults(), now, false);
        assertEquals(dry.expired(), real.expired());
        assertEquals(1L, store.counts().get(RecordKind.STATISTIC));
        assertEquals(0L, store.counts().get(RecordKind.LOG));
        assertEquals(2L, store.counts().get(RecordKind.PREDICTION), "predictions are evidence and stay");
        assertThrows(IllegalArgumentException.class,
                () -> new RetentionPolicy(Map.of(RecordKind.HUMAN_ACTION, Duration.ofDays(1))));
    }

    @Test
    void retriedBatchThatStartsANewSeriesKeepsTheSeriesConsistent() throws Exception {
        store.ingest(new IngestBatch(trainingAndInference()));
        StatisticRecord old = new StatisticRecord("p-1", "run-infer-1", null, "throughput", T0, 10, null);
        store.ingest(new IngestBatch(List.of(old)));
        // The fast path creates series 'queue-depth', then fails on the duplicate and rolls back;
        // the slow path must create it again rather than reuse the rolled-back id.
        StatisticRecord fresh = new StatisticRecord("p-2", "run-infer-1", "source", "queue-depth", T0, 3, null);
        assertEquals(new IngestReceipt(2, 1, 1), store.ingest(new IngestBatch(List.of(old, fresh))));
        StatisticSeries series = store.statistics(new StatisticQuery("queue-depth", "run-infer-1", null, 10));
        assertEquals(1, series.points().size());
        assertEquals(3.0, series.points().get(0).value());
        store.ingest(new IngestBatch(List.of(new StatisticRecord("p-3", "run-infer-1", "source", "queue-depth", T0.plusSeconds(1), 4,
                null))));
        assertEquals(2, store.statistics(new StatisticQuery("queue-depth", null, null, 10)).points().size());
    }

    @Test
    void structuredStatisticsComeBackWithTheirValues() throws Exception {
        store.ingest(new IngestBatch(trainingAndInference()));
        store.ingest(new IngestBatch(List.of(
                new StatisticRecord("cm-1", "run-train-1", "evaluator", "confusion", T0.plusSeconds(1), Double.NaN, "[[50,3],[4,43]]"),
                new StatisticRecord("cm-2", "run-train-1", "evaluator", "confusion", T0.plusSeconds(2), Double.NaN, "[[51,2],[4,43]]"))));
        List<StatisticPoint> points = store.statistics(new StatisticQuery("confusion", null, null, 10)).points();
        assertEquals(List.of("[[50,3],[4,43]]", "[[51,2],[4,43]]"), points.stream().map(StatisticPoint::structuredJson).toList());
        assertEquals("run-train-1", points.get(0).runId());
        assertTrue(store.statisticNames("run-train-1").contains("confusion"));
        assertTrue(store.storageBytes().get(RecordKind.STATISTIC) > 0);
    }

    @Test
    void concurrentBatchesCreatingTheSameSeriesNeitherDeadlockNorLosePoints() throws Exception {
        store.ingest(new IngestBatch(trainingAndInference()));
        int threads = 4;
        int batches = 10;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int b = 0; b < batches; b++) {
                    List<MetadataRecord> points = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        // Every thread reports the same ten statistics, in a different order.
                        int name = (i + thread * 3) % 10;
                        points.add(new StatisticRecord("c-" + thread + "-" + b + "-" + i, "run-infer-1", null, "concurrent-" + name,
                                T0.plusMillis(i), i, null));
                    }
                    store.ingest(new IngestBatch(points));
                }
                return null;
            }));
        }
        for (var f : done) {
            f.get(120, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(1L + threads * batches * 200, store.counts().get(RecordKind.STATISTIC));
        long total = 0;
        for (int n = 0; n < 10; n++) {
            total += store.statistics(new StatisticQuery("concurrent-" + n, null, null, 10_000)).storedPoints();
        }
        assertEquals(threads * batches * 200L, total);
    }
}
