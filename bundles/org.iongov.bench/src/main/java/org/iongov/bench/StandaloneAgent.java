package org.iongov.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;

/**
 * An agent in a process of its own, beside an engine, as deployed: {@code SERVER TOKEN SPOOL SOCKET}.
 * It runs until its standard input ends (its parent closed it, or died).
 */
public final class StandaloneAgent {

    private StandaloneAgent() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: StandaloneAgent SERVER-URL TOKEN SPOOL-DIR SOCKET");
            System.exit(2);
        }
        try (Agent agent = Agent.start(AgentConfig.of(URI.create(args[0]), args[1], Path.of(args[2])))) {
            agent.listen(Path.of(args[3]));
            System.out.println("agent listening on " + args[3]);
            System.out.flush();
            while (System.in.read() != -1) {
                // until the parent closes our input
            }
        }
    }
}
