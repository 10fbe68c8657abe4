package org.iongov.client;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The agents that report to a server, as their heartbeats describe them. */
public final class RemoteAgents {

    /**
     * One agent.
     *
     * @param agentId its id (kept in its spool, so the same across restarts)
     * @param host the machine it runs on
     * @param state online (heard from in the last 30 s), late (in the last 5 minutes) or silent
     * @param lastContact when the server last heard from it
     * @param engines the engines of the runs it carried
     * @param pipelines pipeline connections open on its socket
     * @param connected whether it reaches the server for forwarding
     * @param backlogRecords records spooled, not yet stored by the server
     * @param oldestUnsent when the oldest of those was spooled, or null
     * @param lastError its last failure talking to the server, or null
     * @param spoolBytes its spool's size on disk
     * @param quotaBytes its spool's quota
     * @param forwarded records the server stored from it
     * @param rejected records the server refused as invalid (quarantined at the agent)
     * @param token the user name of the token it uses
     */
    public record Agent(String agentId, String host, String state, Instant lastContact, List<String> engines, int pipelines,
            boolean connected, long backlogRecords, Instant oldestUnsent, String lastError, long spoolBytes, long quotaBytes,
            long forwarded, long rejected, String token) {
    }

    private final ServerRequests server;

    public RemoteAgents(URI server, String token) {
        this.server = new ServerRequests(server, token);
    }

    /** Every agent the server heard from since it started, most recently heard first. */
    public List<Agent> list() {
        List<Agent> agents = new ArrayList<>();
        for (JsonNode a : server.send("GET", "/api/v1/agents", null)) {
            List<String> engines = new ArrayList<>();
            a.path("engines").forEach(e -> engines.add(e.asText()));
            agents.add(new Agent(a.path("agentId").asText(), text(a, "host"), text(a, "state"), instant(a, "lastContact"), engines,
                    a.path("pipelines").asInt(), a.path("connected").asBoolean(), a.path("backlogRecords").asLong(),
                    instant(a, "oldestUnsent"), text(a, "lastError"), a.path("spoolBytes").asLong(), a.path("quotaBytes").asLong(),
                    a.path("forwarded").asLong(), a.path("rejected").asLong(), text(a, "token")));
        }
        return agents;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : Instant.parse(text);
    }
}
