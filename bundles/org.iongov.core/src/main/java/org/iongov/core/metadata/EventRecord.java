package org.iongov.core.metadata;

import java.time.Instant;

/**
 * Something that happened: an error, alert, approval, rejection, rollback, deployment, ...
 *
 * @param id the event id
 * @param instanceId the ION instance, may be null
 * @param runId the run, may be null
 * @param time when
 * @param type what kind of event, e.g. {@code error}, {@code alert}, {@code deployment}
 * @param severity info, warning or error
 * @param message a readable description
 * @param detailsJson details as JSON, may be null
 */
public record EventRecord(String id, String instanceId, String runId, Instant time, String type, Severity severity,
        String message, String detailsJson) implements MetadataRecord {

    /** How serious an event is. */
    public enum Severity {
        INFO, WARNING, ERROR
    }

    @Override
    public RecordKind kind() {
        return RecordKind.EVENT;
    }
}
