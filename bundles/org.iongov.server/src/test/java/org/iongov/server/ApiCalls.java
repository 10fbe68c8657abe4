package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.MetadataRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A test's JSON requests to its server, with a bearer token. */
final class ApiCalls {

    record Reply(int status, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final GovernanceServer server;

    ApiCalls(GovernanceServer server) {
        this.server = server;
    }

    Reply call(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.uri() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), MetadataJson.MAPPER.readTree(response.body()));
    }

    /** Sends the records as one ingest batch and expects them taken. */
    void ingest(String token, List<MetadataRecord> records) throws Exception {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(MetadataJson.toWire(r)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("records", array);
        Reply reply = call("POST", "/api/v1/ingest", token, body.toString());
        assertEquals(200, reply.status(), reply.json().toString());
    }
}
