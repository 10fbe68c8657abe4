package org.iongov.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ServiceLoader;

import org.iongov.core.access.Role;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.reproduce.Reproducer;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction routes' contract: a request runs in the background, is followed by its id and
 * ends with the reproducer's report or its refusal. (The Spark replay behind them in
 * {@code ./iongov server} is tested end to end in the demo bundle.)
 */
class ReproductionRoutesTest {

    @TempDir
    Path temp;

    private static ApiCalls.Reply awaitEnd(ApiCalls api, String token, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ApiCalls.Reply reply = api.call("GET", "/api/v1/reproductions/" + id, token, null);
            String status = reply.json().path("status").asText();
            if (!status.equals("waiting") && !status.equals("running")) {
                return reply;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("reproduction " + id + " did not end: " + reply.json());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        }
    }

    @Test
    void aReproductionRunsInTheBackgroundAndEndsWithItsReportOrItsRefusal() throws Exception {
        // The reproducer here answers from the request alone: the routes are under test, not the replay.
        Reproducer reproducer = (store, request, progress) -> {
            progress.println("replaying the training of " + request.predictionId());
            if (request.parameters().containsKey("maxIter")) {
                throw new IllegalArgumentException("run r-1 cannot be replayed with maxIter=" + request.parameters().get("maxIter"));
            }
            return MetadataJson.MAPPER.createObjectNode().put("outcome", "reproduced").put("subjectId", request.predictionId());
        };
        try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow()
                .openEmbedded(temp.resolve("store"));
                GovernanceServer server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY,
                        ServerOptions.defaults().withPort(0).withReproducer(reproducer))) {
            ApiCalls api = new ApiCalls(server);
            String auditor = store.createToken("alice", Role.AUDITOR).secret();
            String operator = store.createToken("olivia", Role.OPERATOR).secret();

            ApiCalls.Reply started = api.call("POST", "/api/v1/reproductions", auditor, "{\"prediction\":\"enc-7@recommend-tests\"}");
            assertEquals(202, started.status(), started.json().toString());
            ApiCalls.Reply done = awaitEnd(api, operator, started.json().get("id").asText());
            assertEquals("done", done.json().get("status").asText(), done.json().toString());
            assertEquals("reproduced", done.json().at("/report/outcome").asText());
            assertEquals("alice", done.json().get("requestedBy").asText());
            assertEquals("replaying the training of enc-7@recommend-tests", done.json().at("/progress/0").asText());

            ApiCalls.Reply refused = awaitEnd(api, auditor, api.call("POST", "/api/v1/reproductions", auditor,
                    "{\"prediction\":\"enc-7@recommend-tests\",\"set\":{\"maxIter\":0}}").json().get("id").asText());
            assertEquals("refused", refused.json().get("status").asText());
            assertTrue(refused.json().get("error").asText().contains("maxIter=0"), refused.json().toString());

            assertEquals(403, api.call("POST", "/api/v1/reproductions", operator, "{\"prediction\":\"x\"}").status(),
                    "an operator may not start one (it trains and records)");
            assertEquals(400, api.call("POST", "/api/v1/reproductions", auditor, "{\"prediction\":\"x\",\"model\":\"y\"}").status());
            assertEquals(404, api.call("GET", "/api/v1/reproductions/repro-unknown", auditor, null).status());
        }
    }

    @Test
    void aServerWithoutTheEnginesSaysItCannotReproduce() throws Exception {
        try (GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow()
                .openEmbedded(temp.resolve("store"));
                GovernanceServer server = GovernanceServer.start(store, GovernanceServerTest.NAME_ONLY, ServerOptions.defaults().withPort(0))) {
            ApiCalls.Reply reply = new ApiCalls(server).call("POST", "/api/v1/reproductions", store.createToken("alice", Role.AUDITOR).secret(),
                    "{\"model\":\"m-1\"}");
            assertEquals(501, reply.status());
            assertTrue(reply.json().get("error").asText().contains("./iongov reproduce"), reply.json().toString());
        }
    }
}
