package org.iongov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.Histogram;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunOutcome;
import org.iongov.agent.api.RunSpec;
import org.iongov.agent.api.Severity;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.StatisticQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-process agent against a real server and store on loopback. */
class AgentTest {

    @TempDir
    Path temp;

    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(temp.resolve("store"));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private AgentConfig config() {
        return AgentConfig.of(fixture.uri(), fixture.agentToken, temp.resolve("spool")).withMaxBackoff(Duration.ofMillis(500));
    }

    @Test
    void everyKindOfRecordThePipelineReportsReachesTheServer() throws Exception {
        fixture.startServer();
        Path data = Files.writeString(temp.resolve("patients.csv"), "age,bmi\n61,27.5\n");
        byte[] pmml = "<PMML version=\"4.4\"/>".getBytes(StandardCharsets.UTF_8);
        String runId;
        String modelId;
        try (Agent agent = Agent.start(config())) {
            Governance governance = agent.governance();
            try (RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender")
                    .withEngine("standalone", "17").withCode("git://clinic/train", "4a58347").startedBy("dana")
                    .withParameter("regParam", 0.01).withParameter("grid", List.of(0.01, 0.1)))) {
                runId = run.id();
                String dataset = run.datasetRead(data);
                assertTrue(dataset.startsWith("dataset:"));
                run.statistic("evaluator", "auc", 0.91);
                run.structuredStatistic("evaluator", "confusion", "[[50,3],[4,43]]");
                run.inputSignature("age", Histogram.of(new double[] { 30, 40, 61, 70 }, 2));
                run.searchResult(Map.of("regParam", 0.01), "auc", 0.91, true);
                run.event("alert", Severity.WARNING, "class imbalance \"high\"");
                run.log("INFO", "trained in 2 s\nsecond line");
                modelId = run.publishModel("candidate-model", new ModelArtifact("lr", "pmml", pmml, "{\"inputs\":[\"age\"]}"));
                run.prediction("pred-1", "{\"age\":61}", "{\"ct\":true}", List.of(modelId));
                run.end(RunOutcome.SUCCEEDED);
            }
            assertTrue(governance.flush(Duration.ofSeconds(30)));
            assertTrue(agent.awaitForwarded(Duration.ofSeconds(60)), agent.status().toString());
            assertEquals(0, agent.status().refusedTotal());
            assertEquals(0, agent.status().rejected(), "the server accepted every record the API wrote");
        }
        NodeRun run = fixture.store.run(runId).orElseThrow();
        assertEquals("dana", run.start().startedBy());
        assertEquals("{\"regParam\":0.01,\"grid\":[0.01,0.1]}", run.start().configurationJson());
        assertEquals("SUCCEEDED", run.status().name());
        ModelRecord model = fixture.store.model(modelId).orElseThrow();
        assertEquals(64, model.sha256().length());
        assertEquals(new String(pmml, StandardCharsets.UTF_8), new String(model.bytes(), StandardCharsets.UTF_8));
        assertEquals(0.91, fixture.store.statistics(new StatisticQuery("auc", runId, null, 10)).points().get(0).value());
        assertEquals("[[50,3],[4,43]]",
                fixture.store.statistics(new StatisticQuery("confusion", runId, null, 10)).points().get(0).structuredJson());
        Map<RecordKind, Long> counts = fixture.store.counts();
        for (RecordKind kind : List.of(RecordKind.RUN_END, RecordKind.DATASET, RecordKind.DATASET_USE, RecordKind.SIGNATURE,
                RecordKind.SEARCH_RESULT, RecordKind.LOG, RecordKind.MODEL, RecordKind.MESSAGE, RecordKind.PREDICTION)) {
            assertEquals(1L, counts.get(kind), kind.wireName());
        }
        // The model went to the ION's human-approval node: the server recorded that policy step too.
        assertEquals(2L, counts.get(RecordKind.RUN), "the training run and the policy node's run");
        assertEquals(List.of("approval-pending", "alert"), fixture.store.events(RecordQuery.latest(10)).stream()
                .map(e -> e.type()).toList());
        assertEquals("class imbalance \"high\"", fixture.store.events(RecordQuery.latest(10)).get(1).message());
    }

    @Test
    void aTrickleOfPredictionsOverTheSocketReachesTheServerInFewBatchesWithTheirDigests() throws Exception {
        fixture.startServer();
        int total = 300;
        try (Agent agent = Agent.start(config())) {
            Path socket = agent.listen(temp.resolve("agent.sock"));
            try (Governance governance = Governance.connect(socket)) {
                RunHandle training = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender"));
                String modelId = training.publishModel("candidate-model", new ModelArtifact("lr", "opaque", new byte[16], null));
                training.close();
                RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
                assertTrue(governance.flush(Duration.ofSeconds(30)));
                assertTrue(agent.awaitForwarded(Duration.ofSeconds(60)), agent.status().toString());
                long batchesBefore = agent.status().batchesForwarded();
                long writesBefore = agent.status().spoolWrites();
                long forcesBefore = agent.status().spoolForces();
                long start = System.nanoTime();
                // A scoring job's sample: one prediction about every millisecond.
                for (int i = 0; i < total; i++) {
                    assertTrue(run.prediction("trickle-" + i, "{\"age\":" + i + "}", "{\"score\":0.5}", List.of(modelId)));
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(governance.flush(Duration.ofSeconds(30)));
                assertTrue(agent.awaitForwarded(Duration.ofSeconds(60)), agent.status().toString());
                long batches = agent.status().batchesForwarded() - batchesBefore;
                long writes = agent.status().spoolWrites() - writesBefore;
                long forces = agent.status().spoolForces() - forcesBefore;
                // The link sends at most once per 1 s linger, plus the final flush, and the agent writes each
                // send as one group; the forwarder sends at most once per second: not once per prediction.
                long allowedWrites = millis / 1000 + 3;
                long allowedBatches = millis / 1000 + 3;
                assertTrue(writes <= allowedWrites, writes + " spool writes for " + total + " predictions over " + millis + " ms, allowed "
                        + allowedWrites);
                // Routine sends are confirmed without an fsync each: the spool is forced at most every 100 ms.
                long allowedForces = millis / 100 + 3;
                assertTrue(forces <= allowedForces, forces + " fsyncs for " + total + " predictions over " + millis + " ms, allowed "
                        + allowedForces);
                assertTrue(batches <= allowedBatches, batches + " batches for " + total + " predictions over " + millis + " ms, allowed "
                        + allowedBatches);
                List<org.iongov.core.metadata.PredictionRecord> stored = fixture.store.predictions(
                        new RecordQuery(run.id(), null, null, null, null, 1000));
                assertEquals(total, stored.size());
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (org.iongov.core.metadata.PredictionRecord p : stored) {
                    String input = "{\"age\":" + p.id().substring("trickle-".length()) + "}";
                    assertEquals(java.util.HexFormat.of().formatHex(sha.digest(input.getBytes(StandardCharsets.UTF_8))), p.inputDigest(),
                            p.id());
                    assertEquals(List.of(modelId), p.modelIds());
                }
            }
        }
    }

    @Test
    void routineConfirmationsOverTheSocketWaitForThePeriodicFsyncWhileAFlushForcesAtOnce() throws Exception {
        try (Agent agent = Agent.start(config())) {
            Path socket = agent.listen(temp.resolve("agent.sock"));
            try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
                java.io.OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
                java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                        java.nio.channels.Channels.newInputStream(channel), StandardCharsets.UTF_8));
                String record = "{\"kind\":\"event\",\"id\":\"e-%d\",\"type\":\"probe\",\"severity\":\"INFO\",\"message\":\"m\"}\n";
                long forcesBefore = agent.status().spoolForces();
                long start = System.nanoTime();
                int sent = 0;
                // One record and a routine confirmation, again and again for a second, as fast as the answers come.
                while (System.nanoTime() - start < 1_000_000_000L) {
                    sent++;
                    out.write((String.format(record, sent) + "!sync " + sent + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    assertEquals("durable " + sent + " refused 0", in.readLine());
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                long forces = agent.status().spoolForces() - forcesBefore;
                assertTrue(forces <= millis / 100 + 2, forces + " fsyncs for " + sent + " confirmations over " + millis + " ms");
                // A flush forces it.
                out.write((String.format(record, sent + 1) + "!flush " + (sent + 1) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertEquals("durable " + (sent + 1) + " refused 0", in.readLine());
                assertTrue(agent.status().spoolForces() > forcesBefore + forces, "the flush forced the spool");
            }
        }
    }

    @Test
    void aConfirmationWaitingWhenTheAgentStopsIsAnsweredNotLeftHanging() throws Exception {
        Agent agent = Agent.start(config());
        Path socket = agent.listen(temp.resolve("agent.sock"));
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))) {
            java.io.OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    java.nio.channels.Channels.newInputStream(channel), StandardCharsets.UTF_8));
            String record = "{\"kind\":\"event\",\"id\":\"stop-%d\",\"type\":\"probe\",\"severity\":\"INFO\",\"message\":\"m\"}\n";
            out.write((String.format(record, 1) + "!sync 1\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("durable 1 refused 0", in.readLine());
            // Right after a force, the next record waits for the interval; the agent stops meanwhile.
            out.write((String.format(record, 2) + "!sync 2\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            agent.close();
            // Either the confirmation comes, or the connection ends (the pipeline's link then sends again to the next
            // agent); never a wait for minutes.
            String reply = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                try {
                    return in.readLine();
                } catch (java.io.IOException ended) {
                    return null;
                }
            }, "a confirmation left waiting by a stopping agent");
            if (reply != null) {
                assertEquals("durable 2 refused 0", reply);
                try (org.iongov.internal.agent.Spool spool = org.iongov.internal.agent.Spool.open(config().spool(), true)) {
                    List<String> spooled = spool.readNext(100, Long.MAX_VALUE).stream()
                            .map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
                    assertTrue(spooled.stream().anyMatch(r -> r.contains("stop-2")), "confirmed, so in the spool: " + spooled);
                }
            }
        } finally {
            agent.close();
        }
    }

    @Test
    void aTrickleFromAPipelineInTheAgentsProcessIsWrittenInGroups() throws Exception {
        fixture.startServer();
        int total = 300;
        String runId;
        try (Agent agent = Agent.start(config())) {
            Governance governance = agent.governance();
            RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
            runId = run.id();
            assertTrue(governance.flush(Duration.ofSeconds(30)));
            long writesBefore = agent.status().spoolWrites();
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                assertTrue(run.statistic("latency_ms", i));
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(governance.flush(Duration.ofSeconds(30)), "flush() does not wait for the linger");
            long writes = agent.status().spoolWrites() - writesBefore;
            long allowed = millis / 10 + 3; // one group per 10 ms linger, and the flush's
            assertTrue(writes <= allowed, writes + " spool writes for " + total + " records over " + millis + " ms, allowed " + allowed);
            run.close();
            assertTrue(governance.flush(Duration.ofSeconds(30)));
            assertTrue(agent.awaitForwarded(Duration.ofSeconds(60)), agent.status().toString());
        }
        assertEquals(total, fixture.store.statistics(new StatisticQuery("latency_ms", runId, null, 1000)).points().size());
    }

    @Test
    void anInvalidRecordIsQuarantinedAloneAndTheRestOfItsBatchIsStored() throws Exception {
        fixture.startServer();
        String runId;
        try (Agent agent = Agent.start(config())) {
            Governance governance = agent.governance();
            RunHandle training = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender"));
            String modelId = training.publishModel("candidate-model", new ModelArtifact("lr", "opaque", new byte[16], null));
            training.close();
            RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
            runId = run.id();
            for (int i = 0; i < 20; i++) {
                // The eighth names a model the server never heard of: the server refuses that record.
                run.prediction("p-" + i, "{\"age\":" + i + "}", "{\"score\":0.5}", List.of(i == 7 ? "no-such-model" : modelId));
            }
            run.close();
            assertTrue(governance.flush(Duration.ofSeconds(30)));
            assertTrue(agent.awaitForwarded(Duration.ofSeconds(60)), agent.status().toString());
            assertEquals(1, agent.status().rejected(), agent.status().toString());
        }
        List<String> stored = fixture.store.predictions(new RecordQuery(runId, null, null, null, null, 100)).stream()
                .map(p -> p.id()).sorted().toList();
        assertEquals(19, stored.size(), stored.toString());
        assertFalse(stored.contains("p-7"));
        assertEquals("SUCCEEDED", fixture.store.run(runId).orElseThrow().status().name(), "records after the invalid one arrived");
        List<Path> quarantined;
        try (var files = Files.list(temp.resolve("spool").resolve("rejected"))) {
            quarantined = files.toList();
        }
        assertEquals(1, quarantined.size());
        String kept = Files.readString(quarantined.get(0));
        assertTrue(kept.contains("no-such-model") && kept.contains("\"p-7\""), kept);
        assertFalse(kept.contains("\"p-6\""), "only the invalid record is quarantined: " + kept);
    }

    @Test
    void aMillionRecordsEmittedWhileTheServerIsAwayArriveExactlyOnce() throws Exception {
        int total = 1_000_000;
        String runId;
        try (Agent agent = Agent.start(config())) {
            Governance governance = agent.governance();
            RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
            runId = run.id();
            // Half while the server was never up, then it starts and stops again mid-stream.
            for (int i = 0; i < total / 2; i++) {
                assertTrue(run.statistic("latency_ms", i));
            }
            assertTrue(governance.flush(Duration.ofSeconds(60)), "the pipeline kept running: all of it is spooled");
            AgentStatus away = agent.status();
            assertFalse(away.connected());
            assertNotNull(away.lastError());
            assertTrue(away.backlogRecords() >= total / 2, away.toString());
            assertNotNull(away.oldestUnsent());

            fixture.startServer();
            for (int i = total / 2; i < total; i++) {
                assertTrue(run.statistic("latency_ms", i));
                if (i == total * 3 / 4) {
                    fixture.stopServer();
                }
            }
            run.close();
            assertTrue(governance.flush(Duration.ofSeconds(60)));
            fixture.startServer();
            assertTrue(agent.awaitForwarded(Duration.ofMinutes(5)), agent.status().toString());
            assertTrue(agent.status().connected());
            assertEquals(total + 2, agent.status().forwarded(), "run, its end and every point, once each");
        }
        assertEquals((long) total, fixture.store.statistics(new StatisticQuery("latency_ms", runId, null, 1)).storedPoints());
        assertEquals((long) total, fixture.store.counts().get(RecordKind.STATISTIC));
    }

    @Test
    void fullQuotaShedsTelemetryFirstAndCountsExactlyWhatItRefused() throws Exception {
        long quota = 2L << 20;
        try (Agent agent = Agent.start(config().withQuota(quota))) {
            Governance governance = agent.governance();
            RunHandle run = governance.openRun(RunSpec.of(ServerFixture.INSTANCE, "recommend-tests"));
            long refused = 0;
            long accepted = 0;
            for (int i = 0; i < 60_000; i++) {
                if (run.statistic("throughput", i)) {
                    accepted++;
                } else {
                    refused++;
                }
                if (i % 5_000 == 0) {
                    governance.flush(Duration.ofSeconds(30));
                }
            }
            governance.flush(Duration.ofSeconds(30));
            assertTrue(refused > 0, "the quota was reached");
            AgentStatus status = agent.status();
            assertTrue(status.quotaFull());
            assertEquals(refused, status.refused().get("statistic"));
            assertEquals(refused, governance.refused());
            // Evidence still has the last tenth of the quota.
            assertTrue(run.event("alert", Severity.ERROR, "spool nearly full"));
            assertTrue(status.spoolBytes() <= quota, status.toString());

            fixture.startServer();
            assertTrue(agent.awaitForwarded(Duration.ofMinutes(2)));
            assertEquals(accepted, fixture.store.counts().get(RecordKind.STATISTIC), "everything accepted arrived");
        }
    }

    @Test
    void aSecondAgentOnTheSameSpoolIsRefusedAndTheLockSaysWhichRuns() throws Exception {
        Path spool = temp.resolve("spool");
        assertFalse(Agent.runsOn(spool), "no agent yet");
        try (Agent first = Agent.start(config())) {
            first.governance().openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender")).statistic("x", 1);
            assertTrue(first.governance().flush(Duration.ofSeconds(10)));
            assertTrue(Agent.runsOn(spool));
            java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> Agent.start(config()));
            assertTrue(refused.getMessage().contains("another agent runs on the spool folder " + spool)
                    && refused.getMessage().contains("pid " + ProcessHandle.current().pid()), refused.getMessage());
            // The refused start left the running agent's spool alone: its record is still there, and still counted.
            assertEquals(2, first.status().backlogRecords());
        }
        assertFalse(Agent.runsOn(spool), "the lock went with the agent");
        try (Agent next = Agent.start(config())) {
            assertEquals(2, next.status().backlogRecords(), "the next agent takes up what the first left");
            assertTrue(Agent.runsOn(spool));
        }
    }

    @Test
    void statusFileDescribesTheAgent() throws Exception {
        try (Agent agent = Agent.start(config())) {
            agent.governance().openRun(RunSpec.of(ServerFixture.INSTANCE, "train-recommender")).statistic("x", 1);
            agent.governance().flush(Duration.ofSeconds(10));
            long deadline = System.currentTimeMillis() + 30_000;
            while (agent.status().lastError() == null && System.currentTimeMillis() < deadline) {
                agent.awaitForwarded(Duration.ofMillis(50)); // waits on the agent, bounded; no fixed sleep
            }
        }
        String status = Files.readString(temp.resolve("spool").resolve("status.json"));
        assertTrue(status.contains("\"connected\": false"), status);
        assertTrue(status.contains("\"backlogRecords\": 2"), status);
        assertTrue(status.contains("\"lastError\": \"cannot reach 127.0.0.1:" + fixture.port), status);
    }
}
