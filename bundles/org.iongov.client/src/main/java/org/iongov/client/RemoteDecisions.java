package org.iongov.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.policy.ModelPropagation.HumanDecision;
import org.iongov.core.policy.ModelPropagation.PendingApproval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * People's decisions on a server: the approval queue, approving, rejecting and rolling back. The
 * server knows who decides from the token, and enforces roles and separation of duties.
 */
public final class RemoteDecisions {

    private final ServerRequests server;

    public RemoteDecisions(URI server, String token) {
        this.server = new ServerRequests(server, token);
    }

    public List<PendingApproval> pending(String instanceId) {
        JsonNode reply = server.send("GET", "/api/v1/approvals/pending"
                + (instanceId == null ? "" : "?instance=" + URLEncoder.encode(instanceId, StandardCharsets.UTF_8)), null);
        List<PendingApproval> pending = new ArrayList<>();
        reply.forEach(item -> pending.add(ServerRequests.read(PendingApproval.class, item)));
        return pending;
    }

    public HumanDecision decide(String messageId, boolean approve, String comment) {
        ObjectNode body = MetadataJson.MAPPER.createObjectNode().put("messageId", messageId).put("decision", approve ? "approve" : "reject");
        if (comment != null) {
            body.put("comment", comment);
        }
        return ServerRequests.read(HumanDecision.class, server.send("POST", "/api/v1/approvals", body));
    }

    /** @return the id of the message that carries the model back to the node */
    public String rollback(String instanceId, String node, String modelId, String comment) {
        ObjectNode body = MetadataJson.MAPPER.createObjectNode().put("instance", instanceId).put("node", node).put("modelId", modelId);
        if (comment != null) {
            body.put("comment", comment);
        }
        return server.send("POST", "/api/v1/rollbacks", body).get("messageId").asText();
    }
}
