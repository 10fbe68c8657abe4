package org.iongov.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** The forwarder's HTTP client against a real HTTP server (the JDK's) on loopback. */
class IngestClientTest {

    /** Answers with the body's length and the authorization it got; chunked, closing or refusing when the body asks. */
    private static HttpServer server(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/v1/ingest", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String mode = new String(body, StandardCharsets.UTF_8);
            byte[] reply = ("{\"bytes\":" + body.length + ",\"auth\":\"" + exchange.getRequestHeaders().getFirst("Authorization") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (mode.contains("close")) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            int status = mode.contains("refuse") ? 401 : 200;
            exchange.sendResponseHeaders(status, mode.contains("chunked") ? 0 : reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void postsOverOneConnectionReadsEveryKindOfAnswerAndReconnectsWhenTheServerWentAway() throws Exception {
        HttpServer server = server(0);
        int port = server.getAddress().getPort();
        try (IngestClient client = new IngestClient(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"), "secret")) {
            IngestClient.Reply plain = client.post("{\"records\":[]}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
            assertEquals(200, plain.status());
            assertEquals("{\"bytes\":14,\"auth\":\"Bearer secret\"}", plain.body());
            byte[] big = ("{\"records\":[\"" + "x".repeat(3_000_000) + "\"],\"mode\":\"chunked\"}").getBytes(StandardCharsets.UTF_8);
            IngestClient.Reply chunked = client.post(big, Duration.ofSeconds(10));
            assertEquals("{\"bytes\":" + big.length + ",\"auth\":\"Bearer secret\"}", chunked.body());
            IngestClient.Reply refused = client.post("{\"mode\":\"refuse\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
            assertEquals(401, refused.status());
            assertEquals(200, client.post("{\"mode\":\"close\"}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)).status());

            // The server restarts on the same port: the kept connection is dead, the next post opens a new one.
            server.stop(0);
            server = server(port);
            assertEquals(200, client.post("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)).status());

            server.stop(0);
            server = null;
            assertThrows(IOException.class, () -> client.post("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2)),
                    "no server: the caller hears of it (and retries later)");
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }

    @Test
    void aSlowServerIsNotSentTheSameBatchAgain() throws Exception {
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/api/v1/ingest", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            try {
                release.await(); // slower than the client waits
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try (IngestClient client = new IngestClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/ingest"),
                "t")) {
            // A kept-alive connection first, so that the slow answer comes on a reused one.
            release.countDown();
            assertEquals(200, client.post("{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10)).status());
            java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
            server.removeContext("/api/v1/ingest");
            server.createContext("/api/v1/ingest", exchange -> {
                exchange.getRequestBody().readAllBytes();
                requests.incrementAndGet();
                try {
                    slow.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            assertThrows(java.net.SocketTimeoutException.class,
                    () -> client.post("{}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(300)));
            assertEquals(2, requests.get(), "the timed-out batch was sent once");
            slow.countDown();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesAddressesThatAreNotHttp() {
        assertThrows(IllegalArgumentException.class, () -> new IngestClient(URI.create("ftp://host/api/v1/ingest"), "t"));
    }
}
