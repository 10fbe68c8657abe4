package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.store.GovernanceStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The governance ledger on a real embedded Derby store: appends, verification, tampering, concurrency, upgrade. */
class GovernanceLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path temp;

    private final DerbyStoreProvider provider = new DerbyStoreProvider();

    private static HumanActionRecord action(String id, String actor, String action, String model) {
        return new HumanActionRecord(id, actor, "operator", action, "model", model, "approve", T0, "because " + id);
    }

    /** Five entries: a definition, a token, an approval and a rejection, a revocation. */
    private Path storeWithFiveEntries() {
        Path folder = temp.resolve("store");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            store.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
            IssuedToken token = store.createToken("olivia", Role.OPERATOR);
            store.ingest(new IngestBatch(List.of(action("a-1", "olivia", "approve", "m-1"), action("a-2", "oscar", "reject", "m-2"))));
            assertTrue(store.revokeToken(token.token().id()));
        }
        return folder;
    }

    @Test
    void changesAreAppendedAsAChainThatVerifies() throws Exception {
        Path folder = temp.resolve("store");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            assertEquals(LedgerHead.EMPTY, store.ledgerHead());
            assertTrue(store.verifyLedger(null).intact());

            store.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
            IssuedToken token = store.createToken("olivia", Role.OPERATOR);
            List<MetadataRecord> batch = List.of(action("a-1", "olivia", "approve", "m-1"), action("a-2", "oscar", "reject", "m-2"),
                    action("a-3", "olivia", "rollback", "m-0"), action("a-4", "olivia", "comment", "m-1"),
                    new org.iongov.core.metadata.IonInstanceRecord("i-1", "retraining", 1, T0, null));
            store.ingest(new IngestBatch(batch));
            assertEquals(0, store.ingest(new IngestBatch(batch)).stored(), "a retried batch");
            store.revokeToken(token.token().id());
            assertFalse(store.revokeToken(token.token().id()), "revoking twice changes nothing");

            List<LedgerEntry> entries = store.ledger(1, 100);
            assertEquals(List.of("ion-definition", "token-created", "approval", "rejection", "rollback", "token-revoked"),
                    entries.stream().map(LedgerEntry::kind).toList(), "no entry for a comment, an instance or a retried batch");
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), entries.stream().map(LedgerEntry::sequence).toList());
            assertEquals(LedgerEntry.GENESIS_HASH, entries.get(0).previousHash());
            for (int i = 1; i < entries.size(); i++) {
                assertEquals(entries.get(i - 1).hash(), entries.get(i).previousHash());
                assertEquals(entries.get(i).computedHash(), entries.get(i).hash());
            }
            LedgerEntry approval = entries.get(2);
            assertEquals("olivia", approval.actor());
            assertEquals("model:m-1", approval.subject());
            JsonNode payload = new ObjectMapper().readTree(approval.payloadJson());
            assertEquals("a-1", payload.get("record").asText());
            assertEquals("because a-1", payload.get("comment").asText());
            assertEquals("token:" + token.token().id(), entries.get(1).subject());
            assertEquals("operator", new ObjectMapper().readTree(entries.get(5).payloadJson()).get("role").asText());
            assertEquals("ion:retraining", entries.get(0).subject());

            assertEquals(entries.get(5).head(), store.ledgerHead());
            assertEquals(List.of(4L, 5L), store.ledger(4, 2).stream().map(LedgerEntry::sequence).toList());
            LedgerVerification ok = store.verifyLedger(store.ledgerHead());
            assertTrue(ok.intact(), ok.toString());
            assertEquals(6, ok.entriesChecked());
        }
    }

    @Test
    void tokenAndPolicyChangesNameWhoMadeThem() {
        try (GovernanceStore store = provider.openEmbedded(temp.resolve("store"))) {
            store.addIonDefinition("retraining", "{\"name\":\"retraining\"}", "carol");
            String id = store.createToken("olivia", org.iongov.core.access.Role.OPERATOR, "alice").token().id();
            assertTrue(store.revokeToken(id, "bob"));
            store.createToken("oscar", org.iongov.core.access.Role.OPERATOR); // no caller named: the store itself
            List<LedgerEntry> entries = store.ledger(1, 10);
            assertEquals(List.of("ion-definition carol", "token-created alice", "token-revoked bob", "token-created store"),
                    entries.stream().map(e -> e.kind() + " " + e.actor()).toList());
            assertTrue(store.verifyLedger(null).intact());
        }
    }

    @Test
    void aRefusedBatchLeavesNoEntry() {
        try (GovernanceStore store = provider.openEmbedded(temp.resolve("store"))) {
            List<MetadataRecord> bad = List.of(action("a-1", "olivia", "approve", "m-1"),
                    new StatisticRecord("s", "ghost-run", null, "auc", T0, 0.9, null));
            try {
                store.ingest(new IngestBatch(bad));
            } catch (InvalidRecordsException expected) {
                // the approval was in a batch that was refused as a whole
            }
            assertEquals(LedgerHead.EMPTY, store.ledgerHead());
            assertTrue(store.ledger(1, 10).isEmpty());
        }
    }

    @Test
    void aChangedPayloadIsFoundAndNamed() throws Exception {
        Path folder = storeWithFiveEntries();
        sql(folder, "UPDATE LEDGER_ENTRY SET PAYLOAD = '{\"action\":\"approve\",\"comment\":\"nothing to see\",\"record\":\"a-1\"}'"
                + " WHERE SEQ = 3");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            LedgerVerification result = store.verifyLedger(null);
            assertFalse(result.intact());
            assertEquals(3, result.brokenSequence());
            assertEquals("approval", result.brokenKind());
            assertTrue(result.problem().contains("content was changed"), result.problem());
            assertEquals(3, result.entriesChecked(), "stops at the first broken entry");
        }
    }

    @Test
    void aRewrittenEntryWithItsHashRecomputedBreaksTheNextLink() throws Exception {
        Path folder = storeWithFiveEntries();
        LedgerEntry original;
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            original = store.ledger(4, 1).get(0);
        }
        // The forger recomputes entry 4's hash after changing its actor: entry 4 checks, entry 5 no longer links to it.
        LedgerEntry forged = new LedgerEntry(4, original.time(), original.kind(), "mallory", original.subject(), original.payloadJson(),
                original.previousHash(), null);
        sql(folder, "UPDATE LEDGER_ENTRY SET ACTOR = 'mallory', HASH = '" + forged.computedHash() + "' WHERE SEQ = 4");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            LedgerVerification result = store.verifyLedger(null);
            assertEquals(5, result.brokenSequence(), result.toString());
            assertEquals("token-revoked", result.brokenKind());
            assertTrue(result.problem().contains("is not entry 4's hash"), result.problem());
        }
        // Changing only the stored hash is found at that entry.
        sql(folder, "UPDATE LEDGER_ENTRY SET HASH = '" + "f".repeat(64) + "' WHERE SEQ = 2");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            LedgerVerification result = store.verifyLedger(null);
            assertEquals(2, result.brokenSequence(), result.toString());
            assertEquals("token-created", result.brokenKind());
        }
    }

    @Test
    void entriesRemovedFromTheEndAreFoundAgainstAnExportedHead() throws Exception {
        Path folder = storeWithFiveEntries();
        LedgerHead exported;
        String hashOfThree;
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            exported = store.ledgerHead();
            hashOfThree = store.ledger(3, 1).get(0).hash();
        }
        assertEquals(5, exported.sequence());

        // Deleting rows without touching the head is seen by the head alone.
        sql(folder, "DELETE FROM LEDGER_ENTRY WHERE SEQ = 5");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            LedgerVerification result = store.verifyLedger(null);
            assertEquals(5, result.brokenSequence(), result.toString());
            assertNull(result.brokenKind());
        }
        // A careful forger also sets the head back: the chain is consistent, only the exported head tells.
        sql(folder, "DELETE FROM LEDGER_ENTRY WHERE SEQ = 4");
        sql(folder, "UPDATE LEDGER_HEAD SET SEQ = 3, HASH = '" + hashOfThree + "'");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            assertTrue(store.verifyLedger(null).intact(), "nothing inside the store shows a truncation");
            LedgerVerification result = store.verifyLedger(exported);
            assertFalse(result.intact());
            assertEquals(4, result.brokenSequence());
            assertTrue(result.problem().contains("entries 4 to 5 are missing"), result.problem());
            assertTrue(store.verifyLedger(new LedgerHead(2, store.ledger(2, 1).get(0).hash())).intact(), "an older head is in the chain");
            assertFalse(store.verifyLedger(new LedgerHead(2, "a".repeat(64))).intact(), "a head that is not in the chain");
        }
    }

    @Test
    void concurrentIngestKeepsOneUnbrokenChain() throws Exception {
        int threads = 6;
        int batches = 8;
        try (GovernanceStore store = provider.openEmbedded(temp.resolve("store"))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int b = 0; b < batches; b++) {
                            String id = "t" + thread + "-b" + b;
                            store.ingest(new IngestBatch(List.of(action(id + "-1", "olivia", "approve", id),
                                    action(id + "-2", "oscar", "approve", id))));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            List<LedgerEntry> entries = store.ledger(1, 1000);
            assertEquals(threads * batches * 2, entries.size());
            Set<String> records = new HashSet<>();
            for (int i = 0; i < entries.size(); i++) {
                assertEquals(i + 1, entries.get(i).sequence());
                records.add(new ObjectMapper().readTree(entries.get(i).payloadJson()).get("record").asText());
            }
            assertEquals(threads * batches * 2, records.size(), "every approval exactly once");
            for (int i = 0; i < entries.size(); i += 2) {
                assertEquals(entries.get(i).subject(), entries.get(i + 1).subject(), "a batch's entries are adjacent");
            }
            LedgerVerification result = store.verifyLedger(null);
            assertTrue(result.intact(), result.toString());
            assertEquals(new LedgerHead(entries.size(), entries.get(entries.size() - 1).hash()), store.ledgerHead());
        }
    }

    @Test
    void aV3StoreIsUpgradedAndItsLedgerStartsEmpty() {
        Path folder = temp.resolve("v3");
        try (GovernanceStore v3 = EmbeddedStoreOpener.open(folder, new SchemaMigrations(List.of(SchemaMigrations.V1_ION_DEFINITIONS,
                SchemaMigrations.V2_METADATA, SchemaMigrations.V3_LINEAGE_INDEXES)))) {
            assertEquals(3, v3.info().schemaVersion());
            v3.addIonDefinition("before-upgrade", "{}");
            v3.createToken("olivia", Role.OPERATOR);
        }
        try (GovernanceStore v4 = provider.openEmbedded(folder)) {
            assertEquals(4, v4.info().schemaVersion());
            assertEquals(LedgerHead.EMPTY, v4.ledgerHead(), "changes before the upgrade are not in the chain");
            assertEquals("before-upgrade", v4.ionDefinitions().get(0).name());
            v4.addIonDefinition("after-upgrade", "{}");
            assertEquals(List.of("ion:after-upgrade"), v4.ledger(1, 10).stream().map(LedgerEntry::subject).toList());
            assertTrue(v4.verifyLedger(v4.ledgerHead()).intact());
        }
    }

    /** Changes the closed store's database directly, as someone with file access could. */
    private static void sql(Path folder, String statement) throws SQLException {
        String url = "jdbc:derby:" + folder.resolve("db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            assertEquals(1, st.executeUpdate(statement), statement);
        } finally {
            DerbyGovernanceStore.shutdownEmbedded(url);
        }
    }
}
