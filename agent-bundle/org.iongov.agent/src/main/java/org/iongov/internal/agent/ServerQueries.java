package org.iongov.internal.agent;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iongov.agent.api.GovernanceQueries;
import org.iongov.agent.api.ModelHistory;

/** The import side over the server's HTTP API, with the agent's token. */
public final class ServerQueries implements GovernanceQueries {

    private final URI server;
    private final String token;
    /** Made on the first query: an agent no pipeline queries through keeps no client (its selector thread) for nothing. */
    private HttpClient http;

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    public ServerQueries(URI server, String token) {
        this.server = URI.create(server.toString().replaceAll("/+$", ""));
        this.token = token;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ModelHistory> models(String instanceId, String statistic, int limit) {
        List<Object> models = (List<Object>) get("/api/v1/models?instance=" + enc(instanceId) + "&limit=" + limit);
        Set<String> approved = modelsDecided(instanceId, "approval");
        Set<String> rejected = modelsDecided(instanceId, "rejection");
        List<ModelHistory> result = new ArrayList<>();
        Map<String, Double> statisticOfRun = new HashMap<>();
        for (Object item : models) {
            Map<String, Object> m = (Map<String, Object>) item;
            String modelId = (String) m.get("id");
            String runId = (String) m.get("runId");
            List<String> approvers = new ArrayList<>();
            for (Object action : (List<Object>) get("/api/v1/approvals?action=approve&subject=" + enc(modelId))) {
                approvers.add((String) ((Map<String, Object>) action).get("actor"));
            }
            double value = statisticOfRun.computeIfAbsent(runId, run -> lastValue(statistic, run));
            result.add(new ModelHistory(modelId, runId, (String) m.get("format"), (String) m.get("sha256"),
                    Instant.parse((String) m.get("createdAt")), approved.contains(modelId), rejected.contains(modelId), approvers, value));
        }
        return result;
    }

    /** Models that a policy step approved (or rejected) in this instance, from the decision events. */
    @SuppressWarnings("unchecked")
    private Set<String> modelsDecided(String instanceId, String type) {
        Set<String> models = new HashSet<>();
        for (Object item : (List<Object>) get("/api/v1/events?instance=" + enc(instanceId) + "&type=" + type + "&limit=10000")) {
            Object details = ((Map<String, Object>) item).get("details");
            if (details instanceof Map<?, ?> d && d.get("modelId") instanceof String modelId) {
                models.add(modelId);
            }
        }
        return models;
    }

    @SuppressWarnings("unchecked")
    private double lastValue(String statistic, String runId) {
        Map<String, Object> series = (Map<String, Object>) get("/api/v1/statistics?name=" + enc(statistic) + "&run=" + enc(runId)
                + "&maxPoints=10000");
        List<Object> points = (List<Object>) series.get("points");
        if (points.isEmpty()) {
            return Double.NaN;
        }
        Object value = ((Map<String, Object>) points.get(points.size() - 1)).get("value");
        return value instanceof Double d ? d : Double.NaN;
    }

    private Object get(String path) {
        try {
            HttpResponse<String> response = http().send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the server at " + server + " answered " + response.statusCode() + ": " + response.body());
            }
            return MiniJson.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the server at " + server + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + server, e);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
