package org.iongov.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;

/** A real store and server on a fixed loopback port, which tests stop and start again. */
final class ServerFixture implements AutoCloseable {

    static final String INSTANCE = "inst-1";

    final GovernanceStore store;
    final int port;
    final String agentToken;
    private GovernanceServer server;

    ServerFixture(Path folder) throws IOException {
        store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(folder);
        Path sample = Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
        store.addIonDefinition("test-recommendation-approved-retraining", Files.readString(sample));
        store.ingest(new IngestBatch(List.of(new IonInstanceRecord(INSTANCE, "test-recommendation-approved-retraining", 1,
                Instant.now(), "agent tests"))));
        agentToken = store.createToken("agent-test", Role.AGENT).secret();
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void startServer() throws IOException {
        server = GovernanceServer.start(store, json -> "x", ServerOptions.defaults().withPort(port));
    }

    void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void close() {
        stopServer();
        store.close();
    }
}
