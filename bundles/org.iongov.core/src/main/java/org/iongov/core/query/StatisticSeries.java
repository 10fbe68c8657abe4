package org.iongov.core.query;

import java.util.List;

/**
 * The answer to a {@link StatisticQuery}.
 *
 * @param name the statistic
 * @param points oldest first
 * @param storedPoints how many stored points the range holds
 * @param downsampled whether points are buckets
 */
public record StatisticSeries(String name, List<StatisticPoint> points, long storedPoints, boolean downsampled) {

    public StatisticSeries {
        points = List.copyOf(points);
    }
}
