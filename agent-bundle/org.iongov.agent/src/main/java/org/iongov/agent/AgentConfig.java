package org.iongov.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an agent runs.
 *
 * @param server the IonGov server, e.g. {@code http://127.0.0.1:8470}
 * @param token the agent's bearer token (role agent)
 * @param spool the folder of the durable spool
 * @param quotaBytes the most the spool may hold on disk (see {@link Agent} for what happens then)
 * @param fsync force each written group of records to disk before counting it durable
 * @param batchRecords how many records to send in one request at most
 * @param maxBackoff the longest wait between attempts while the server is unreachable
 */
public record AgentConfig(URI server, String token, Path spool, long quotaBytes, boolean fsync, int batchRecords,
        Duration maxBackoff) {

    public AgentConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(spool, "spool");
        if (quotaBytes < 1 << 20) {
            throw new IllegalArgumentException("the spool quota must be at least 1 MiB");
        }
        if (batchRecords < 1) {
            throw new IllegalArgumentException("batchRecords must be positive");
        }
    }

    /** 1 GiB quota, fsync on, batches of 5,000, backoff up to 30 s. */
    public static AgentConfig of(URI server, String token, Path spool) {
        return new AgentConfig(server, token, spool, 1L << 30, true, 5_000, Duration.ofSeconds(30));
    }

    public AgentConfig withQuota(long bytes) {
        return new AgentConfig(server, token, spool, bytes, fsync, batchRecords, maxBackoff);
    }

    public AgentConfig withMaxBackoff(Duration backoff) {
        return new AgentConfig(server, token, spool, quotaBytes, fsync, batchRecords, backoff);
    }
}
