package org.iongov.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.policy.ModelPropagation.HumanDecision;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * People's decisions on a server: the approval queue, approving, rejecting and rolling back. The
 * server knows who decides from the token, and enforces roles and separation of duties.
 */
public final class RemoteDecisions {

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public RemoteDecisions(URI server, String token) {
        this.base = URI.create(server.toString().replaceAll("/+$", ""));
        this.token = token;
    }

    public List<PendingApproval> pending(String instanceId) {
        JsonNode reply = send("GET", "/api/v1/approvals/pending"
                + (instanceId == null ? "" : "?instance=" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8)), null);
        List<PendingApproval> pending = new ArrayList<>();
        reply.forEach(item -> pending.add(read(PendingApproval.class, item)));
        return pending;
    }

    public HumanDecision decide(String messageId, boolean approve, String comment) {
        ObjectNode body = MetadataJson.MAPPER.createObjectNode().put("messageId", messageId).put("decision", approve ? "approve" : "reject");
        if (comment != null) {
            body.put("comment", comment);
        }
        return read(HumanDecision.class, send("POST", "/api/v1/approvals", body));
    }

    /** @return the id of the message that carries the model back to the node */
    public String rollback(String instanceId, String node, String modelId, String comment) {
        ObjectNode body = MetadataJson.MAPPER.createObjectNode().put("instance", instanceId).put("node", node).put("modelId", modelId);
        if (comment != null) {
            body.put("comment", comment);
        }
        return send("POST", "/api/v1/rollbacks", body).get("messageId").asText();
    }

    private static <R extends Record> R read(Class<R> type, JsonNode node) {
        List<String> problems = new ArrayList<>();
        R value = MetadataJson.readAs(type, node, "reply", problems, Set.of());
        if (!problems.isEmpty()) {
            throw new StoreException(Reason.FAILED, "unexpected reply from the server: " + problems.get(0));
        }
        return value;
    }

    private JsonNode send(String method, String path, JsonNode body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode reply = response.body().isEmpty() ? MetadataJson.MAPPER.createObjectNode() : MetadataJson.MAPPER.readTree(response.body());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return reply;
            }
            String message = reply.path("error").asText("HTTP " + status);
            if (status == 401 || status == 403) {
                throw new StoreException(Reason.ACCESS_DENIED, "the server at " + base + " refused: " + message);
            }
            if (status < 500) {
                throw new IllegalArgumentException(message);
            }
            throw new StoreException(Reason.FAILED, "the server at " + base + " failed: " + message);
        } catch (ConnectException e) {
            throw new StoreException(Reason.UNREACHABLE, "cannot reach the IonGov server at " + base + ": is it running?", e);
        } catch (IOException e) {
            throw new StoreException(Reason.UNREACHABLE, "the IonGov server at " + base + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(Reason.UNREACHABLE, "interrupted while waiting for " + base, e);
        }
    }
}
