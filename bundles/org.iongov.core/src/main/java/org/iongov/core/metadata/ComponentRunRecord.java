package org.iongov.core.metadata;

import java.time.Instant;

/**
 * One level-1 component (reader, trainer, scorer, ...) executed inside a node run.
 *
 * @param id the component run's id
 * @param runId the node run it belongs to
 * @param component the component's name in the pipeline's DAG
 * @param startedAt when it started
 * @param endedAt when it ended, may be null
 * @param status how it ended
 */
public record ComponentRunRecord(String id, String runId, String component, Instant startedAt, Instant endedAt,
        RunStatus status) implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.COMPONENT_RUN;
    }
}
