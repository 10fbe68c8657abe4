package org.iongov.connector.flink.internal;

import java.util.SplittableRandom;

/**
 * Picks each record with probability {@code share}, independently, at the cost of one decrement
 * per record: it counts down a geometric gap to the next picked record (drawn once per pick).
 */
final class Sampler {

    private final double share;
    private final double logSkip;
    private final SplittableRandom random;
    private long untilNext;

    Sampler(double share, long seed) {
        this.share = share;
        this.logSkip = share > 0 && share < 1 ? Math.log1p(-share) : 0;
        this.random = new SplittableRandom(seed);
        untilNext = gap();
    }

    /** Whether this record is picked. */
    boolean next() {
        if (--untilNext != 0) {
            return false;
        }
        untilNext = gap();
        return true;
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
