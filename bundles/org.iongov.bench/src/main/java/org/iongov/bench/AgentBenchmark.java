package org.iongov.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;

/**
 * The agent: what a statistic costs the pipeline's thread, how fast the spool takes records
 * durably, how fast a backlog drains once the server is back, and the heap it needs meanwhile.
 */
final class AgentBenchmark {

    private AgentBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) throws Exception {
        int total = ctx.quick() ? 200_000 : 1_000_000;
        Path storeFolder = ctx.folder("agent-store");
        Path spool = ctx.folder("agent-spool");
        try (GovernanceStore store = StoreBenchmarks.openStore(storeFolder)) {
            store.addIonDefinition("bench", "{\"name\":\"bench\"}");
            store.ingest(new IngestBatch(List.of(new IonInstanceRecord("bench-1", "bench", 1, StoreBenchmarks.T0, null))));
            String token = store.createToken("bench-agent", Role.AGENT).secret();
            GovernanceServer server = GovernanceServer.start(store, json -> "bench", ServerOptions.defaults().withPort(0));
            URI uri = server.uri();
            server.close(); // the outage: the agent spools everything until the server is back
            try (Agent agent = Agent.start(AgentConfig.of(uri, token, spool).withQuota(8L << 30).withMaxBackoff(Duration.ofMillis(200)))) {
                Governance governance = agent.governance();
                RunHandle run = governance.openRun(RunSpec.of("bench-1", "infer"));
                ctx.say(String.format("pipeline thread reports %,d statistics while the server is away...", total));
                // Warm the JIT and the spool first, then time a burst that fits the queue.
                int warmUp = 100_000;
                for (int i = 0; i < warmUp; i++) {
                    run.statistic("warm-up", i);
                }
                governance.flush(Duration.ofMinutes(1));
                int burst = 50_000;
                long start = System.nanoTime();
                for (int i = 0; i < burst; i++) {
                    run.statistic("latency_ms", i);
                }
                long burstNanos = System.nanoTime() - start;
                for (int i = burst; i < total; i++) {
                    run.statistic("latency_ms", i);
                }
                long callNanos = System.nanoTime() - start;
                governance.flush(Duration.ofMinutes(5));
                long spooledNanos = System.nanoTime() - start;
                System.gc();
                long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                long backlog = agent.status().backlogRecords();

                ctx.say(String.format("%,d records spooled; server back, draining...", backlog));
                try (GovernanceServer back = GovernanceServer.start(store, json -> "bench", ServerOptions.defaults().withPort(uri.getPort()))) {
                    long drainStart = System.nanoTime();
                    agent.awaitForwarded(Duration.ofMinutes(30));
                    double drainRate = backlog / ((System.nanoTime() - drainStart) / 1e9);
                    String size = String.format("%,d statistic points from one pipeline thread", total);
                    return List.of(
                            Figure.atMost("agent", "API cost per statistic, burst (queue not full)", burstNanos / 1000.0 / burst, "µs", 1.0,
                                    null, String.format("%,d calls after %,d warm-up calls", burst, warmUp)),
                            Figure.atMost("agent", "API cost per statistic, sustained", callNanos / 1000.0 / total, "µs", 1.0, null,
                                    size + "; includes waits when the writer is behind the disk"),
                            Figure.atLeast("agent", "spool throughput (durable, fsync per group)", total / (spooledNanos / 1e9), "records/s",
                                    200_000, null, size + ", until flush() returned"),
                            Figure.plain("agent", "drain rate after an outage", drainRate, "records/s", null,
                                    String.format("%,d spooled records to the server on loopback", backlog)),
                            Figure.atMost("agent", "heap in use with the backlog on disk", heap / 1e6, "MB", 64, null,
                                    String.format("whole benchmark JVM after GC, %,d records backlog", backlog)));
                }
            }
        }
    }
}
