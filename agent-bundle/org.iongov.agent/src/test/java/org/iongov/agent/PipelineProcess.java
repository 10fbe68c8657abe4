package org.iongov.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;

/**
 * A standalone pipeline with its in-process agent, in its own process so a test can kill it:
 * reports blocks of 10,000 statistic points, each under its own name, and prints
 * {@code DURABLE k} once blocks 0..k-1 are durable in the spool.
 */
public final class PipelineProcess {

    public static void main(String[] args) throws Exception {
        AgentConfig config = AgentConfig.of(URI.create(args[0]), args[1], Path.of(args[2])).withMaxBackoff(Duration.ofMillis(500));
        Agent agent = Agent.start(config);
        Governance governance = agent.governance();
        RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
        System.out.println("RUN " + run.id());
        for (int block = 0; block < 1_000; block++) {
            for (int i = 0; i < 10_000; i++) {
                run.statistic("block-" + block, i);
            }
            if (!governance.flush(Duration.ofSeconds(60))) {
                throw new IllegalStateException("spool did not become durable");
            }
            System.out.println("DURABLE " + (block + 1));
            System.out.flush();
        }
    }
}
