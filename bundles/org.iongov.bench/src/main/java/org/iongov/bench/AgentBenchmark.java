package org.iongov.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.AgentStatus;
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
 * durably, how fast a backlog drains once the server is back, and the heap it needs meanwhile;
 * and what a stream of sampled predictions from another process costs the whole way (pipeline,
 * socket, agent, server, store), the case of a scoring job recording one prediction in a thousand.
 */
final class AgentBenchmark {

    private AgentBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) throws Exception {
        int total = ctx.quick() ? 200_000 : 1_000_000;
        // What this JVM already holds (in a full run, what the benchmarks before this one left): the
        // heap figure is the agent's growth over it, not the suite's.
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
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
                    List<Figure> trickle = predictionTrickle(ctx, back.uri(), token);
                    return java.util.stream.Stream.concat(java.util.stream.Stream.of(
                            Figure.atMost("agent", "API cost per statistic, burst (queue not full)", burstNanos / 1000.0 / burst, "µs", 1.0,
                                    null, String.format("%,d calls after %,d warm-up calls", burst, warmUp)),
                            Figure.atMost("agent", "API cost per statistic, sustained", callNanos / 1000.0 / total, "µs", 1.0, null,
                                    size + "; includes waits when the writer is behind the disk"),
                            Figure.atLeast("agent", "spool throughput (durable: written in groups, fsync at most every 100 ms)", total / (spooledNanos / 1e9), "records/s",
                                    200_000, null, size + ", until flush() returned"),
                            Figure.plain("agent", "drain rate after an outage", drainRate, "records/s", null,
                                    String.format("%,d spooled records to the server on loopback", backlog)),
                            Figure.atMost("agent", "heap in use with the backlog on disk", Math.max(0, heap - heapBefore) / 1e6, "MB", 64,
                                    null, String.format("growth of the benchmark JVM's heap after GC while %,d records wait on disk"
                                            + " (the whole JVM: %.1f MB)", backlog, heap / 1e6))), trickle.stream())
                            .toList();
                }
            }
        }
    }

    /**
     * Sampled predictions at 2,700/s (a 0.1 % sample of 2.7M records/s) from a pipeline that talks
     * to the agent over its socket, as an engine in another process does; the CPU of this whole
     * JVM (pipeline thread, link, agent, server, store) per prediction, and the pipeline thread's share.
     */
    private static List<Figure> predictionTrickle(BenchContext ctx, URI server, String token) throws Exception {
        int rate = 2_700;
        int seconds = ctx.quick() ? 5 : 20;
        Path spool = ctx.folder("agent-trickle-spool");
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Agent agent = Agent.start(AgentConfig.of(server, token, spool))) {
            Path socket = agent.listen(spool.resolve("agent.sock"));
            try (Governance governance = Governance.connect(socket)) {
                RunHandle training = governance.openRun(RunSpec.of("bench-1", "train"));
                String model = training.publishModel("bench-model", new org.iongov.agent.api.ModelArtifact("m", "opaque", new byte[2048], null));
                training.close();
                RunHandle run = governance.openRun(RunSpec.of("bench-1", "infer"));
                governance.flush(Duration.ofSeconds(30));
                agent.awaitForwarded(Duration.ofMinutes(1));
                ctx.say(String.format("%,d sampled predictions a second for %d s through the agent's socket...", rate, seconds));
                long total = (long) rate * seconds;
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                long callerCpu = 0;
                for (long n = 0; n < total;) {
                    long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L);
                    long c0 = threads.getCurrentThreadCpuTime();
                    for (; n < due; n++) {
                        run.prediction("enc-" + n + "@recommend-tests", "{\"age\":" + (n % 90) + ",\"signal\":" + (n % 1000) / 1000.0
                                + ",\"sex\":\"F\",\"bmi\":27.5}", "{\"score\":0." + (n % 1000) + "}", List.of(model));
                    }
                    callerCpu += threads.getCurrentThreadCpuTime() - c0;
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                governance.flush(Duration.ofMinutes(1));
                agent.awaitForwarded(Duration.ofMinutes(5));
                double perPrediction = (os.getProcessCpuTime() - cpuStart) / 1e3 / total;
                AgentStatus status = agent.status();
                String note = String.format("%,d predictions at %,d/s over the socket, all of this JVM (pipeline, link, agent, server,"
                        + " store); %,d spool writes, %,d fsyncs and %,d batches to the server", total, rate, status.spoolWrites(), status.spoolForces(), status.batchesForwarded());
                return List.of(Figure.plain("agent", "CPU per sampled prediction, end to end", perPrediction, "µs", null, note),
                        Figure.plain("agent", "CPU per sampled prediction on the pipeline's thread", callerCpu / 1e3 / total, "µs", null,
                                "the recording call itself, the JSON included (written in batches of 32); sending happens on the link's thread, the input's digest on the server"));
            }
        }
    }
}
