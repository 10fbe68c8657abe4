package org.iongov.connector.flink.internal;

import java.util.SplittableRandom;

/**
 * Picks each record with probability {@code share}, independently: it draws the geometric gap to
 * the next picked record (once per pick), which the caller counts down (one decrement per record).
 */
final class Sampler {

    private final double share;
    private final double logSkip;
    private final SplittableRandom random;

    Sampler(double share, long seed) {
        this.share = share;
        this.logSkip = share > 0 && share < 1 ? Math.log1p(-share) : 0;
        this.random = new SplittableRandom(seed);
    }

    /** Records until the next pick, this one included: each picked with probability share. */
    long gap() {
        if (share >= 1) {
            return 1;
        }
        if (share <= 0) {
            return Long.MAX_VALUE;
        }
        // Records until the next pick, each picked with probability share: 1 + Geometric(share).
        double gap = Math.floor(Math.log1p(-random.nextDouble()) / logSkip);
        return 1 + (long) Math.min(gap, 1e15);
    }
}
