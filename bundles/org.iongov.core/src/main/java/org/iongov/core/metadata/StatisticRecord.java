package org.iongov.core.metadata;

import java.time.Instant;

/**
 * One point of a statistic's time series: a scalar {@code value}, or a structured value (a
 * confusion matrix, a vector) as JSON.
 *
 * @param id the record id
 * @param runId the node run that reported it
 * @param component the component, may be null
 * @param name the statistic's name, e.g. {@code auc}
 * @param time when it was measured
 * @param value the scalar value; NaN when the statistic is structured
 * @param structuredJson the structured value as JSON, may be null
 */
public record StatisticRecord(String id, String runId, String component, String name, Instant time, double value,
        String structuredJson) implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.STATISTIC;
    }
}
