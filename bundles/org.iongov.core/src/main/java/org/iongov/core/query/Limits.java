package org.iongov.core.query;

/** Bounds on how many rows one query may return. */
public final class Limits {

    /** Largest page a query returns. */
    public static final int MAX_ROWS = 10_000;

    private Limits() {
    }

    static void check(int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_ROWS + ", was " + limit);
        }
    }
}
