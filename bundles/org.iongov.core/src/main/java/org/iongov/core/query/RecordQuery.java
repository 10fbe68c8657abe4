package org.iongov.core.query;

/**
 * A filter for models, predictions, events and human actions, newest first. Null fields do not
 * filter; which fields apply depends on the kind queried (see each query method).
 *
 * @param runId the run that produced the rows
 * @param instanceId the ION instance
 * @param type an event type or human action (e.g. {@code approve})
 * @param subjectId a human action's subject (e.g. a model id)
 * @param range the time range
 * @param limit at most this many rows
 */
public record RecordQuery(String runId, String instanceId, String type, String subjectId, TimeRange range, int limit) {

    public RecordQuery {
        range = range == null ? TimeRange.ALL : range;
        Limits.check(limit);
    }

    /** Everything, newest first, up to {@code limit}. */
    public static RecordQuery latest(int limit) {
        return new RecordQuery(null, null, null, null, TimeRange.ALL, limit);
    }
}
