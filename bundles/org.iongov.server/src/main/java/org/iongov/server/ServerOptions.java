package org.iongov.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.CompliancePolicy;
import org.iongov.core.reproduce.Reproducer;

/**
 * How the server listens and what it accepts.
 *
 * @param bindAddress where to listen; loopback unless deliberately exposed
 * @param port the port, or 0 for any free port
 * @param maxBodyBytes requests with larger bodies get 413
 * @param maxBatchRecords ingest batches with more records get 413
 * @param threads request-handling threads
 * @param complianceInterval how often the compliance policies run over the metadata recorded
 *     since the last run whose every policy ran, reaching a day further back for records sent late
 *     ({@link Duration#ZERO}: never by themselves, only on request)
 * @param compliancePolicies the policies they run
 * @param reproducer what re-runs recorded trainings for {@code POST /api/v1/reproductions}, or null
 *     when this server is not beside the engines that can (the route then says so)
 */
public record ServerOptions(InetAddress bindAddress, int port, long maxBodyBytes, int maxBatchRecords, int threads,
        Duration complianceInterval, List<CompliancePolicy> compliancePolicies, Reproducer reproducer) {

    public static final int DEFAULT_PORT = 8470;
    /** How often {@code ./iongov server} runs the compliance policies unless told otherwise. */
    public static final Duration DEFAULT_COMPLIANCE_INTERVAL = Duration.ofMinutes(5);

    /**
     * With the built-in compliance policies, run only on request: embedded servers (tests,
     * benchmarks, the demo) do not check in the background unless asked to with
     * {@link #withCompliance}; {@code ./iongov server} checks every {@link #DEFAULT_COMPLIANCE_INTERVAL}.
     */
    public ServerOptions(InetAddress bindAddress, int port, long maxBodyBytes, int maxBatchRecords, int threads) {
        this(bindAddress, port, maxBodyBytes, maxBatchRecords, threads, Duration.ZERO, CompliancePolicies.defaults(), null);
    }

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
        if (complianceInterval == null || complianceInterval.isNegative()
                || !complianceInterval.isZero() && complianceInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the compliance interval must be zero (off) or at least one second, was "
                    + complianceInterval);
        }
        if (compliancePolicies == null || compliancePolicies.isEmpty()) {
            throw new IllegalArgumentException("the server needs at least one compliance policy");
        }
        compliancePolicies = List.copyOf(compliancePolicies);
    }

    /**
     * Loopback, the default port, 32 MiB bodies, 100,000 records a batch, 16 threads (agents
     * long-poll deliveries), the built-in compliance policies run on request only.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(InetAddress.getLoopbackAddress(), DEFAULT_PORT, 32L << 20, 100_000, 16);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(bindAddress, newPort, maxBodyBytes, maxBatchRecords, threads, complianceInterval, compliancePolicies,
                reproducer);
    }

    public ServerOptions withLimits(long newMaxBodyBytes, int newMaxBatchRecords) {
        return new ServerOptions(bindAddress, port, newMaxBodyBytes, newMaxBatchRecords, threads, complianceInterval, compliancePolicies,
                reproducer);
    }

    /** With these compliance policies, run every {@code interval} ({@link Duration#ZERO}: only on request). */
    public ServerOptions withCompliance(Duration interval, List<CompliancePolicy> policies) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxBatchRecords, threads, interval, policies, reproducer);
    }

    /** With reproductions offered ({@code POST /api/v1/reproductions}) by this reproducer. */
    public ServerOptions withReproducer(Reproducer newReproducer) {
        return new ServerOptions(bindAddress, port, maxBodyBytes, maxBatchRecords, threads, complianceInterval, compliancePolicies,
                newReproducer);
    }
}
