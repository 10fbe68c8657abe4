package org.iongov.connector.standalone;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import org.iongov.agent.api.DeliveredModel;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.Severity;
import org.iongov.connector.scoring.Scorer;
import org.iongov.connector.scoring.Scorers;

/**
 * Governed scoring for a plain Java program, such as a hand-written, latency-optimised inference
 * service: it subscribes to the node's approved models and swaps each in atomically, records
 * (sampled) predictions with the exact model that made them, and reports throughput and latency
 * per window. The scoring call itself takes no lock and does no I/O: one volatile read, the
 * model's arithmetic, and a hand-over of the prediction to the agent.
 */
public final class GovernedScorer implements AutoCloseable {

    /** Latency buckets: powers of two of nanoseconds, up to about 9 s. */
    private static final int BUCKETS = 34;

    private record Current(Scorer scorer, String modelId) {
    }

    private final RunHandle run;
    private final AutoCloseable subscription;
    private final ScheduledExecutorService reporter;
    private volatile Current current;
    private final LongAdder scored = new LongAdder();
    private final AtomicLongArray latency = new AtomicLongArray(BUCKETS);
    private long windowStart = System.nanoTime();

    private GovernedScorer(Governance governance, RunHandle run, String instanceId, String node, String channel, Duration window) {
        this.run = run;
        this.subscription = governance.subscribe(instanceId, node, channel, this::swap);
        this.reporter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "governed-scorer-statistics");
            t.setDaemon(true);
            return t;
        });
        reporter.scheduleAtFixedRate(this::reportWindow, window.toMillis(), window.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts scoring for a node of an ION instance; the run is the program's own (opened by it).
     *
     * @param window how often throughput and latency are reported
     */
    public static GovernedScorer start(Governance governance, RunHandle run, String instanceId, String node, String channel,
            Duration window) {
        return new GovernedScorer(governance, run, instanceId, node, channel, window);
    }

    private void swap(DeliveredModel model) {
        try {
            Scorer next = Scorers.load(model.format(), model.bytes());
            Current previous = current;
            synchronized (this) {
                current = new Current(next, model.modelId());
                notifyAll();
            }
            run.modelInUse(model);
            run.log("INFO", "now scoring with model " + model.modelId());
            if (previous != null) {
                previous.scorer().close();
            }
        } catch (RuntimeException e) {
            // A model this program cannot load must not stop scoring with the one it has.
            run.event("model-load-failed", Severity.ERROR, "cannot load model " + model.modelId() + ": " + e.getMessage());
        }
    }

    /** The model now in use, or null before the first one arrived. */
    public String currentModelId() {
        Current c = current;
        return c == null ? null : c.modelId();
    }

    /** Waits up to {@code timeout} for a model; returns whether one is in use. */
    public boolean awaitModel(Duration timeout) throws InterruptedException {
        return awaitModel(null, timeout);
    }

    /** Waits up to {@code timeout} until this model (or, with null, any) is in use; returns whether it is. */
    public synchronized boolean awaitModel(String modelId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!inUse(modelId)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private boolean inUse(String modelId) {
        Current c = current;
        return c != null && (modelId == null || modelId.equals(c.modelId()));
    }

    /**
     * Scores one input and records the prediction (if the sampling share picks it).
     *
     * @param predictionId unique id of the prediction
     * @param features the model's inputs, in its order
     * @param inputJson the input as JSON, as recorded with the prediction
     * @throws IllegalStateException before the first model arrived
     */
    public double score(String predictionId, double[] features, String inputJson) {
        long start = System.nanoTime();
        Current c = current;
        if (c == null) {
            throw new IllegalStateException("no model has been delivered to this node yet");
        }
        double p = c.scorer().score(features);
        latency.incrementAndGet(bucket(System.nanoTime() - start));
        scored.increment();
        run.prediction(predictionId, inputJson, "{\"probability\":" + p + "}", java.util.List.of(c.modelId()));
        return p;
    }

    private static int bucket(long nanos) {
        return Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(Math.max(1, nanos)));
    }

    private synchronized void reportWindow() {
        long now = System.nanoTime();
        long n = scored.sumThenReset();
        long[] counts = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = latency.getAndSet(i, 0);
            total += counts[i];
        }
        double seconds = (now - windowStart) / 1e9;
        windowStart = now;
        run.statistic("score", "throughput", n / seconds);
        if (total > 0) {
            run.statistic("score", "latency-p50-us", upperBoundMicros(counts, total, 0.50));
            run.statistic("score", "latency-p99-us", upperBoundMicros(counts, total, 0.99));
        }
    }

    /** The upper edge of the bucket holding the quantile: an upper bound, never an underestimate. */
    private static double upperBoundMicros(long[] counts, long total, double quantile) {
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (1L << i) / 1000.0;
            }
        }
        return Double.NaN;
    }

    /** Stops receiving models and reports the last window. The run stays open: it is the program's. */
    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            run.log("WARN", String.format(Locale.ROOT, "closing the model subscription failed: %s", e));
        }
        reporter.shutdownNow();
        reportWindow();
        Current c = current;
        if (c != null) {
            c.scorer().close();
        }
    }
}
