package org.iongov.core.query;

import java.time.Instant;

/**
 * One point of a statistic series; for a downsampled series, one bucket.
 *
 * @param time the point's time (for a bucket, its start)
 * @param value the value (for a bucket, the mean)
 * @param min the smallest value in the bucket (the value itself when not downsampled)
 * @param max the largest value in the bucket
 * @param count how many stored points it stands for
 * @param runId the run that reported it (null for a bucket mixing runs)
 * @param structuredJson a structured value (not downsampled), may be null
 */
public record StatisticPoint(Instant time, double value, double min, double max, long count, String runId,
        String structuredJson) {
}
