package org.iongov.connector.flink.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.Histogram;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.Severity;
import org.iongov.connector.flink.GovernanceConfig;
import org.iongov.connector.flink.Prediction;

/**
 * What one scoring subtask reports into the run its job's driver opened: sampled predictions and,
 * per window, throughput, latency percentiles, input and prediction signatures and (for a control
 * node) the divergence from the primary's scores.
 *
 * <p>Kept off the hot path: per record of a primary node one countdown ({@link #quiet}) to the next
 * record that is measured or recorded, where the records in between are counted ({@link #event}).
 * Latency and histograms are measured on every {@code stride}-th record, the stride chosen per window so that about {@value #MEASURED_PER_WINDOW} records are measured (and doubled
 * whenever more than {@value #MEASURED_PER_MILLISECOND} fall in one millisecond); histograms thus
 * count a systematic sample of the window (their shape, not the window's total).
 */
public final class InferenceReporter implements AutoCloseable {

    static final int MEASURED_PER_WINDOW = 10_000;
    private static final int MEASURED_PER_MILLISECOND = 1;
    private static final int MAX_STRIDE = 1 << 20;

    private final java.nio.file.Path socket;
    private final Governance governance;
    private final RunHandle run;
    private final String node;
    private final String component;
    private final double sampling;
    private final long windowMillis;
    private final double divergenceThreshold;
    private final String[] signatureFeatures;
    private final int[] signatureIndex;
    private final double[][] edges;
    private final long[][] counts;
    private final double[] scoreEdges;
    private final long[] scoreCounts;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LiveProgress progress;
    private final int featureCount;
    private final Sampler sampler;

    private long windowStart;
    private long count;
    private long measured;
    private int stride = 1;
    private long untilMeasure = 1;
    /** Records until the next recorded prediction (a primary node's, drawn by the sampler). */
    private long untilRecord;
    /** Records until the next one measured or recorded; the countdown started at {@link #span}. */
    private long untilEvent = 1;
    private long span = 1;
    private long lastMeasuredAt;
    private int measuredThatMillisecond;
    private long unreportedProgress;
    private double divergenceSum;
    private long divergenceCount;

    public InferenceReporter(GovernanceConfig config, int subtask, int parallelism) {
        this.socket = config.socket();
        this.governance = SharedGovernance.acquire(socket);
        try {
            this.run = governance.attachRun(config.instanceId(), config.runId());
        } catch (RuntimeException e) {
            SharedGovernance.release(socket, governance);
            throw e;
        }
        this.node = config.node();
        this.component = parallelism > 1 ? "score#" + subtask : "score";
        this.sampling = config.sampling();
        this.windowMillis = config.windowMillis();
        this.divergenceThreshold = config.divergenceThreshold();
        Map<String, double[]> signatures = config.signatures();
        List<String> features = config.features();
        featureCount = features.size();
        signatureFeatures = signatures.keySet().toArray(new String[0]);
        signatureIndex = new int[signatureFeatures.length];
        edges = new double[signatureFeatures.length][];
        counts = new long[signatureFeatures.length][];
        for (int i = 0; i < signatureFeatures.length; i++) {
            signatureIndex[i] = features.indexOf(signatureFeatures[i]);
            edges[i] = signatures.get(signatureFeatures[i]);
            counts[i] = new long[edges[i].length - 1];
        }
        scoreEdges = config.scoreEdges();
        scoreCounts = new long[scoreEdges.length - 1];
        progress = LiveProgress.of(node);
        sampler = new Sampler(sampling, System.nanoTime() ^ ((long) subtask << 32));
        untilRecord = sampler.gap();
        rearm();
        windowStart = System.currentTimeMillis();
    }

    /** What {@link #event} says of a record: measure it ({@link #measure}). */
    public static final int MEASURE = 1;
    /** What {@link #event} says of a record: record its prediction ({@link #prediction}). */
    public static final int RECORD = 2;

    /**
     * The hot path of a primary node: true for a record with nothing to do beyond being counted
     * (nearly all); false for one to pass to {@link #event}.
     */
    public boolean quiet() {
        return --untilEvent > 0;
    }

    /**
     * A primary node's record that {@link #quiet} did not pass: counts the records since the last
     * such, and says what to do with this one ({@link #MEASURE}, {@link #RECORD}, both or neither).
     * A caller told to measure calls {@link #measure}.
     */
    public int event() {
        count += span;
        untilMeasure -= span;
        untilRecord -= span;
        int what = 0;
        if (untilRecord <= 0) {
            what |= RECORD;
            untilRecord = sampler.gap();
        }
        if (untilMeasure <= 0) {
            what |= MEASURE;
        }
        rearm();
        return what;
    }

    private void rearm() {
        span = untilEvent = Math.max(1, Math.min(untilMeasure, untilRecord));
    }

    /** Records counted down since the last event join the count (before the count is read at the end). */
    private void settle() {
        count += span - untilEvent;
        span = untilEvent;
    }

