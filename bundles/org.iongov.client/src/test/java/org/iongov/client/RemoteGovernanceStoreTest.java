package org.iongov.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
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
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.StoreException;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The remote store answers exactly as the embedded store it stands for. */
class RemoteGovernanceStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private GovernanceStore embedded;
    private GovernanceServer server;
    private RemoteGovernanceStore remote;

    @BeforeEach
    void start() throws Exception {
        embedded = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        server = GovernanceServer.start(embedded, json -> "retraining", ServerOptions.defaults().withPort(0));
        remote = new RemoteGovernanceStore(server.uri(), embedded.createToken("root", Role.ADMIN).secret());
    }

    @AfterEach
    void stop() {
        server.close();
        embedded.close();
    }

    private static List<MetadataRecord> records() throws Exception {
        byte[] model = "opaque-model-bytes".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new IonInstanceRecord("inst", "retraining", 1, T0, "remote test"));
        records.add(new RunRecord("train", "inst", "train", RunRecord.NodeKind.PIPELINE, T0, "h", "spark", "4.0.1", "a", "git://r", "c",
                "{\"k\":[1,2]}", null));
        for (int i = 0; i < 30; i++) {
            records.add(new StatisticRecord("s" + i, "train", null, "acc", T0.plusSeconds(i), i / 30.0, null));
        }
        records.add(new StatisticRecord("cm", "train", "evaluator", "confusion", T0.plusSeconds(40), Double.NaN, "[[1,2],[3,4]]"));
        records.add(new ModelRecord("m", "train", "lr", ModelRecord.ModelFormat.OPAQUE, sha, model.length, T0.plusSeconds(50), model,
                null, "{\"note\":\"x\"}"));
        records.add(new RunEndRecord("end", "train", T0.plusSeconds(51), RunStatus.SUCCEEDED));
        records.add(new PredictionRecord("p", "train", T0.plusSeconds(52), List.of("m"), "d", "{\"a\":1}", "{\"y\":0.3}"));
        records.add(new EventRecord("e", "inst", "train", T0.plusSeconds(53), "alert", EventRecord.Severity.WARNING, "drift", "{\"f\":\"age\"}"));
        records.add(new SearchResultRecord("sr1", "train", "{\"regParam\":0.1}", "auc", 0.81, false));
        records.add(new SearchResultRecord("sr2", "train", "{\"regParam\":0.01}", "auc", 0.86, true));
        records.add(new SignatureRecord("sig", "train", null, SignatureRecord.SignatureTarget.INPUT, "age", T0.plusSeconds(55),
                "{\"edges\":[0,50,100],\"counts\":[3,4]}"));
        records.add(new LogRecord("log", "train", T0.plusSeconds(56), "INFO", "trained in 31 s"));
        records.add(new DatasetRecord("ds", "file:///data/batch-0.csv", 10, "abc", null, T0));
        records.add(new DatasetUseRecord("use", "train", "ds", DatasetUseRecord.Direction.READ, T0.plusSeconds(1)));
        records.add(new MessageRecord("msg", "inst", "trained-model", MessageRecord.MessageType.MODEL, "train", null,
                T0.plusSeconds(57), null, "m", null));
        records.add(new MessageReceivedRecord("rcv", "msg", "train", T0.plusSeconds(58)));
        records.add(new HumanActionRecord("h", "olivia", "operator", "approve", "model", "m", "approval", T0.plusSeconds(54), "ok"));
        return records;
    }

    @Test
    void remoteAnswersAsTheEmbeddedStore() throws Exception {
        remote.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
        assertEquals(records().size(), remote.ingest(new IngestBatch(records())).stored());

        assertEquals(embedded.info(), remote.info());
        assertEquals(embedded.counts(), remote.counts());
        assertEquals(embedded.ionDefinitions().get(0).name(), remote.ionDefinitions().get(0).name());
        assertEquals(embedded.instances(), remote.instances());
        assertEquals(embedded.runs(new RunQuery(null, null, null, 10)), remote.runs(new RunQuery(null, null, null, 10)));
        assertEquals(embedded.run("train"), remote.run("train"));
        StatisticQuery downsampled = new StatisticQuery("acc", "train", null, 4);
        assertEquals(embedded.statistics(downsampled), remote.statistics(downsampled));
        StatisticQuery structured = new StatisticQuery("confusion", null, null, 10);
        assertEquals(embedded.statistics(structured), remote.statistics(structured));
        assertEquals(embedded.statisticNames(null), remote.statisticNames(null));
        assertEquals(embedded.models(RecordQuery.latest(5)), remote.models(RecordQuery.latest(5)));
        assertArrayEquals(embedded.model("m").orElseThrow().bytes(), remote.model("m").orElseThrow().bytes());
        assertEquals(embedded.predictions(RecordQuery.latest(5)), remote.predictions(RecordQuery.latest(5)));
        assertEquals(embedded.prediction("p"), remote.prediction("p"));
        assertEquals(embedded.events(RecordQuery.latest(5)), remote.events(RecordQuery.latest(5)));
        RecordQuery approvals = new RecordQuery(null, null, "approve", "m", null, 5);
        assertEquals(embedded.humanActions(approvals), remote.humanActions(approvals));
        assertEquals(Map.of("acc", 29 / 30.0), remote.latestStatistics("train"), "the last scalar value; structured ones left out");
        assertEquals(embedded.latestStatistics("train"), remote.latestStatistics("train"));
        assertEquals(List.of("m"), remote.models(new RecordQuery(null, null, null, "m", null, 5)).stream().map(ModelRecord::id).toList());
        RecordQuery ofTrain = new RecordQuery("train", null, null, null, null, 10);
        assertEquals(List.of(0.81, 0.86), remote.searchResults(ofTrain).stream().map(SearchResultRecord::value).toList());
        assertEquals(embedded.searchResults(ofTrain), remote.searchResults(ofTrain));
        assertEquals(embedded.signatures(ofTrain), remote.signatures(ofTrain));
        assertEquals("age", remote.signatures(ofTrain).get(0).feature());
        assertEquals(embedded.structuredStatistics(ofTrain), remote.structuredStatistics(ofTrain));
        assertEquals("[[1,2],[3,4]]", remote.structuredStatistics(ofTrain).get(0).structuredJson());
        assertEquals(List.of("trained in 31 s"), remote.logs(ofTrain).stream().map(LogRecord::message).toList());
        RecordQuery usesOfDataset = new RecordQuery(null, null, null, "ds", null, 10);
        assertEquals(List.of("use"), remote.datasetUses(usesOfDataset).stream().map(DatasetUseRecord::id).toList());
        assertEquals(embedded.datasetUses(usesOfDataset), remote.datasetUses(usesOfDataset));
        RecordQuery receiptsOfMessage = new RecordQuery(null, null, null, "msg", null, 10);
        assertEquals(List.of("rcv"), remote.messageReceipts(receiptsOfMessage).stream().map(MessageReceivedRecord::id).toList());
        assertTrue(remote.messageReceipts(new RecordQuery("other-run", null, null, null, null, 10)).isEmpty());
        assertEquals(List.of("p"), remote.predictions(new RecordQuery(null, null, null, "d", null, 5)).stream()
                .map(PredictionRecord::id).toList(), "predictions of the same input");
        assertTrue(remote.predictions(new RecordQuery(null, null, null, "other-digest", null, 5)).isEmpty());
        assertEquals(List.of("msg"), remote.messages(new RecordQuery(null, null, null, "m", null, 5)).stream()
                .map(MessageRecord::id).toList(), "messages carrying a model");
        assertEquals(List.of("ds"), remote.datasets(new RecordQuery(null, null, null, "ds", null, 5)).stream()
                .map(DatasetRecord::id).toList());
        assertTrue(remote.run("nope").isEmpty());
        assertTrue(remote.model("nope").isEmpty());

        assertEquals(embedded.ledger(1, 100), remote.ledger(1, 100));
        assertEquals(List.of("token-created", "ion-definition", "approval", "deployment-receipt"),
                remote.ledger(1, 100).stream().map(org.iongov.core.audit.LedgerEntry::kind).toList());
        assertEquals(embedded.ledger(3, 1), remote.ledger(3, 1));
        assertEquals(embedded.ledgerHead(), remote.ledgerHead());
        assertEquals(embedded.verifyLedger(null), remote.verifyLedger(null));
        assertTrue(remote.verifyLedger(remote.ledgerHead()).intact());
        org.iongov.core.audit.LedgerHead ahead = new org.iongov.core.audit.LedgerHead(9, "0".repeat(64));
        assertEquals(embedded.verifyLedger(ahead), remote.verifyLedger(ahead));
        assertEquals(5, remote.verifyLedger(ahead).brokenSequence());

        RetentionPolicy logs = new RetentionPolicy(Map.of(RecordKind.LOG, Duration.ofDays(1)));
        assertEquals(embedded.applyRetention(logs, Instant.now(), true).expired(),
                remote.applyRetention(logs, Instant.now(), true).expired());
    }

    @Test
    void refusalsArriveAsTheSameExceptions() throws Exception {
        remote.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
        List<MetadataRecord> bad = List.of(new StatisticRecord("s", "ghost-run", null, "acc", T0, 1, null));
        InvalidRecordsException remoteError = assertThrows(InvalidRecordsException.class, () -> remote.ingest(new IngestBatch(bad)));
        InvalidRecordsException localError = assertThrows(InvalidRecordsException.class, () -> embedded.ingest(new IngestBatch(bad)));
        assertEquals(localError.problems(), remoteError.problems());

        StoreException denied = assertThrows(StoreException.class,
                () -> new RemoteGovernanceStore(server.uri(), "igv_wrong").info());
        assertEquals(StoreException.Reason.ACCESS_DENIED, denied.reason());

        var agentToken = remote.createToken("agent-1", Role.AGENT);
        StoreException forbidden = assertThrows(StoreException.class,
                () -> new RemoteGovernanceStore(server.uri(), agentToken.secret()).createToken("x", Role.ADMIN));
        assertEquals(StoreException.Reason.ACCESS_DENIED, forbidden.reason());
        assertTrue(remote.revokeToken(agentToken.token().id()));
        assertTrue(remote.tokens().stream().noneMatch(t -> t.id().equals(agentToken.token().id())));
    }

    @Test
    void unreachableServerIsSaidPlainly() {
        StoreException e = assertThrows(StoreException.class,
                () -> new RemoteGovernanceStore(URI.create("http://127.0.0.1:1"), "igv_x").info());
        assertEquals(StoreException.Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().startsWith("cannot reach the IonGov server at http://127.0.0.1:1"), e.getMessage());
    }
}
