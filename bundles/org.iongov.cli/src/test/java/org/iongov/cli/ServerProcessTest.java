package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iongov.client.RemoteGovernanceStore;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code ./iongov server} as its own process: bootstrap token, CLI over it, and kill -9. */
class ServerProcessTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    private static final Pattern LISTENING = Pattern.compile("IonGov server listening on (http://\\S+) \\(");

    @TempDir
    Path temp;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        processes.forEach(Process::destroyForcibly);
    }

    private record Started(Process process, String url, String adminToken) {
    }

    /** Starts ./iongov server on a free port and reads its first lines. */
    private Started startServer(Path store) throws IOException, InterruptedException {
        return startServerOnPort(store, 0);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new IonGovCli().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<MetadataRecord> statistics(int from, int count) {
        List<MetadataRecord> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(new StatisticRecord(String.format("stat-%08d", i), "train-1", null, "loss", T0.plusMillis(i), 1.0 / (i + 1), null));
        }
        return records;
    }

    private static Path batchFile(Path dir, String name, List<MetadataRecord> records) throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(MetadataJson.toWire(r)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("records", array);
        return Files.writeString(dir.resolve(name), body.toString());
    }

    /** A real ION definition: the paper's Figure 1 (c) sample. */
    static Path sampleIon() {
        return Path.of(System.getProperty("iongov.root"), "ion-model", "examples", "c-retraining-with-approval.json");
    }

    static final String SAMPLE_NAME = "test-recommendation-approved-retraining";

    private static List<MetadataRecord> setup() {
        return List.of(new IonInstanceRecord("inst-1", SAMPLE_NAME, 1, T0, null),
                new RunRecord("train-1", "inst-1", "train", RunRecord.NodeKind.PIPELINE, T0, "h", "spark", "4.0.1", "agent", "git://r",
                        "c", null, null));
    }

    @Test
    void cliGivesTheSameAnswersThroughTheServerAsOnAnEmbeddedStore() throws Exception {
        Path ion = sampleIon();
        Path setup = batchFile(temp, "setup.json", setup());
        Path stats = batchFile(temp, "stats.json", statistics(0, 500));

        Started server = startServer(temp.resolve("served"));
        assertTrue(server.adminToken() != null, "a new store gets a bootstrap admin token");
        String[] remote = { "--server", server.url(), "--token", server.adminToken() };

        Result agentToken = cli(concat(new String[] { "token", "create", "--user", "agent-1", "--role", "agent" }, remote));
        assertEquals(0, agentToken.code(), agentToken.err());
        String agent = agentToken.out().lines().reduce((a, b) -> b).orElseThrow();
        Result uploaded = cli(concat(new String[] { "ion", "upload", ion.toString() }, remote));
        assertEquals("stored ION '" + SAMPLE_NAME + "' as version 1\n", uploaded.out(), uploaded.err());
        String[] asAgent = { "--server", server.url(), "--token", agent };
        assertEquals(0, cli(concat(new String[] { "ingest", setup.toString() }, asAgent)).code());
        Result ingested = cli(concat(new String[] { "ingest", stats.toString() }, asAgent));
        assertEquals("received 500, stored 500, already stored 0\n", ingested.out());
        assertEquals("received 500, stored 0, already stored 500\n", cli(concat(new String[] { "ingest", stats.toString() }, asAgent)).out());

        // The same batches into an embedded store: every listing prints the same.
        String[] local = { "--store", temp.resolve("local").toString() };
        try (var store = StoreOptions.openDirect(Arguments.parse("t", List.of(local), StoreOptions.OPTIONS, java.util.Set.of()))) {
            store.addIonDefinition(SAMPLE_NAME, Files.readString(ion));
            store.ingest(new IngestBatch(setup()));
        }
        cli(concat(new String[] { "ingest", stats.toString() }, local));
        for (String[] verb : List.of(new String[] { "runs" }, new String[] { "statistics", "--name", "loss", "--max-points", "7" },
                new String[] { "runs", "--json" }, new String[] { "events" })) {
            Result viaServer = cli(concat(verb, remote));
            Result embedded = cli(concat(verb, local));
            assertEquals(0, viaServer.code(), viaServer.err());
            assertEquals(embedded.out(), viaServer.out(), String.join(" ", verb));
        }

        // The served store is locked: the workbench (and any direct use) says so in one line.
        Path root = Path.of(System.getProperty("iongov.root"));
        ProcessBuilder workbench = new ProcessBuilder(root.resolve("iongov").toString(), "workbench", "--store",
                temp.resolve("served").toString());
        workbench.environment().put("DISPLAY", ":99");
        Process locked = workbench.start();
        locked.getOutputStream().close();
        assertTrue(locked.waitFor(120, TimeUnit.SECONDS));
        String lockedErr = new String(locked.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.STORE_UNAVAILABLE, locked.exitValue(), lockedErr);
        assertEquals(1, lockedErr.lines().count(), lockedErr);
        assertTrue(lockedErr.startsWith("iongov workbench: store ") && lockedErr.contains("is in use by another process"), lockedErr);

        // Wrong tokens and roles are refused in one line.
        Result denied = cli(concat(new String[] { "token", "list" }, asAgent));
        assertEquals(ExitCodes.STORE_UNAVAILABLE, denied.code());
        assertEquals(1, denied.err().lines().count(), denied.err());
        assertTrue(denied.err().contains("role agent may not administer"), denied.err());
    }

    @Test
    void serverKilledWithSigkillLosesNothingItAcknowledged() throws Exception {
        Path store = temp.resolve("store");
        Started server = startServer(store);
        RemoteGovernanceStore admin = new RemoteGovernanceStore(java.net.URI.create(server.url()), server.adminToken());
        admin.addIonDefinition(SAMPLE_NAME, Files.readString(sampleIon()));
        admin.ingest(new IngestBatch(setup()));

        // Batches stream in from another thread; the server is killed in the middle of them.
        List<Integer> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread sender = new Thread(() -> {
            for (int b = 0; b < 1000; b++) {
                try {
                    admin.ingest(new IngestBatch(statistics(b * 200, 200)));
                    acknowledged.add(b);
                } catch (RuntimeException connectionLost) {
                    return;
                }
            }
        });
        sender.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (acknowledged.size() < 5 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no Derby shutdown
        assertTrue(server.process().waitFor(30, TimeUnit.SECONDS));
        sender.join(60_000);
        int acked = acknowledged.size();
        assertTrue(acked >= 5, "some batches were acknowledged before the kill");

        Started restarted = startServer(store);
        RemoteGovernanceStore again = new RemoteGovernanceStore(java.net.URI.create(restarted.url()),
                server.adminToken());
        long stored = again.counts().get(RecordKind.STATISTIC);
        assertTrue(stored >= acked * 200L, "stored " + stored + " of " + acked * 200 + " acknowledged statistic points");
        assertEquals(0, stored % 200, "batches are atomic: " + stored);
        // The producer re-sends from its last acknowledged batch: nothing is duplicated.
        for (int b = acked; b < acked + 3; b++) {
            again.ingest(new IngestBatch(statistics(b * 200, 200)));
        }
        assertEquals((acked + 3) * 200L, again.counts().get(RecordKind.STATISTIC));
        restarted.process().destroy();
        assertTrue(restarted.process().waitFor(30, TimeUnit.SECONDS));
    }

    @Test
    void operatorsWorkTheApprovalQueueFromTheCommandLine() throws Exception {
        Started server = startServer(temp.resolve("queue-store"));
        String[] admin = { "--server", server.url(), "--token", server.adminToken() };
        assertEquals(0, cli(concat(new String[] { "ion", "upload", sampleIon().toString() }, admin)).code());
        String olivia = lastLine(cli(concat(new String[] { "token", "create", "--user", "olivia", "--role", "operator" }, admin)).out());
        String oscar = lastLine(cli(concat(new String[] { "token", "create", "--user", "oscar", "--role", "operator" }, admin)).out());
        String dana = lastLine(cli(concat(new String[] { "token", "create", "--user", "dana", "--role", "operator" }, admin)).out());
        byte[] model = "<PMML/>".getBytes(StandardCharsets.UTF_8);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(model));
        List<MetadataRecord> records = new ArrayList<>(setup());
        records.set(1, new RunRecord("train-1", "inst-1", "train-recommender", RunRecord.NodeKind.PIPELINE, T0, "h", "spark", "4.0.1",
                "agent", "git://r", "c", null, "dana"));
        records.add(new org.iongov.core.metadata.ModelRecord("model-1", "train-1", "lr", org.iongov.core.metadata.ModelRecord.ModelFormat.PMML,
                sha, model.length, T0, model, null, null));
        records.add(new org.iongov.core.metadata.MessageRecord("msg-1", "inst-1", "candidate-model",
                org.iongov.core.metadata.MessageRecord.MessageType.MODEL, "train-1", null, T0, null, "model-1", null));
        assertEquals(0, cli(concat(new String[] { "ingest", batchFile(temp, "model.json", records).toString() }, admin)).code());

        Result queue = cli(concat(new String[] { "queue" }, new String[] { "--server", server.url(), "--token", olivia }));
        assertTrue(queue.out().contains("msg-1") && queue.out().contains("clinical-approval") && queue.out().contains("0 of 2"), queue.out());
        Result own = cli("approve", "msg-1", "--server", server.url(), "--token", dana);
        assertEquals(ExitCodes.USAGE, own.code());
        assertTrue(own.err().startsWith("iongov approve: dana started the run that produced model model-1"), own.err());
        assertEquals("waiting: 1 of 2 approvals\n", cli("approve", "msg-1", "--comment", "ok", "--server", server.url(), "--token", olivia).out());
        assertTrue(cli("approve", "msg-1", "--server", server.url(), "--token", oscar).out().startsWith("approved: 2 of 2 approvals"));
        assertEquals("(none)\n", cli("queue", "--server", server.url(), "--token", olivia).out());
        Result noServer = cli("approve", "msg-1");
        assertEquals(ExitCodes.USAGE, noServer.code());
        assertTrue(noServer.err().contains("needs --server URL and --token T"), noServer.err());
        Result rollback = cli("rollback", "--instance", "inst-1", "--node", "recommend-tests", "--model", "model-1", "--server", server.url(),
                "--token", olivia);
        assertTrue(rollback.out().startsWith("rolled recommend-tests back to model-1"), rollback.out() + rollback.err());
    }

    @Test
    void anAgentStreamingToAServerKilledWithSigkillLosesAndDuplicatesNothing() throws Exception {
        Path store = temp.resolve("agent-store");
        Started server = startServer(store);
        String[] admin = { "--server", server.url(), "--token", server.adminToken() };
        assertEquals(0, cli(concat(new String[] { "ion", "upload", sampleIon().toString() }, admin)).code());
        assertEquals(0, cli(concat(new String[] { "ingest", batchFile(temp, "inst.json", List.of(setup().get(0))).toString() }, admin)).code());
        String agentToken = lastLine(cli(concat(new String[] { "token", "create", "--user", "agent-1", "--role", "agent" }, admin)).out());
        int port = java.net.URI.create(server.url()).getPort();
        int total = 200_000;
        String runId;
        try (org.iongov.agent.Agent agent = org.iongov.agent.Agent.start(org.iongov.agent.AgentConfig
                .of(java.net.URI.create(server.url()), agentToken, temp.resolve("spool")).withMaxBackoff(java.time.Duration.ofMillis(300)))) {
            var governance = agent.governance();
            var run = governance.openRun(org.iongov.agent.api.RunSpec.of("inst-1", "recommend-tests"));
            runId = run.id();
            for (int i = 0; i < total; i++) {
                run.statistic("latency_ms", i);
                if (i == total / 3) {
                    server.process().destroyForcibly(); // SIGKILL while the agent is forwarding
                    assertTrue(server.process().waitFor(30, TimeUnit.SECONDS));
                }
            }
            run.close();
            assertTrue(governance.flush(java.time.Duration.ofSeconds(60)));
            assertTrue(!agent.status().connected() || agent.status().backlogRecords() > 0, "the server is gone");
            // Same store, same port: the agent's retries find it again.
            Started again = startServerOnPort(store, port);
            assertTrue(agent.awaitForwarded(java.time.Duration.ofMinutes(3)), agent.status().toString());
            RemoteGovernanceStore check = new RemoteGovernanceStore(java.net.URI.create(again.url()), server.adminToken());
            assertEquals((long) total, check.statistics(new org.iongov.core.query.StatisticQuery("latency_ms", runId, null, 1)).storedPoints());
            assertEquals((long) total, check.counts().get(RecordKind.STATISTIC), "exactly once");
        }
    }

    /** Starts ./iongov server on this port (0: any free one), keeping the admin token it prints for a new store. */
    private Started startServerOnPort(Path store, int port) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("iongov.root"));
        Process process = new ProcessBuilder(root.resolve("iongov").toString(), "server", "--port", String.valueOf(port), "--store",
                store.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(process);
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String admin = null;
        for (String line; (line = lines.readLine()) != null;) {
            if (line.startsWith("igv_")) {
                admin = line;
            }
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return new Started(process, m.group(1), admin);
            }
        }
        fail("server exited before listening, exit code " + process.waitFor(10, TimeUnit.SECONDS));
        return null;
    }

    @Test
    void aMillionRecordsThroughAnAgentProcessWhileTheServerIsDownArriveExactlyOnce() throws Exception {
        // The store is prepared while no server runs; then every part is its own process.
        Path store = temp.resolve("outage-store");
        String[] local = { "--store", store.toString() };
        assertEquals(0, cli(concat(new String[] { "ion", "upload", sampleIon().toString() }, local)).code());
        assertEquals(0, cli(concat(new String[] { "ingest", batchFile(temp, "instance.json", List.of(setup().get(0))).toString() }, local))
                .code());
        String agentToken = lastLine(cli(concat(new String[] { "token", "create", "--user", "agent-1", "--role", "agent" }, local)).out());
        String adminToken = lastLine(cli(concat(new String[] { "token", "create", "--user", "root", "--role", "admin" }, local)).out());
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path spool = temp.resolve("agent-spool");
        Path root = Path.of(System.getProperty("iongov.root"));
        Process agent = new ProcessBuilder(root.resolve("iongov").toString(), "agent", "--server", "http://127.0.0.1:" + port, "--token",
                agentToken, "--spool", spool.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(agent);
        String banner = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertTrue(banner != null && banner.startsWith("IonGov agent on "), String.valueOf(banner));

        int total = 1_000_000;
        String runId;
        try (var governance = org.iongov.agent.api.Governance.connect(spool.resolve("agent.sock"))) {
            var run = governance.openRun(org.iongov.agent.api.RunSpec.of("inst-1", "recommend-tests"));
            runId = run.id();
            for (int i = 0; i < total; i++) {
                assertTrue(run.statistic("latency_ms", i));
            }
            run.close();
            assertTrue(governance.flush(java.time.Duration.ofMinutes(3)), "the pipeline ran on while the server was down");
        }
        Started server = startServerOnPort(store, port);
        RemoteGovernanceStore check = new RemoteGovernanceStore(java.net.URI.create(server.url()), adminToken);
        long deadline = System.currentTimeMillis() + 300_000;
        long stored = 0;
        while (System.currentTimeMillis() < deadline && (stored = check.counts().get(RecordKind.STATISTIC)) < total) {
            check.info(); // another round trip between checks, no fixed sleep
        }
        assertEquals((long) total, stored, "every point arrived");
        assertEquals((long) total, check.statistics(new org.iongov.core.query.StatisticQuery("latency_ms", runId, null, 1)).storedPoints(),
                "exactly once");
    }

    private static String lastLine(String text) {
        return text.lines().reduce((a, b) -> b).orElseThrow();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
