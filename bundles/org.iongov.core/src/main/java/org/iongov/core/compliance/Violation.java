package org.iongov.core.compliance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.iongov.core.metadata.EventRecord;

/**
 * A compliance policy found something that breaks it: which policy, about what, where and when,
 * in the user's terms, with the evidence it looked at.
 *
 * @param policyId the policy (as configured) that found it
 * @param subjectKind what it is about: {@code model}, {@code dataset}, {@code ledger}, ...
 * @param subjectId which one
 * @param instanceId the ION instance it concerns, or null
 * @param runId the run it concerns (e.g. the inference run serving the model), or null
 * @param observedAt when the situation was seen (e.g. since when the model served)
 * @param severity how serious it is
 * @param message what is wrong, in words
 * @param evidenceJson what the policy looked at, as a JSON object (approvers, metric, datasets, ...), may be null
 * @param occurrence what tells this occurrence from another of the same policy and subject (e.g. the
 *     instance, the message that deployed the model and the kinds of problem), may be null
 */
public record Violation(String policyId, String subjectKind, String subjectId, String instanceId, String runId, Instant observedAt,
        EventRecord.Severity severity, String message, String evidenceJson, String occurrence) {

    /** The event type violations are recorded with. */
    public static final String EVENT_TYPE = "compliance-violation";
    /** Every violation event's id starts with this; agents may not ingest events with such ids. */
    public static final String EVENT_ID_PREFIX = "compliance:";
    /** Violations found by a configuration sent with a request (not the server's own) are recorded under this. */
    public static final String AD_HOC_PREFIX = EVENT_ID_PREFIX + "adhoc:";

    /**
     * What makes two violations the same one: the policy, the subject and the occurrence (so that
     * the same model deployed again, or failing in another way, is a new violation).
     */
    public String dedupeKey() {
        return policyId + ":" + subjectKind + ":" + subjectId + (occurrence == null ? "" : ":" + occurrence);
    }

    /**
     * The id of the event that records this violation: the same for the same policy, subject and
     * occurrence, so that a periodic check records a violation once (the store keeps the first,
     * counting later ones as duplicates).
     */
    public String eventId() {
        return eventId(EVENT_ID_PREFIX);
    }

    /** The event id under a prefix ({@link #EVENT_ID_PREFIX} or {@link #AD_HOC_PREFIX}). */
    public String eventId(String prefix) {
        String id = prefix + dedupeKey();
        if (id.length() <= 200) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return prefix + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The event that records this violation, found at {@code checkedAt}. */
    public EventRecord toEvent(Instant checkedAt) {
        return toEvent(checkedAt, EVENT_ID_PREFIX, null, null);
    }

    /**
     * The event that records this violation, found at {@code checkedAt} by a policy of
     * {@code policyType} configured as {@code policyDescription} (both may be null).
     */
    public EventRecord toEvent(Instant checkedAt, String idPrefix, String policyType, String policyDescription) {
        String details = "{\"policyId\":" + quote(policyId)
                + (policyType == null ? "" : ",\"policyType\":" + quote(policyType))
                + (policyDescription == null ? "" : ",\"policyDescription\":" + quote(policyDescription))
                + (AD_HOC_PREFIX.equals(idPrefix) ? ",\"adHoc\":true" : "")
                + ",\"subjectKind\":" + quote(subjectKind) + ",\"subjectId\":"
                + quote(subjectId) + (observedAt == null ? "" : ",\"observedAt\":" + quote(observedAt.toString()))
                + (occurrence == null ? "" : ",\"occurrence\":" + quote(occurrence))
                + (evidenceJson == null ? "" : ",\"evidence\":" + evidenceJson) + "}";
        String text = message.length() > 4000 ? message.substring(0, 3999) + "…" : message;
        return new EventRecord(eventId(idPrefix), instanceId, runId, checkedAt, EVENT_TYPE, severity, text, details);
    }

    private static String quote(String text) {
        return org.iongov.core.json.MetadataJson.valueToJson(text).toString();
    }
}
