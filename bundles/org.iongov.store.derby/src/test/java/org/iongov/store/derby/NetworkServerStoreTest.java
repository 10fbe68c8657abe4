package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.apache.derby.drda.NetworkServerControl;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreInfo.StoreMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store in a database served by a real Derby network server on loopback. */
class NetworkServerStoreTest {

    @TempDir
    Path temp;

    private NetworkServerControl derbyServer;
    private int port;

    @BeforeEach
    void startDerbyNetworkServer() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        startAndWait();
    }

    private void startAndWait() throws Exception {
        derbyServer = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        derbyServer.start(new PrintWriter(Writer.nullWriter()));
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                derbyServer.ping();
                break;
            } catch (Exception notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw notYet;
                }
                Thread.onSpinWait();
            }
        }
    }

    @AfterEach
    void stopDerbyNetworkServer() throws Exception {
        derbyServer.shutdown();
    }

    private String url(String attributes) {
        return "jdbc:derby://127.0.0.1:" + port + "/" + temp.resolve("netdb") + attributes;
    }

    @Test
    void storeIsCreatedUsedAndReopenedThroughTheNetworkServer() throws Exception {
        DerbyStoreProvider provider = new DerbyStoreProvider();
        try (GovernanceStore store = provider.openUrl(url(";create=true"))) {
            assertEquals(StoreMode.REMOTE, store.info().mode());
            assertEquals(url(""), store.info().location());
            assertEquals(SchemaMigrations.ALL.latestVersion(), store.info().schemaVersion());
            store.addIonDefinition("retraining", "{}");
            assertEquals(14, store.ingest(new IngestBatch(MetadataStoreTest.trainingAndInference())).stored());
            // A retried batch is as idempotent over the network as embedded.
            assertEquals(14, store.ingest(new IngestBatch(MetadataStoreTest.trainingAndInference())).duplicates());
        }
        try (GovernanceStore reopened = provider.openUrl(url(""))) {
            assertEquals(2L, reopened.counts().get(RecordKind.PREDICTION));
            assertEquals(List.of("retraining"), reopened.ionDefinitions().stream().map(d -> d.name()).toList());
        }
    }

    @Test
    void unreachableOrWrongUrlsAreSaidPlainly() throws Exception {
        DerbyStoreProvider provider = new DerbyStoreProvider();
        StoreException missing = assertThrows(StoreException.class, () -> provider.openUrl(url("-missing")));
        assertTrue(missing.getMessage().contains("add ;create=true"), missing.getMessage());
        derbyServer.shutdown();
        StoreException down = assertThrows(StoreException.class, () -> provider.openUrl(url(";create=true")));
        assertEquals(StoreException.Reason.UNREACHABLE, down.reason());
        startAndWait();
        StoreException notDerby = assertThrows(StoreException.class, () -> provider.openUrl("jdbc:postgresql://x/y"));
        assertEquals(StoreException.Reason.NOT_A_STORE, notDerby.reason());
    }
}
