package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A log line of a run.
 *
 * @param id the record id
 * @param runId the run
 * @param time when
 * @param level e.g. INFO, WARN, ERROR
 * @param message the text
 */
public record LogRecord(String id, String runId, Instant time, String level, String message) implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.LOG;
    }
}
