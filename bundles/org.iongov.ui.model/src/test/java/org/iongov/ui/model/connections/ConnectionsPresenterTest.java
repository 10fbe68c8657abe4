package org.iongov.ui.model.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.locks.LockSupport;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.client.RemoteAgents;
import org.iongov.client.RemoteGovernanceStore;
import org.iongov.client.ServerRefusedException;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreException;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;
import org.iongov.ui.model.connections.ConnectionList.Draft;
import org.iongov.ui.model.connections.ConnectionsPresenter.Agents;
import org.iongov.ui.model.connections.ConnectionsPresenter.Entry;
import org.iongov.ui.model.connections.ConnectionsPresenter.Opened;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connections against a real server on loopback over a real embedded store, with a real agent's heartbeats. */
class ConnectionsPresenterTest {

    @TempDir
    Path temp;

    private GovernanceStoreProvider provider;
    private GovernanceStore served;
    private GovernanceServer server;
    private MemoryConnectionStorage storage;
    private ConnectionsPresenter presenter;
    private String operatorToken;

    @BeforeEach
    void start() throws Exception {
        provider = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow();
        served = provider.openEmbedded(temp.resolve("served"));
        served.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
        served.ingest(new IngestBatch(List.of(new IonInstanceRecord("clinic-1", "retraining", 1, Instant.now(), null))));
        server = GovernanceServer.start(served, json -> "retraining", ServerOptions.defaults().withPort(0));
        operatorToken = served.createToken("olivia", Role.OPERATOR).secret();
        storage = new MemoryConnectionStorage();
        presenter = new ConnectionsPresenter(new ConnectionList(storage), temp.resolve("local"), provider::openEmbedded, Clock.systemUTC(),
                ZoneOffset.UTC);
    }

    @AfterEach
    void stop() {
        server.close();
        served.close();
    }

