package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;
import org.iongov.core.store.StoreInfo.StoreMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {

    @TempDir
    Path temp;

    private final GovernanceStoreProvider provider = new DerbyStoreProvider();

    @Test
    void createsStoreInNewFolderAndReportsLocationAndSchemaVersion() {
        Path folder = temp.resolve("a/b/store");
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            assertEquals(folder.toString(), store.info().location());
            assertEquals(StoreMode.EMBEDDED, store.info().mode());
            assertEquals(SchemaMigrations.ALL.latestVersion(), store.info().schemaVersion());
            assertTrue(store.ionDefinitions().isEmpty());
        }
        assertTrue(Files.isDirectory(folder.resolve("db")), "Derby database lives in the db sub-folder");
    }

    @Test
    void rowsSurviveCloseAndReopen() {
        Path folder = temp.resolve("store");
        IonDefinitionRecord written;
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            written = store.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
            assertEquals(1, written.version());
            assertEquals(2, store.addIonDefinition("retraining", "{\"name\":\"retraining\",\"v\":2}").version());
        }
        try (GovernanceStore reopened = provider.openEmbedded(folder)) {
            List<IonDefinitionRecord> all = reopened.ionDefinitions();
            assertEquals(2, all.size());
            assertEquals(written, all.get(0));
            assertEquals("{\"name\":\"retraining\",\"v\":2}", all.get(1).definitionJson());
        }
    }

    @Test
    void committedRowSurvivesKillOfTheWritingProcess() throws Exception {
        Path folder = temp.resolve("killed");
        Process child = startHolder(folder, "write");
        try {
            assertEquals("WROTE", readLine(child));
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        try (GovernanceStore store = provider.openEmbedded(folder)) {
            assertEquals(List.of("written-by-child"), store.ionDefinitions().stream().map(IonDefinitionRecord::name).toList());
        }
    }

    @Test
    void storeOpenInAnotherProcessIsReportedAsLocked() throws Exception {
        Path folder = temp.resolve("locked");
        Process child = startHolder(folder, "hold");
        try {
            assertEquals("OPEN", readLine(child));
            StoreException e = assertThrows(StoreException.class, () -> provider.openEmbedded(folder));
            assertEquals(Reason.LOCKED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(folder.toString()) && e.getMessage().contains("in use by another process"),
                    e.getMessage());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "holder exits when its stdin closes");
        }
        // Once the other process is gone the store opens again.
        provider.openEmbedded(folder).close();
    }

    @Test
    void folderUnderAFileIsNotWritable() throws IOException {
        Path file = Files.writeString(temp.resolve("plain-file"), "x");
        StoreException e = assertThrows(StoreException.class, () -> provider.openEmbedded(file.resolve("store")));
        assertEquals(Reason.NOT_WRITABLE, e.reason());
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
    }

    @Test
    void nonEmptyForeignFolderIsRefusedAndLeftUntouched() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("photos"));
        Files.writeString(folder.resolve("holiday.jpg"), "not a store");
        StoreException e = assertThrows(StoreException.class, () -> provider.openEmbedded(folder));
        assertEquals(Reason.NOT_A_STORE, e.reason());
        try (var entries = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("holiday.jpg")), entries.toList());
        }
    }

    @Test
    void olderStoreIsUpgradedKeepingItsRows() throws Exception {
        Path folder = temp.resolve("old");
        try (GovernanceStore v1 = EmbeddedStoreOpener.open(folder, new SchemaMigrations(List.of(SchemaMigrations.V1_ION_DEFINITIONS)))) {
            assertEquals(1, v1.info().schemaVersion());
            v1.addIonDefinition("before-upgrade", "{}");
        }
        try (GovernanceStore current = provider.openEmbedded(folder)) {
            assertEquals(SchemaMigrations.ALL.latestVersion(), current.info().schemaVersion());
            assertEquals("before-upgrade", current.ionDefinitions().get(0).name());
            assertEquals(0L, current.counts().get(org.iongov.core.metadata.RecordKind.STATISTIC), "new tables exist");
        }
        int latest = SchemaMigrations.ALL.latestVersion();
        Migration future = new Migration(latest + 1, "test: ION descriptions", List.of(
                "ALTER TABLE ION_DEFINITION ADD COLUMN DESCRIPTION VARCHAR(1000)"));
        List<Migration> withFuture = new java.util.ArrayList<>(SchemaMigrations.ALL.migrations());
        withFuture.add(future);
        try (GovernanceStore newer = EmbeddedStoreOpener.open(folder, new SchemaMigrations(withFuture))) {
            assertEquals(latest + 1, newer.info().schemaVersion());
        }
        // Opening the upgraded store with the older history is refused, not silently downgraded.
        StoreException e = assertThrows(StoreException.class, () -> provider.openEmbedded(folder));
        assertEquals(Reason.NEWER_SCHEMA, e.reason());
        assertTrue(e.getMessage().contains("schema v" + (latest + 1)), e.getMessage());
    }

    @Test
    void plainJvmFindsTheProviderThroughServiceLoader() {
        GovernanceStoreProvider found = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow();
        assertInstanceOf(DerbyStoreProvider.class, found);
    }

    private static Process startHolder(Path folder, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName(),
                folder.toString(), mode).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String readLine(Process process) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? "<process ended with exit code " + exitCode(process) + ">" : line;
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
