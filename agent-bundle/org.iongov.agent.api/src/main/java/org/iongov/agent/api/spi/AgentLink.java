package org.iongov.agent.api.spi;

import java.time.Duration;

/**
 * How the API hands records to an agent: in the same process (the agent's queue) or through
 * local IPC. Implementations never block the caller on the network.
 */
public interface AgentLink extends AutoCloseable {

    /**
     * Hands a record over.
     *
     * @return false when the agent refused it (its spool quota is full; see the agent's
     *     backpressure policy); the agent counts every refusal by kind
     */
    boolean offer(WireRecord record);

    /**
     * Waits until every record offered before this call is durable in the agent's spool.
     *
     * @return false when that did not happen within the timeout
     */
    boolean flush(Duration timeout) throws InterruptedException;

    /**
     * Waits until every record offered before this call is durable, at the agent's own pace: unlike
     * {@link #flush}, it does not make the agent force its spool to disk sooner than it would (a
     * pipeline's link confirms its routine sends this way; an fsync per send would cost the
     * engine's CPU far more than the records).
     *
     * @return false when that did not happen within the timeout
     */
    default boolean awaitDurable(Duration timeout) throws InterruptedException {
        return flush(timeout);
    }

    /**
     * Subscribes to the models delivered on an input channel of a node.
     *
     * @return a handle that ends the subscription when closed
     */
    AutoCloseable subscribe(String instanceId, String node, String channel, ModelListener listener);

    /**
     * Records the agent refused after {@link #offer} had returned true (an agent in another
     * process decides after the hand-over); 0 for links that refuse synchronously.
     */
    default long refusedByAgent() {
        return 0;
    }

    /** The import side through this link; not every link offers it. */
    default org.iongov.agent.api.GovernanceQueries queries() {
        throw new UnsupportedOperationException("this agent link does not answer queries; use an in-process agent");
    }

    @Override
    void close();
}
