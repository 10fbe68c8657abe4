package org.iongov.core.query;

import java.time.Instant;

/**
 * A half-open time range {@code [from, to)}; either end may be null for "unbounded".
 *
 * @param from inclusive start, or null
 * @param to exclusive end, or null
 */
public record TimeRange(Instant from, Instant to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("time range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(Instant t) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
}
