package org.iongov.core.metadata;

import java.util.List;

/**
 * Records sent together. A batch is applied atomically: all of it, or (when any record is
 * invalid) none of it.
 *
 * @param records the records, in the producer's order
 */
public record IngestBatch(List<MetadataRecord> records) {

    public IngestBatch {
        records = List.copyOf(records);
    }
}
