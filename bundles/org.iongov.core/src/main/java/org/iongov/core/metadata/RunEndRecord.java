package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A node run ended.
 *
 * @param id this record's id
 * @param runId the run that ended
 * @param endedAt when
 * @param status how it ended
 */
public record RunEndRecord(String id, String runId, Instant endedAt, RunStatus status) implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.RUN_END;
    }
}
