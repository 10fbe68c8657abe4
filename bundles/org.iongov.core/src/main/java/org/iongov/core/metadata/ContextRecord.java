package org.iongov.core.metadata;

import java.time.Instant;

/**
 * Where a run ran: machine, engine and library versions.
 *
 * @param id the record id
 * @param runId the run
 * @param host the machine
 * @param engine the engine
 * @param engineVersion its version
 * @param librariesJson library names and versions, as a JSON object
 * @param time when it was recorded
 */
public record ContextRecord(String id, String runId, String host, String engine, String engineVersion,
        String librariesJson, Instant time) implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.CONTEXT;
    }
}
