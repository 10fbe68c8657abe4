package org.iongov.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON requests to a server's endpoints beyond the store API (decisions, compliance), with the
 * caller's bearer token; refusals arrive as the exceptions an embedded store would throw.
 */
final class ServerRequests {

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ServerRequests(URI server, String token) {
        this.base = URI.create(server.toString().replaceAll("/+$", ""));
        this.token = token;
    }

    static <R extends Record> R read(Class<R> type, JsonNode node) {
        List<String> problems = new ArrayList<>();
        R value = MetadataJson.readAs(type, node, "reply", problems, Set.of());
        if (!problems.isEmpty()) {
            throw new StoreException(Reason.FAILED, "unexpected reply from the server: " + problems.get(0));
        }
        return value;
    }

    /** The reply's JSON; a 404 is an {@link IllegalArgumentException} with the server's message. */
    JsonNode send(String method, String path, JsonNode body) {
        return exchange(method, path, body, false);
    }

    /** The reply's JSON, or null when the server answers 404. */
    JsonNode sendOrNotFound(String method, String path, JsonNode body) {
        return exchange(method, path, body, true);
    }

    private JsonNode exchange(String method, String path, JsonNode body, boolean notFoundIsNull) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode reply = response.body().isEmpty() ? MetadataJson.MAPPER.createObjectNode() : MetadataJson.MAPPER.readTree(response.body());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return reply;
            }
            if (status == 404 && notFoundIsNull) {
                return null;
            }
            String message = reply.path("error").asText("HTTP " + status);
            if (status == 401 || status == 403) {
                throw new ServerRefusedException(status, message, "the server at " + base + " refused: " + message);
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
