package org.iongov.agent;

import java.time.Instant;
import java.util.Map;

/**
 * Where an agent stands.
 *
 * @param connected whether the last request to the server succeeded
 * @param lastContact when the server last answered, or null
 * @param lastError the last failure talking to the server, or null
 * @param backlogRecords records spooled but not yet acknowledged by the server
 * @param oldestUnsent when the oldest of those was spooled, or null when none
 * @param spoolBytes bytes of the spool on disk
 * @param quotaBytes the spool's quota
 * @param quotaFull whether records are being refused for lack of room
 * @param accepted records accepted from pipelines
 * @param forwarded records the server acknowledged
 * @param spoolWrites groups of records written to the spool
 * @param spoolForces times the spool was forced to disk (fsync policy): at most every 100 ms, or when a flush waits
 * @param batchesForwarded requests in which the server acknowledged them (records per batch = forwarded / this)
 * @param refused records refused by kind (quota full)
 * @param rejected records the server refused as invalid, quarantined under the spool's rejected/ folder
 */
public record AgentStatus(boolean connected, Instant lastContact, String lastError, long backlogRecords, Instant oldestUnsent,
        long spoolBytes, long quotaBytes, boolean quotaFull, long accepted, long spoolWrites, long spoolForces, long forwarded, long batchesForwarded, Map<String, Long> refused,
        long rejected) {

    public AgentStatus {
        refused = Map.copyOf(refused);
    }

    public long refusedTotal() {
        return refused.values().stream().mapToLong(Long::longValue).sum();
    }
}
