package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentVerbTest {

    @TempDir
    Path temp;

    @Test
    void statusDescribesWhatAnAgentLeftInItsSpool() throws Exception {
        Path spool = temp.resolve("spool");
        String[] status = { "agent", "status", "--spool", spool.toString() };
        try (Agent agent = Agent.start(AgentConfig.of(URI.create("http://127.0.0.1:1"), "igv_x", spool))) {
            Governance governance = agent.governance();
            governance.openRun(RunSpec.of("inst", "train")).statistic("auc", 0.9);
            governance.flush(Duration.ofSeconds(10));
            ByteArrayOutputStream running = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(spool.resolve("status.json")) && System.nanoTime() < deadline) {
                agent.awaitForwarded(Duration.ofMillis(50)); // (the server is away: a bounded wait until the first status is written)
            }
            assertEquals(ExitCodes.OK, new IonGovCli().run(status, new PrintStream(running, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream())));
            assertTrue(running.toString(StandardCharsets.UTF_8).startsWith("agent:          running"), running.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new IonGovCli().run(status, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, code);
        assertTrue(text.startsWith("agent:          not running (last status "), text);
        assertTrue(text.contains("backlog:        2 records, oldest spooled at "), text);
        assertTrue(text.contains("server:         not connected"), text);
        assertTrue(text.contains("refused:        none"), text);
    }

    @Test
    void listShowsTheAgentsThatReportToAServer() throws Exception {
        try (org.iongov.core.store.GovernanceStore store = java.util.ServiceLoader.load(org.iongov.core.store.GovernanceStoreProvider.class)
                .findFirst().orElseThrow().openEmbedded(temp.resolve("store"));
                org.iongov.server.GovernanceServer server = org.iongov.server.GovernanceServer.start(store, json -> "x",
                        org.iongov.server.ServerOptions.defaults().withPort(0))) {
            String operator = store.createToken("olivia", org.iongov.core.access.Role.OPERATOR).secret();
            String[] list = { "agent", "list", "--server", server.uri().toString(), "--token", operator };
            ByteArrayOutputStream none = new ByteArrayOutputStream();
            assertEquals(ExitCodes.OK, new IonGovCli().run(list, new PrintStream(none, true, StandardCharsets.UTF_8), System.err));
            assertTrue(none.toString(StandardCharsets.UTF_8).contains("no agent has reported"), none.toString(StandardCharsets.UTF_8));

            String agentToken = store.createToken("agent-1", org.iongov.core.access.Role.AGENT).secret();
            try (Agent agent = Agent.start(AgentConfig.of(server.uri(), agentToken, temp.resolve("spool")))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                String text = "";
                while (!text.contains(agent.id()) && System.nanoTime() < deadline) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    assertEquals(ExitCodes.OK, new IonGovCli().run(list, new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
                    text = out.toString(StandardCharsets.UTF_8);
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                }
                assertTrue(text.contains(agent.id()) && text.contains("online") && text.startsWith("AGENT"), text);
                ByteArrayOutputStream json = new ByteArrayOutputStream();
                assertEquals(ExitCodes.OK, new IonGovCli().run(new String[] { "agent", "list", "--server", server.uri().toString(), "--token",
                        operator, "--json" }, new PrintStream(json, true, StandardCharsets.UTF_8), System.err));
                assertTrue(json.toString(StandardCharsets.UTF_8).contains("\"agentId\" : \"" + agent.id() + "\"")
                        || json.toString(StandardCharsets.UTF_8).contains("\"agentId\":\"" + agent.id() + "\""), json.toString());
            }
        }
    }

    @Test
    void quotaSizesAreReadOrRefusedPlainly() {
        assertEquals(512L << 20, AgentVerb.size("512m"));
        assertEquals(2L << 30, AgentVerb.size("2G"));
        assertEquals("agent: --quota 'lots' is not a size such as 512m or 2g",
                assertThrows(UsageException.class, () -> AgentVerb.size("lots")).getMessage());
        assertTrue(assertThrows(UsageException.class, () -> AgentVerb.size("10k")).getMessage().contains("at least 1m"));
    }
}