    @Test
    void aServerIsRememberedOnlyOnceItAnswersAndAcceptsTheToken() throws Exception {
        Draft draft = ConnectionList.check("clinic", server.uri().toString(), operatorToken, false);
        Entry saved = presenter.checkAndSave(draft, null);
        assertEquals(List.of(presenter.embedded(), saved), presenter.entries());
        assertEquals("clinic", saved.name());
        assertEquals(server.uri(), saved.server());
        assertTrue(storage.isEncrypted(saved.id(), ConnectionList.TOKEN), "the token is kept encrypted");
        assertFalse(storage.isEncrypted(saved.id(), ConnectionList.NAME));
        assertEquals(operatorToken, storage.flushed.get(saved.id()).get(ConnectionList.TOKEN), "written to disk at once");

        // A revoked token: refused (401) and said plainly; nothing changes.
        String revoked = served.createToken("oscar", Role.OPERATOR).secret();
        served.revokeToken(served.tokens().stream().filter(t -> t.user().equals("oscar")).findFirst().orElseThrow().id());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> presenter.checkAndSave(ConnectionList.check("clinic 2", server.uri().toString(), revoked, false), null));
        assertEquals(401, assertInstanceOf(ServerRefusedException.class, refused.getCause()).status());
        assertTrue(refused.getMessage().startsWith("The server at " + server.uri() + " does not accept this token ("), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Check it, or create one there: ./iongov token create --user NAME --role operator."));
        assertEquals(2, presenter.entries().size(), "nothing saved");

        // Nothing listens on a port just closed: unreachable, said plainly.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        IllegalArgumentException unreachable = assertThrows(IllegalArgumentException.class, () -> presenter.checkAndSave(
                ConnectionList.check("nowhere", "127.0.0.1:" + closedPort, operatorToken, false), null));
        assertEquals("Cannot reach the server at http://127.0.0.1:" + closedPort + ": is it running (./iongov server), and is the URL right?",
                unreachable.getMessage());
        assertEquals(StoreException.Reason.UNREACHABLE, ((StoreException) unreachable.getCause()).reason());

        // A second name for the same server is fine, the same name twice is not.
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> presenter.checkAndSave(ConnectionList.check("Clinic", server.uri().toString(), operatorToken, false), null));
        assertTrue(taken.getMessage().startsWith("A connection named 'clinic' is already remembered"), taken.getMessage());
    }

    @Test
    void editingKeepsTheStoredTokenUnlessANewOneIsGivenAndRemovingForgetsIt() {
        Entry saved = presenter.checkAndSave(ConnectionList.check("clinic", server.uri().toString(), operatorToken, false), null);
        Entry renamed = presenter.checkAndSave(ConnectionList.check("clinic production", server.uri() + "/", " ", true), saved.id());
        assertEquals(saved.id(), renamed.id());
        assertEquals("clinic production", presenter.entries().get(1).name());
        assertEquals(operatorToken, presenter.list().token(saved.id()), "a blank token keeps the stored one");

        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> presenter.checkAndSave(ConnectionList.check("clinic production", server.uri().toString(), "not-a-token", true),
                        saved.id()));
        assertTrue(bad.getMessage().contains("does not accept this token"), bad.getMessage());
        assertEquals(operatorToken, presenter.list().token(saved.id()), "a refused edit changes nothing");

        presenter.remove(renamed);
        assertEquals(List.of(presenter.embedded()), presenter.entries());
        assertTrue(storage.flushed.isEmpty(), "the token is gone from disk too");
        assertThrows(IllegalArgumentException.class, () -> presenter.remove(presenter.embedded()));
    }

    @Test
    void aConnectionOpensTheServersStoreAndEveryReadGoesThroughIt() {
        Entry saved = presenter.checkAndSave(ConnectionList.check("clinic", server.uri().toString(), operatorToken, false), null);
        Opened opened = presenter.open(saved);
        assertInstanceOf(RemoteGovernanceStore.class, opened.store());
        assertEquals(List.of("clinic-1"), opened.store().instances().stream().map(IonInstanceRecord::id).toList(),
                "what the server's store holds");
        assertEquals(server.uri() + " (the server's " + served.info().summary() + ")", opened.summary());

        Opened embedded = presenter.open(presenter.embedded());
        try {
            assertTrue(embedded.store().instances().isEmpty(), "the embedded store is another store");
            assertEquals(embedded.store().info().summary(), embedded.summary());
        } finally {
            embedded.store().close();
        }
        assertEquals(ConnectionsPresenter.NO_AGENTS_EMBEDDED, presenter.agents(presenter.embedded()).message());
    }

    @Test
    void anAgentThatSentAHeartbeatIsListedWithItsEngineHostStateBacklogAndLastContact() throws Exception {
        Entry saved = presenter.checkAndSave(ConnectionList.check("clinic", server.uri().toString(), operatorToken, false), null);
        assertEquals(List.of(), presenter.agents(saved).rows());
        assertEquals("No agent has sent clinic a heartbeat since it started.", presenter.agents(saved).message());

        String agentToken = served.createToken("agent-spark-1", Role.AGENT).secret();
        try (Agent agent = Agent.start(AgentConfig.of(server.uri(), agentToken, temp.resolve("spool")))) {
            RunHandle run = agent.governance().openRun(RunSpec.of("clinic-1", "train").withEngine("spark", "4.0.1"));
            Agents listed = awaitAgents(saved, agent.id(), "spark");
            AgentRow row = listed.rows().get(0);
            assertEquals(agent.id(), row.agent());
            assertEquals("spark", row.engines());
            assertEquals(new RemoteAgents(server.uri(), operatorToken).list().get(0).host(), row.host());
            assertTrue(row.state().startsWith("online"), row.state());
            assertTrue(row.backlog().equals("none") || row.backlog().endsWith("ago") || row.backlog().matches("[0-9,]+ records?"),
                    row.backlog());
            assertTrue(row.lastContact().matches("(just now|[0-9]+ s ago) \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)"), row.lastContact());
            assertEquals("1 agent reports to clinic, 1 online (heard from in the last 30 s).", listed.message());
            run.close();
        }
    }

    @Test
    void anAgentRowSaysHowLongAgoAndWhatIsWaiting() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        RemoteAgents.Agent late = new RemoteAgents.Agent("agent-7", "gpu-host", "late", now.minusSeconds(95), List.of("flink", "spark"), 2,
                false, 1234, now.minus(Duration.ofMinutes(7)), "connection refused", 4096, 1 << 20, 10, 0, "agent-flink");
        AgentRow row = AgentRow.of(late, now, ZoneOffset.UTC);
        assertEquals(List.of("agent-7", "flink, spark", "gpu-host", "late, not forwarding (last error: connection refused)",
                "1,234 records, oldest 7 min ago", "95 s ago (2026-11-26 11:58:25)"), row.cells());
        assertEquals(AgentRow.COLUMNS.size(), row.cells().size());
    }

    private Agents awaitAgents(Entry entry, String agentId, String engine) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Agents agents = presenter.agents(entry);
            if (agents.rows().stream().anyMatch(r -> r.agent().equals(agentId) && r.engines().contains(engine))) {
                return agents;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("agent " + agentId + " was never listed with " + engine + ": " + agents);
            }
            LockSupport.parkNanos(50_000_000);
        }
    }
}
