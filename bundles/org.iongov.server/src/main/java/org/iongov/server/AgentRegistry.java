package org.iongov.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The agents that report to this server, as their heartbeats describe them (engine, host, backlog,
 * connection), with when each was last heard from. Kept in memory: after a restart the server
 * knows its agents again within one heartbeat interval.
 */
final class AgentRegistry {

    /** Agents send one every 10 s; three missed make an agent late, five minutes silent. */
    static final Duration LATE_AFTER = Duration.ofSeconds(30);
    static final Duration SILENT_AFTER = Duration.ofMinutes(5);
    private static final int MAX_AGENTS = 10_000;
    private static final int MAX_FIELD_CHARS = 2_000;

    private record Heartbeat(ObjectNode status, String token, Instant receivedAt) {
    }

    private final Map<String, Heartbeat> agents = new ConcurrentHashMap<>();

    /** Takes a heartbeat; a malformed one is a 400 that says what is missing. */
    void heartbeat(JsonNode body, String tokenUser, Instant now) {
        if (!body.isObject()) {
            throw new ApiException(400, "a heartbeat is a JSON object");
        }
        String id = body.path("agentId").asText("");
        if (!id.matches("[A-Za-z0-9._:-]{1,200}")) {
            throw new ApiException(400, "a heartbeat needs an agentId of 1 to 200 letters, digits, '.', '_', ':' or '-'");
        }
        if (!agents.containsKey(id) && agents.size() >= MAX_AGENTS) {
            throw new ApiException(429, "this server already tracks " + MAX_AGENTS + " agents");
        }
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        body.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().length() > MAX_FIELD_CHARS) {
                kept.put(field.getKey(), value.asText().substring(0, MAX_FIELD_CHARS));
            } else if (value.isValueNode() || value.isArray() && value.size() <= 100) {
                kept.set(field.getKey(), value);
            }
        });
        agents.put(id, new Heartbeat(kept, tokenUser, now));
    }

    /** Every agent heard from, most recently heard first, with its state: online, late or silent. */
    ArrayNode list(Instant now) {
        List<Map.Entry<String, Heartbeat>> entries = new ArrayList<>(agents.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Heartbeat> e) -> e.getValue().receivedAt()).reversed()
                .thenComparing(Map.Entry::getKey));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Map.Entry<String, Heartbeat> e : entries) {
            Heartbeat h = e.getValue();
            ObjectNode agent = h.status().deepCopy();
            agent.put("agentId", e.getKey());
            agent.put("token", h.token());
            agent.put("lastContact", h.receivedAt().toString());
            Duration since = Duration.between(h.receivedAt(), now);
            agent.put("state", since.compareTo(LATE_AFTER) <= 0 ? "online" : since.compareTo(SILENT_AFTER) <= 0 ? "late" : "silent");
            out.add(agent);
        }
        return out;
    }
}
