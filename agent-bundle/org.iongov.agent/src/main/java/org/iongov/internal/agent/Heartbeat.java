package org.iongov.internal.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iongov.agent.api.spi.JsonText;

/**
 * Tells the server, every few seconds, that this agent is alive and how it stands (host, the
 * engines of the runs it carried, its pipelines, backlog and connection), for the workbench's
 * connection view and {@code ./iongov agent list}. The agent's id lives in its spool, so it stays
 * the same across restarts.
 * <p>
 * Sent from a thread of its own over one kept-alive connection (as the forwarder sends): the
 * JDK's HTTP client would keep a selector thread and hand each request between its own threads,
 * on the CPU of the engine beside the agent, every ten seconds.
 */
public final class Heartbeat implements AutoCloseable {

    private static final Pattern ENGINE = Pattern.compile("\"engine\":\"([^\"\\\\]{1,64})\"");

    private final URI endpoint;
    private final String agentId;
    private final String host;
    private final Instant startedAt = Instant.now();
    private final Set<String> engines = new ConcurrentSkipListSet<>();
    /** Used on the sending thread alone. */
    private final IngestClient http;
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "iongov-agent-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** A heartbeat waits for the server: the next one is skipped rather than queued behind it. */
    private final java.util.concurrent.atomic.AtomicBoolean inFlight = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String lastError;

    public Heartbeat(URI server, String token, Path spool) throws IOException {
        this.endpoint = URI.create(server.toString().replaceAll("/+$", "") + "/api/v1/agents/heartbeat");
        this.http = new IngestClient(endpoint, token);
        this.agentId = idOf(spool);
        this.host = hostName();
    }

    /** The agent's id, kept in the spool folder ({@code agent-id}); made on first use. */
    static String idOf(Path spool) throws IOException {
        Path file = spool.resolve("agent-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!id.isEmpty()) {
                return id;
            }
        }
        String id = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
        return id;
    }

    public String agentId() {
        return agentId;
    }

    /** Notes the engine of a run record passing through (the JSON as spooled); true when it is a new one. */
    public boolean sawRun(String runJson) {
        Matcher m = ENGINE.matcher(runJson);
        return m.find() && engines.size() < 20 && engines.add(m.group(1));
    }

    /** The last failure sending a heartbeat, or null. */
    public String lastError() {
        return lastError;
    }

    /** Sends one heartbeat with the given status fields; a failure is remembered, not thrown (the forwarder reports reachability). */
    public void send(Map<String, Object> status, int pipelines, Path spool) {
        if (!inFlight.compareAndSet(false, true)) {
            return; // the last one still waits for the server
        }
        boolean handedOver = false;
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("agentId", agentId);
            body.put("host", host);
            body.put("pid", ProcessHandle.current().pid());
            body.put("startedAt", startedAt.toString());
            body.put("spool", spool.toAbsolutePath().toString());
            body.put("engines", java.util.List.copyOf(engines));
            body.put("pipelines", pipelines);
            body.putAll(status);
            StringBuilder json = new StringBuilder(512);
            JsonText.value(json, body);
            byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
            // Sent without waiting: a slow or absent server must not hold up the agent's status file.
            sender.execute(() -> {
                try {
                    IngestClient.Reply reply = http.post(bytes, Duration.ofSeconds(10));
                    lastError = reply.status() == 200 ? null : "server answered " + reply.status() + ": " + reply.body();
                } catch (IOException e) {
                    lastError = "heartbeat to " + endpoint.getHost() + ":" + endpoint.getPort() + " failed: " + e;
                } finally {
                    inFlight.set(false);
                }
            });
            handedOver = true;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // stopping: no more heartbeats
        } finally {
            if (!handedOver) {
                inFlight.set(false);
            }
        }
    }

    /** Stops sending; a heartbeat on its way is abandoned. */
    @Override
    public void close() {
        sender.shutdownNow();
        try {
            if (sender.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
                http.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
