package org.iongov.core.query;

/**
 * A statistic's time series. With {@code maxPoints} smaller than the number of stored points,
 * the range is cut into that many equal time buckets and each bucket returns its mean, minimum,
 * maximum and count.
 *
 * @param name the statistic's name (required)
 * @param runId only this run's points, or null for all runs
 * @param range the time range
 * @param maxPoints at most this many points
 */
public record StatisticQuery(String name, String runId, TimeRange range, int maxPoints) {

    public StatisticQuery {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a statistic query needs the statistic's name");
        }
        range = range == null ? TimeRange.ALL : range;
        Limits.check(maxPoints);
    }
}
