package org.iongov.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** An agent as its own process, listening for pipelines on a socket; prints LISTENING when ready. */
public final class AgentProcess {

    public static void main(String[] args) throws Exception {
        Agent agent = Agent.start(AgentConfig.of(URI.create(args[0]), args[1], Path.of(args[2])).withMaxBackoff(Duration.ofMillis(300)));
        agent.listen(Path.of(args[3]));
        System.out.println("LISTENING");
        System.out.flush();
        Thread.currentThread().join();
    }
}
