package org.iongov.agent.api;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import org.iongov.agent.api.spi.AgentLink;
import org.iongov.agent.api.spi.ModelListener;

/**
 * What a pipeline holds to be governed: it opens runs, through which it reports what it does,
 * and subscribes to the models delivered to it. Every call hands records to the local agent and
 * returns at once; none waits for the network.
 *
 * <pre>{@code
 * Governance governance = agent.governance();             // or an IPC link to a separate agent
 * try (RunHandle run = governance.openRun(RunSpec.of("inst-1", "train")
 *         .withEngine("standalone", "1.0").withCode("git://repo/train", "4a58347"))) {
 *     run.datasetRead(Path.of("data/patients.csv"));
 *     run.statistic("auc", 0.91);
 *     run.publishModel("candidate-model", new ModelArtifact("lr", "pmml", pmmlBytes, null));
 * }                                                        // ends the run as succeeded
 * }</pre>
 */
public final class Governance implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgentLink link;
    private final boolean ownsLink;
    private final String producer;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile double predictionSampling = 1.0;

    private Governance(AgentLink link, String producer, boolean ownsLink) {
        this.link = link;
        this.producer = producer;
        this.ownsLink = ownsLink;
    }

    /** Governance over this link, with a fresh producer id (record ids are producer:sequence). */
    public static Governance using(AgentLink link) {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return new Governance(link, "p-" + HexFormat.of().formatHex(random), false);
    }

    private static Governance owning(AgentLink link) {
        Governance g = using(link);
        return new Governance(link, g.producer, true);
    }

    /**
     * Governance through an agent running as its own process, reached over the Unix domain
     * socket it listens on ({@code ./iongov agent --spool DIR} listens on {@code DIR/agent.sock}).
     */
    public static Governance connect(java.nio.file.Path agentSocket) {
        return owning(new IpcLink(agentSocket));
    }

    /** Opens a run and reports its start. */
    public RunHandle openRun(RunSpec spec) {
        return new RunHandle(this, spec);
    }

    /**
     * Reports into a run opened elsewhere, typically by a job's driver while its tasks run in
     * other threads or processes (Spark executors, Flink operators): the tasks are given the run's
     * id and instance id, and attach. Closing the returned handle does not end the run.
     */
    public RunHandle attachRun(String instanceId, String runId) {
        if (instanceId == null || instanceId.isBlank() || runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("attaching to a run needs its instance id and run id");
        }
        return new RunHandle(this, instanceId, runId);
    }

    /**
     * Records only this share of predictions (0 to 1), chosen by a hash of the prediction id so
     * that the same id is always in or always out. Default: all.
     */
    public Governance samplePredictions(double share) {
        if (share < 0 || share > 1) {
            throw new IllegalArgumentException("the prediction sampling share must be between 0 and 1, was " + share);
        }
        predictionSampling = share;
        return this;
    }

    double predictionSampling() {
        return predictionSampling;
    }

    /** Reading governance metadata (models, their approvals and statistics) through the agent. */
    public GovernanceQueries queries() {
        return link.queries();
    }

    /** Subscribes a node's input channel: each approved model arrives on an agent thread. */
    public AutoCloseable subscribe(String instanceId, String node, String channel, ModelListener listener) {
        return link.subscribe(instanceId, node, channel, listener);
    }

    /**
     * Waits until everything reported so far is durable in the agent's spool (the durability
     * point: from then on a crash of the agent loses none of it).
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        return link.flush(timeout);
    }

    /**
     * How many records the agent refused (quota full): counted here when refused at once, and
     * as the agent reports them through an IPC link (as of the last flush).
     */
    public long refused() {
        return refused.get() + link.refusedByAgent();
    }

    /** This producer's id, the prefix of every record id it makes. */
    public String producer() {
        return producer;
    }

    /** Ids increase per producer, as the store's indexes like: {@code p-1a2b3c4d5e6f:000000000042}. */
    String nextId() {
        return org.iongov.agent.api.spi.WireRecord.sequenceId(producer, sequence.incrementAndGet());
    }

    /** The next sequence number, for records that spell out their id later. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    boolean offer(org.iongov.agent.api.spi.WireRecord record) {
        if (link.offer(record)) {
            return true;
        }
        refused.incrementAndGet();
        return false;
    }

    /**
     * Flushes what was reported (up to 30 s); closes the link when this governance made it
     * ({@link #connect}), else leaves it to whoever made it.
     */
    @Override
    public void close() {
        try {
            link.flush(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownsLink) {
                link.close();
            }
        }
    }
}
