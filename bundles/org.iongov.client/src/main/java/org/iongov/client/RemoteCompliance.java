package org.iongov.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.StringJoiner;

import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.query.TimeRange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A server's compliance checks: the latest periodic check's report, and a check run now (which
 * records its violations on the server, once per policy and subject).
 */
public final class RemoteCompliance {

    private final ServerRequests server;

    public RemoteCompliance(URI server, String token) {
        this.server = new ServerRequests(server, token);
    }

    /**
     * How the server's checks fare.
     *
     * @param report the latest check's report (periodic or requested with the server's policies), or null
     * @param lastAttempt when the periodic check last started, or null
     * @param lastError why it last failed (or which policies could not run), null when it did not
     * @param interval how often it runs (ISO-8601), null when the server checks only on request
     */
    public record Status(ComplianceReport report, Instant lastAttempt, String lastError, String interval) {
    }

    /** The latest check's report (periodic or requested with the server's policies), empty when none has run yet. */
    public Optional<ComplianceReport> latest() {
        return status().map(Status::report);
    }

    /** The latest report beside the periodic check's last attempt and error; empty when no check has run or been tried yet. */
    public Optional<Status> status() {
        return Optional.ofNullable(server.sendOrNotFound("GET", "/api/v1/compliance", null))
                .map(reply -> ServerRequests.read(Status.class, reply));
    }

    /**
     * Flags a dataset as holding personal data ({@code flagged} true) or withdraws the flag, as the
     * token's person (an operator, auditor or admin).
     *
     * @return the human action recorded
     */
    public HumanActionRecord flagPersonalData(String datasetId, boolean flagged, String comment) {
        ObjectNode body = MetadataJson.MAPPER.createObjectNode();
        body.put("flagged", flagged);
        if (comment != null) {
            body.put("comment", comment);
        }
        JsonNode reply = server.send("POST", "/api/v1/datasets/" + URLEncoder.encode(datasetId, StandardCharsets.UTF_8)
                + "/personal-data", body);
        if (reply instanceof ObjectNode object) {
            object.remove("kind"); // the record's kind, as the server writes every record
        }
        return ServerRequests.read(HumanActionRecord.class, reply);
    }

    /**
     * Runs a check now over the window and records its violations (needs a token whose role may
     * export: auditor or admin).
     *
     * @param policies a policy configuration to run instead of the server's ({"policies": [...]}), or null
     */
    public ComplianceCheck.Outcome check(TimeRange window, JsonNode policies) {
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        if (window.from() != null) {
            query.add("from=" + URLEncoder.encode(window.from().toString(), StandardCharsets.UTF_8));
        }
        if (window.to() != null) {
            query.add("to=" + URLEncoder.encode(window.to().toString(), StandardCharsets.UTF_8));
        }
        return ServerRequests.read(ComplianceCheck.Outcome.class, server.send("POST", "/api/v1/compliance/check" + query, policies));
    }
}
