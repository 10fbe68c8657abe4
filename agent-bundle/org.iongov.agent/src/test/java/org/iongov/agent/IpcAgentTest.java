package org.iongov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pipeline reaches an agent in another process over its socket; the agent is killed and restarted. */
class IpcAgentTest {

    @TempDir
    Path temp;

    private Process startAgent(ServerFixture fixture, Path spool, Path socket, String... more) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                AgentProcess.class.getName(), fixture.uri().toString(), fixture.agentToken, spool.toString(), socket.toString()));
        command.addAll(java.util.List.of(more));
        Process agent = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("LISTENING", out.readLine());
        return agent;
    }

    @Test
    void recordsSentOverIpcArriveExactlyOnceAcrossAKilledAgent() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            fixture.startServer();
            Path spool = temp.resolve("spool");
            Path socket = temp.resolve("agent.sock");
            Process agent = startAgent(fixture, spool, socket);
            String runId;
            try (Governance governance = Governance.connect(socket)) {
                RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
                runId = run.id();
                for (int i = 0; i < 20_000; i++) {
                    assertTrue(run.statistic("latency_ms", i));
                }
                assertTrue(governance.flush(Duration.ofSeconds(60)), "durable in the other process's spool");

                agent.destroyForcibly(); // kill -9 of the agent process
                assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
                // The pipeline keeps reporting; the link holds what is not confirmed.
                for (int i = 20_000; i < 30_000; i++) {
                    assertTrue(run.statistic("latency_ms", i));
                }
                run.close();
                agent = startAgent(fixture, spool, socket);
                assertTrue(governance.flush(Duration.ofSeconds(60)), "the restarted agent took the rest");
            }
            long deadline = System.currentTimeMillis() + 60_000;
            long stored = 0;
            // The run's end may come in a later batch than the last points: wait for both.
            while (System.currentTimeMillis() < deadline
                    && ((stored = fixture.store.statistics(new StatisticQuery("latency_ms", runId, null, 1)).storedPoints()) < 30_000
                            || fixture.store.counts().getOrDefault(RecordKind.RUN_END, 0L) < 1)) {
                // the condition's store reads pace the loop; no fixed sleep
            }
            assertEquals(30_000L, stored, "each point exactly once");
            assertEquals(30_000L, fixture.store.counts().get(RecordKind.STATISTIC));
            assertEquals(1L, fixture.store.counts().get(RecordKind.RUN_END));
            agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void recordsLargerThanTheLinksChunksAndInputsWithLineBreaksArriveWhole() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            fixture.startServer();
            Path socket = temp.resolve("agent.sock");
            Process agent = startAgent(fixture, temp.resolve("spool"), socket);
            // A model of 1 MiB (about 1.4 MB of base64 in its record: several of the link's 256 KiB chunks), and
            // a pretty-printed input with line breaks and non-ASCII text (the link's lines are one record each).
            byte[] bytes = new byte[1 << 20];
            new java.util.Random(3).nextBytes(bytes);
            String input = "{\n  \"patient\": \"Zoë 🩺\",\r\n  \"age\": 71\n}";
            try (Governance governance = Governance.connect(socket)) {
                RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
                String modelId = run.publishModel("candidate-model", new org.iongov.agent.api.ModelArtifact("big", "opaque", bytes, null));
                assertTrue(run.prediction("p-multiline", input, "{\"score\":0.5}", java.util.List.of(modelId)));
                run.close();
                assertTrue(governance.flush(Duration.ofSeconds(60)));
                long deadline = System.currentTimeMillis() + 60_000;
                while (System.currentTimeMillis() < deadline && fixture.store.counts().getOrDefault(RecordKind.RUN_END, 0L) < 1) {
                    // the store reads pace the loop; no fixed sleep
                }
                org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, fixture.store.model(modelId).orElseThrow().bytes());
                org.iongov.core.metadata.PredictionRecord p = fixture.store.prediction("p-multiline").orElseThrow();
                String stored = "{\"patient\":\"Zoë 🩺\",\"age\":71}";
                assertEquals(stored, p.inputJson(), "the same JSON (the server stores it compact)");
                assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(stored.getBytes(StandardCharsets.UTF_8))), p.inputDigest(), "the digest of the input as stored");
            } finally {
                agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aRecordThatCannotBeWrittenIsSetAsideAndTheRestArrives() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            fixture.startServer();
            Path spool = temp.resolve("spool");
            Process agent = startAgent(fixture, spool, temp.resolve("agent.sock"));
            Object broken = new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("this parameter cannot be written");
                }
            };
            try (Governance governance = Governance.connect(temp.resolve("agent.sock"))) {
                RunHandle bad = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests").withParameter("broken", broken));
                RunHandle good = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
                for (int i = 0; i < 100; i++) {
                    good.statistic("latency_ms", i);
                }
                good.close();
                assertTrue(governance.flush(Duration.ofSeconds(60)), "the link's count of lines stays right");
                long deadline = System.currentTimeMillis() + 60_000;
                long stored = 0;
                while (System.currentTimeMillis() < deadline
                        && (stored = fixture.store.statistics(new StatisticQuery("latency_ms", good.id(), null, 1)).storedPoints()) < 100) {
                    // the store reads pace the loop; no fixed sleep
                }
                assertEquals(100L, stored, "the records after it arrive");
                // The unwritable record was refused by the server and kept aside by the agent, with the reason.
                Path rejected = spool.resolve("rejected");
                String kept = "";
                while (System.currentTimeMillis() < deadline && !(kept = readAll(rejected)).contains("this parameter cannot be written")) {
                    governance.flush(Duration.ofMillis(100)); // a bounded wait on the link, not a fixed sleep
                }
                assertTrue(kept.contains(bad.id()) && kept.contains("this parameter cannot be written"), kept);
            } finally {
                agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static String readAll(Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            for (Path f : files.toList()) {
                all.append(java.nio.file.Files.readString(f));
            }
        }
        return all.toString();
    }

    @Test
    void aPipelineInAnotherProcessReceivesApprovedModelsThroughTheAgent() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            fixture.startServer();
            String olivia = fixture.store.createToken("olivia", org.iongov.core.access.Role.OPERATOR).secret();
            String oscar = fixture.store.createToken("oscar", org.iongov.core.access.Role.OPERATOR).secret();
            Path socket = temp.resolve("agent.sock");
            Process agent = startAgent(fixture, temp.resolve("spool"), socket);
            java.util.concurrent.BlockingQueue<org.iongov.agent.api.DeliveredModel> delivered = new java.util.concurrent.LinkedBlockingQueue<>();
            byte[] bytes = "<PMML version=\"4.4\"/>".getBytes(StandardCharsets.UTF_8);
            try (Governance inference = Governance.connect(socket);
                    AutoCloseable subscription = inference.subscribe(ServerFixture.INSTANCE, "recommend-tests", "approved-model",
                            delivered::add);
                    Agent training = Agent.start(AgentConfig.of(fixture.uri(), fixture.agentToken, temp.resolve("spool-train")))) {
                String modelId;
                try (RunHandle train = training.governance().openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender").startedBy("dana"))) {
                    modelId = train.publishModel("candidate-model", new org.iongov.agent.api.ModelArtifact("lr", "pmml", bytes, null));
                }
                assertTrue(training.awaitForwarded(Duration.ofSeconds(30)));
                String message = fixture.store.messages(new org.iongov.core.query.RecordQuery(null, ServerFixture.INSTANCE, "candidate-model",
                        null, null, 10)).get(0).id();
                ModelDeliveryTest.approve(fixture, olivia, message);
                ModelDeliveryTest.approve(fixture, oscar, message);
                org.iongov.agent.api.DeliveredModel model = delivered.poll(30, TimeUnit.SECONDS);
                assertEquals(modelId, model == null ? null : model.modelId());
                org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, model.bytes());
            } finally {
                agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void refusalsOfAnAgentInAnotherProcessReachThePipelineWithItsFlushes() throws Exception {
        try (ServerFixture fixture = new ServerFixture(temp.resolve("store"))) {
            Path spool = temp.resolve("spool");
            Process agent = startAgent(fixture, spool, temp.resolve("agent.sock"), String.valueOf(2L << 20));
            try (Governance governance = Governance.connect(temp.resolve("agent.sock"))) {
                RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
                for (int i = 0; i < 60_000; i++) {
                    run.statistic("throughput", i);
                    if (i % 5_000 == 0) {
                        governance.flush(Duration.ofSeconds(30));
                    }
                }
                assertTrue(governance.flush(Duration.ofSeconds(30)));
                long refused = governance.refused();
                assertTrue(refused > 0, "the 2 MiB quota filled while the server was away");
                // The agent's own count, from its status file, is the same.
                long deadline = System.currentTimeMillis() + 10_000;
                String status = "";
                while (System.currentTimeMillis() < deadline && !(status = java.nio.file.Files.readString(spool.resolve("status.json")))
                        .contains("\"statistic\":" + refused)) {
                    governance.flush(Duration.ofMillis(100)); // a bounded wait on the link, not a fixed sleep
                }
                assertTrue(status.contains("\"statistic\":" + refused), status);
            } finally {
                agent.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
