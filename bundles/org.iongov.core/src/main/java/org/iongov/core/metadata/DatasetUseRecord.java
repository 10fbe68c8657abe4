package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A run read or wrote a dataset.
 *
 * @param id the record id
 * @param runId the run
 * @param datasetId the dataset
 * @param direction read or written
 * @param time when
 */
public record DatasetUseRecord(String id, String runId, String datasetId, Direction direction, Instant time)
        implements MetadataRecord {

    /** Which way the data went. */
    public enum Direction {
        READ, WRITTEN
    }

    @Override
    public RecordKind kind() {
        return RecordKind.DATASET_USE;
    }
}
