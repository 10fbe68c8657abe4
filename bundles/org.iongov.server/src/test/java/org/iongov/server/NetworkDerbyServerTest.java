package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ServiceLoader;

import org.apache.derby.drda.NetworkServerControl;
import org.iongov.core.access.Role;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/** The HTTP server over a store in a real Derby network server (the remote store mode). */
class NetworkDerbyServerTest {

    @TempDir
    Path temp;

    @Test
    void serverWorksOverADerbyNetworkServerStore() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NetworkServerControl derby = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        derby.start(new PrintWriter(Writer.nullWriter()));
        try {
            long deadline = System.currentTimeMillis() + 30_000;
            while (true) {
                try {
                    derby.ping();
                    break;
                } catch (Exception notYet) {
                    if (System.currentTimeMillis() > deadline) {
                        throw notYet;
                    }
                    Thread.onSpinWait();
                }
            }
            String url = "jdbc:derby://127.0.0.1:" + port + "/" + temp.resolve("db") + ";create=true";
            try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openUrl(url);
                    GovernanceServer server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY,
                            ServerOptions.defaults().withPort(0))) {
                String token = store.createToken("root", Role.ADMIN).secret();
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/ions"))
                        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"n\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, upload.statusCode(), upload.body());
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.uri() + "/api/v1/health"))
                        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = MetadataJson.MAPPER.readTree(health.body());
                assertEquals("remote", json.get("store").get("mode").asText());
                assertEquals("jdbc:derby://127.0.0.1:" + port + "/" + temp.resolve("db"), json.get("store").get("location").asText());
            }
        } finally {
            derby.shutdown();
        }
    }
}
