package org.iongov.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Predicate;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.core.access.Role;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreException;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real agent's heartbeats, as the server lists them to an operator (the workbench's connection view). */
class RemoteAgentsTest {

    @TempDir
    Path temp;

    private GovernanceStore embedded;
    private GovernanceServer server;

    @BeforeEach
    void start() throws Exception {
        embedded = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
        embedded.addIonDefinition("retraining", "{\"name\":\"retraining\"}");
        embedded.ingest(new IngestBatch(List.of(new IonInstanceRecord("inst-1", "retraining", 1, java.time.Instant.now(), null))));
        server = GovernanceServer.start(embedded, json -> "retraining", ServerOptions.defaults().withPort(0));
    }

    @AfterEach
    void stop() {
        server.close();
        embedded.close();
    }

    private static RemoteAgents.Agent await(RemoteAgents agents, String id, Predicate<RemoteAgents.Agent> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            RemoteAgents.Agent found = agents.list().stream().filter(a -> a.agentId().equals(id)).findFirst().orElse(null);
            if (found != null && condition.test(found)) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("agent " + id + " never showed as expected; last seen: " + found);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
        }
    }

    @Test
    void anAgentIsListedWithItsHostEnginesAndStateAndKeepsItsIdAcrossRestarts() throws Exception {
        String agentToken = embedded.createToken("agent-spark-1", Role.AGENT).secret();
        RemoteAgents operator = new RemoteAgents(server.uri(), embedded.createToken("olivia", Role.OPERATOR).secret());
        Path spool = temp.resolve("spool");
        String id;
        try (Agent agent = Agent.start(AgentConfig.of(server.uri(), agentToken, spool))) {
            id = agent.id();
            RunHandle run = agent.governance().openRun(RunSpec.of("inst-1", "train").withEngine("spark", "4.0.1"));
            RemoteAgents.Agent listed = await(operator, id, a -> a.engines().contains("spark"));
            assertEquals("online", listed.state());
            assertEquals("agent-spark-1", listed.token());
            assertNotNull(listed.host());
            assertNotNull(listed.lastContact());
            assertEquals(0, listed.pipelines(), "no pipeline on its socket");
            run.close();
        }
        try (Agent again = Agent.start(AgentConfig.of(server.uri(), agentToken, spool))) {
            assertEquals(id, again.id(), "the id lives in the spool");
        }
        assertEquals(1, operator.list().size());
    }

    @Test
    void onlyAgentsSendHeartbeatsAndAMalformedOneIsRefused() {
        ServerRequests operator = new ServerRequests(server.uri(), embedded.createToken("olivia", Role.OPERATOR).secret());
        assertThrows(StoreException.class, () -> operator.send("POST", "/api/v1/agents/heartbeat",
                MetadataJson.MAPPER.createObjectNode().put("agentId", "agent-x")));
        ServerRequests agent = new ServerRequests(server.uri(), embedded.createToken("agent-1", Role.AGENT).secret());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> agent.send("POST", "/api/v1/agents/heartbeat",
                MetadataJson.MAPPER.createObjectNode().put("agentId", "no spaces allowed")));
        assertTrue(refused.getMessage().contains("agentId"), refused.getMessage());
    }
}
