package org.iongov.connector.flink.internal;

import java.util.Arrays;

/**
 * Latencies of a window in milliseconds, for its percentiles: exact below {@value #EXACT} ms, then
 * {@value #PER_DOUBLING} buckets per doubling (a percentile above a second is the lower bound of its
 * bucket, within 1/16 of the latencies in it), the largest value kept apart. Small (11 KB) because
 * a reporter is made per scoring task and job: a large array made per job is copied by every young
 * collection of the engine's JVM until it is old enough to be tenured.
 */
final class LatencyHistogram {

    static final int EXACT = 1024;
    static final int PER_DOUBLING = 16;
    /** Doublings above {@link #EXACT} with buckets of their own (up to 2^31 ms, some 25 days); beyond, the last bucket. */
    private static final int DOUBLINGS = 21;
    private static final int SHIFT = Integer.numberOfTrailingZeros(EXACT / PER_DOUBLING);

    private final long[] counts = new long[EXACT + DOUBLINGS * PER_DOUBLING];
    private long total;
    private long max;

    void add(long millis) {
        long v = Math.max(0, millis);
        counts[bucket(v)]++;
        total++;
        max = Math.max(max, v);
    }

    /** The latency at or below which a share {@code p} of those added lie (0 when none were added). */
    long percentile(double p) {
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (seen >= rank && counts[b] > 0) {
                return Math.min(max, lowerBound(b));
            }
        }
        return 0;
    }

    void clear() {
        Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    static int bucket(long millis) {
        if (millis < EXACT) {
            return (int) millis;
        }
        int doubling = 63 - Long.numberOfLeadingZeros(millis) - Integer.numberOfTrailingZeros(EXACT); // 0 for [1024, 2048)
        if (doubling >= DOUBLINGS) {
            return EXACT + DOUBLINGS * PER_DOUBLING - 1;
        }
        int sub = (int) (millis >> (doubling + SHIFT)) - PER_DOUBLING; // 16 steps within the doubling
        return EXACT + doubling * PER_DOUBLING + sub;
    }

    static long lowerBound(int bucket) {
        if (bucket < EXACT) {
            return bucket;
        }
        int doubling = (bucket - EXACT) / PER_DOUBLING;
        int sub = (bucket - EXACT) % PER_DOUBLING;
        return (long) (PER_DOUBLING + sub) << (doubling + SHIFT);
    }
}
