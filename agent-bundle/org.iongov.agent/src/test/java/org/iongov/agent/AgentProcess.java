package org.iongov.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An agent as its own process, listening for pipelines on a socket; prints LISTENING when ready.
 * Arguments: server, token, spool, socket, and optionally the quota in bytes.
 */
public final class AgentProcess {

    public static void main(String[] args) throws Exception {
        AgentConfig config = AgentConfig.of(URI.create(args[0]), args[1], Path.of(args[2])).withMaxBackoff(Duration.ofMillis(300));
        if (args.length > 4) {
            config = config.withQuota(Long.parseLong(args[4]));
        }
        Agent agent = Agent.start(config);
        agent.listen(Path.of(args[3]));
        System.out.println("LISTENING");
        System.out.flush();
        Thread.currentThread().join();
    }
}
