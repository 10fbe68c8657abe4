package org.iongov.core.query;

/**
 * Which node runs to list, newest first. Null fields do not filter.
 *
 * @param instanceId the ION instance
 * @param node the node's name
 * @param started when the run started
 * @param limit at most this many
 */
public record RunQuery(String instanceId, String node, TimeRange started, int limit) {

    public RunQuery {
        started = started == null ? TimeRange.ALL : started;
        Limits.check(limit);
    }
}
