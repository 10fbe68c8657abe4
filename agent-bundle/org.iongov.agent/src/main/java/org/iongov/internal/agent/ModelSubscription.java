package org.iongov.internal.agent;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.DeliveredModel;
import org.iongov.agent.api.spi.ModelListener;

/**
 * Delivers the models that reach one node of an ION instance: polls the server's deliveries,
 * downloads each new model, checks its digest, keeps it in the spool's model cache and calls the
 * pipeline back. The last delivered model is delivered again at once when a pipeline subscribes
 * (for instance after a restart while the server is away).
 */
public final class ModelSubscription implements AutoCloseable, Runnable {

    private static final System.Logger LOG = System.getLogger(ModelSubscription.class.getName());

    private final URI server;
    private final String token;
    private final String instanceId;
    private final String node;
    private final String channel;
    private final ModelListener listener;
    private final Path cacheFolder;
    private final Path lastFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread thread;
    private volatile boolean running = true;
    private String lastSentAt;
    private String lastMessageId;

    public ModelSubscription(URI server, String token, Path spool, String instanceId, String node, String channel,
            ModelListener listener) throws IOException {
        this.server = URI.create(server.toString().replaceAll("/+$", ""));
        this.token = token;
        this.instanceId = instanceId;
        this.node = node;
        this.channel = channel;
        this.listener = listener;
        this.cacheFolder = Files.createDirectories(spool.resolve("models"));
        this.lastFile = cacheFolder.resolve(safe(instanceId + "--" + node + "--" + (channel == null ? "all" : channel)) + ".last");
        deliverCached();
        thread = new Thread(this, "iongov-agent-models-" + node);
        thread.setDaemon(true);
        thread.start();
    }

    private void deliverCached() throws IOException {
        if (!Files.exists(lastFile)) {
            return;
        }
        String[] fields = Files.readString(lastFile).trim().split("\t");
        // messageId, modelId, format, sha256, sentAt
        Path bytes = cacheFolder.resolve(fields[3] + ".model");
        if (Files.exists(bytes)) {
            lastSentAt = fields[4];
            lastMessageId = fields[0];
            listener.delivered(new DeliveredModel(fields[1], fields[0], fields[2], fields[3], Files.readAllBytes(bytes)));
        }
    }

    @Override
    public void run() {
        while (running) {
            try {
                poll();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "model deliveries for " + node + " not reachable now: " + e);
                try {
                    Thread.sleep(1000); // the server is away: try again in a second
                } catch (InterruptedException stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void poll() throws IOException, InterruptedException {
        // Long poll: the server answers as soon as a model reaches the node, or after 20 s.
        String query = "instance=" + enc(instanceId) + "&node=" + enc(node) + "&wait=20000"
                + (lastSentAt == null ? "" : "&after=" + enc(lastSentAt) + "&afterId=" + enc(lastMessageId));
        String body = get("/api/v1/deliveries?" + query, HttpResponse.BodyHandlers.ofString());
        for (Object item : (List<Object>) MiniJson.parse(body)) {
            Map<String, Object> message = (Map<String, Object>) item;
            String sentAt = (String) message.get("sentAt");
            if (channel != null && !channel.equals(message.get("channel"))) {
                lastSentAt = sentAt;
                lastMessageId = (String) message.get("id");
                continue;
            }
            String modelId = (String) message.get("modelId");
            Map<String, Object> model = (Map<String, Object>) MiniJson.parse(get("/api/v1/models/" + enc(modelId),
                    HttpResponse.BodyHandlers.ofString()));
            byte[] bytes = get("/api/v1/models/" + enc(modelId) + "/bytes", HttpResponse.BodyHandlers.ofByteArray());
            String sha256 = (String) model.get("sha256");
            if (!sha256.equals(digest(bytes))) {
                throw new IOException("model " + modelId + " arrived with a different digest than recorded: not delivered");
            }
            String format = (String) model.get("format");
            Path cached = cacheFolder.resolve(sha256 + ".model");
            Files.write(cached, bytes);
            String messageId = (String) message.get("id");
            Path temp = lastFile.resolveSibling(lastFile.getFileName() + ".tmp");
            Files.writeString(temp, String.join("\t", messageId, modelId, format, sha256, sentAt) + "\n");
            Files.move(temp, lastFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            lastSentAt = sentAt;
            lastMessageId = messageId;
            listener.delivered(new DeliveredModel(modelId, messageId, format, sha256, bytes));
        }
    }

    private <T> T get(String path, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(40))
                .header("Authorization", "Bearer " + token).build(), handler);
        if (response.statusCode() != 200) {
            throw new IOException("server answered " + response.statusCode() + " for " + path);
        }
        return response.body();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
