package org.iongov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of an agent's process mid-stream loses nothing that passed its durability point. */
class AgentCrashTest {

    @TempDir
    Path temp;

    @Test
    void killedAgentLosesNoRecordThatWasDurable() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            Path spool = temp.resolve("spool");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // The server is away while the pipeline runs: everything waits in the spool.
            Process pipeline = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PipelineProcess.class.getName(),
                    fixture.uri().toString(), fixture.agentToken, spool.toString()).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String runId = null;
            int durableBlocks = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(pipeline.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; durableBlocks < 5 && (line = out.readLine()) != null;) {
                    if (line.startsWith("RUN ")) {
                        runId = line.substring(4);
                    } else if (line.startsWith("DURABLE ")) {
                        durableBlocks = Integer.parseInt(line.substring(8));
                    }
                }
                pipeline.destroyForcibly(); // SIGKILL, mid-block
                assertTrue(pipeline.waitFor(30, TimeUnit.SECONDS));
            }
            assertTrue(durableBlocks >= 5, "the pipeline reported durable blocks before it was killed");

            // A new agent on the same spool forwards what the killed one left.
            fixture.startServer();
            try (Agent agent = Agent.start(AgentConfig.of(fixture.uri(), fixture.agentToken, spool))) {
                assertTrue(agent.awaitForwarded(Duration.ofMinutes(2)), agent.status().toString());
            }
            for (int block = 0; block < durableBlocks; block++) {
                assertEquals(10_000L, fixture.store.statistics(new StatisticQuery("block-" + block, runId, null, 1)).storedPoints(),
                        "block " + block + " was durable and must arrive whole");
            }
        }
    }
}