    /** A control node's record: counts it and its divergence from the primary; true when it is one to measure ({@link #measure}). */
    public boolean count(double score, double reference) {
        count++;
        if (reference == reference) { // a control node: the primary's score of the same input
            divergenceSum += Math.abs(score - reference);
            divergenceCount++;
        }
        return --untilMeasure <= 0;
    }

    /** Measures latency and the signatures on this record; ends the window when it is over. */
    public void measure(double[] features, double score, long createdAt) {
        if (features.length < featureCount) {
            throw new IllegalArgumentException(node + " was configured with " + featureCount + " features but an input has "
                    + features.length + ": GovernanceConfig.features must name the InferenceInput's features in order");
        }
        long now = System.currentTimeMillis();
        // More than a few measurements in one millisecond: measure half as often (until the window ends).
        if (now != lastMeasuredAt) {
            lastMeasuredAt = now;
            measuredThatMillisecond = 0;
        } else if (++measuredThatMillisecond > MEASURED_PER_MILLISECOND && stride < MAX_STRIDE) {
            stride *= 2;
            measuredThatMillisecond = 0;
        }
        untilMeasure = stride;
        long lag = createdAt < 0 ? 0 : Math.max(0, now - createdAt);
        latency.add(lag);
        for (int i = 0; i < signatureIndex.length; i++) {
            counts[i][bin(edges[i], features[signatureIndex[i]])]++;
        }
        scoreCounts[bin(scoreEdges, score)]++;
        measured++;
        progress.scored.addAndGet(count - unreportedProgress);
        unreportedProgress = count;
        if (now - windowStart >= windowMillis) {
            report(now);
        }
        rearm();
    }

    /** Whether any prediction is recorded. */
    public boolean sampling() {
        return sampling > 0;
    }

    /** Records a (sampled) prediction, with the exact model(s) that made it. */
    public void prediction(String inputId, String inputJson, double score, double[] members, double reference, List<String> modelIds) {
        StringBuilder out = new StringBuilder(48).append("{\"score\":").append(score);
        if (members != null) {
            out.append(",\"members\":[");
            for (int i = 0; i < members.length; i++) {
                out.append(i == 0 ? "" : ",").append(members[i]);
            }
            out.append(']');
        }
        if (reference == reference) {
            out.append(",\"primaryScore\":").append(reference);
        }
        run.prediction(Prediction.id(inputId, node), inputJson, out.append('}').toString(), modelIds);
    }

    /** The run started using a delivered model (its message's receipt). */
    public void modelInUse(ModelUpdate model) {
        if (model.messageId != null) {
            run.modelInUse(model.delivered());
        }
        run.log("INFO", node + " uses model " + model.modelId + " from channel " + model.channel);
    }

    public void models(List<String> modelIds) {
        progress.models = String.join(",", modelIds);
    }

    public void event(String type, Severity severity, String message) {
        run.event(type, severity, message);
    }

    private void report(long now) {
        double seconds = Math.max(1, now - windowStart) / 1000.0;
        run.statistic(component, "throughput", count / seconds);
        run.statistic(component, "latency-p50-ms", latency.percentile(0.5));
        run.statistic(component, "latency-p99-ms", latency.percentile(0.99));
        for (int i = 0; i < signatureFeatures.length; i++) {
            run.inputSignature(signatureFeatures[i], new Histogram(edges[i], counts[i]));
            java.util.Arrays.fill(counts[i], 0);
        }
        run.predictionSignature("score", new Histogram(scoreEdges, scoreCounts));
        java.util.Arrays.fill(scoreCounts, 0);
        if (divergenceCount > 0) {
            double divergence = divergenceSum / divergenceCount;
            run.statistic(component, "divergence", divergence);
            if (divergence > divergenceThreshold) {
                run.event("divergence-alert", Severity.WARNING, String.format(Locale.ROOT,
                        "%s diverges from the primary: mean absolute score difference %.4f over %d inputs (threshold %.4f)", node,
                        divergence, divergenceCount, divergenceThreshold));
            }
        }
        stride = (int) Math.max(1, Math.min(MAX_STRIDE, count / MEASURED_PER_WINDOW));
        untilMeasure = Math.min(untilMeasure, stride);
        latency.clear();
        count = 0;
        unreportedProgress = 0;
        measured = 0;
        divergenceSum = 0;
        divergenceCount = 0;
        windowStart = now;
    }

    /** Reports the last (partial) window, and waits (up to 30 s) until the agent holds everything. */
    @Override
    public void close() {
        settle();
        progress.scored.addAndGet(count - unreportedProgress);
        unreportedProgress = count;
        if (count > 0 && measured > 0) {
            report(System.currentTimeMillis());
        }
        // Flink may interrupt a cancelled task: still hand everything over before closing the link.
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try {
            while (true) {
                try {
                    governance.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            SharedGovernance.release(socket, governance);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static int bin(double[] edges, double v) {
        int last = edges.length - 2;
        if (!(v >= edges[0])) { // below, or NaN: the first bin, as Histogram.binned does for below
            return 0;
        }
        int lo = 0;
        int hi = last;
        while (lo < hi) { // the last bin whose lower edge is <= v
            int mid = (lo + hi + 1) >>> 1;
            if (edges[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
