package org.iongov.server;

import java.net.InetAddress;

/**
 * How the server listens and what it accepts.
 *
 * @param bindAddress where to listen; loopback unless deliberately exposed
 * @param port the port, or 0 for any free port
 * @param maxBodyBytes requests with larger bodies get 413
 * @param maxBatchRecords ingest batches with more records get 413
 * @param threads request-handling threads
 */
public record ServerOptions(InetAddress bindAddress, int port, long maxBodyBytes, int maxBatchRecords, int threads) {

    public static final int DEFAULT_PORT = 8470;

    public ServerOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
        if (maxBatchRecords < 1 || threads < 1) {
            throw new IllegalArgumentException("batch limit and threads must be positive");
        }
    }

    /** Loopback, the default port, 32 MiB bodies, 100,000 records a batch, 16 threads (agents long-poll deliveries). */
    public static ServerOptions defaults() {
        return new ServerOptions(InetAddress.getLoopbackAddress(), DEFAULT_PORT, 32L << 20, 100_000, 16);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(bindAddress, newPort, maxBodyBytes, maxBatchRecords, threads);
    }

    public ServerOptions withLimits(long newMaxBodyBytes, int newMaxBatchRecords) {
        return new ServerOptions(bindAddress, port, newMaxBodyBytes, newMaxBatchRecords, threads);
    }
}
