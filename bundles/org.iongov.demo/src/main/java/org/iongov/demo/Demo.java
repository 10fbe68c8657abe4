package org.iongov.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.client.RemoteDecisions;
import org.iongov.core.access.Role;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.internal.demo.Operator;
import org.iongov.server.GovernanceServer;
import org.iongov.server.IonDefinitionCheck;
import org.iongov.server.ServerOptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The paper's ION running end to end on real engines, on the embedded store: the server and one
 * agent per engine in this process, each engine's pipeline in its own JVM (Spark training,
 * TensorFlow training in (e), Flink inference), models flowing through the ION's policy nodes,
 * and at the end a summary and the answer to Scenario 1 for one prediction.
 */
public final class Demo {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "olivia";

    private final DemoOptions options;
    private final PrintStream progress;

    public Demo(DemoOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs the demo; returns its summary. Progress goes to the stream given at construction. */
    public DemoSummary run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        String topology = options.topology().name().toLowerCase(Locale.ROOT);
        String ionJson = resource("demo-" + topology + ".json");
        JsonNode ion = JSON.readTree(ionJson);
        String instanceId = "demo-" + topology + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        progress.printf(Locale.ROOT, "IonGov demo: topology (%s), %d min, a model every %d s, %d patient records/s, store %s%n", topology,
                options.duration().toMinutes(), options.trainingInterval().toSeconds(), options.recordsPerSecond(), options.store());
        // Opened first: a store that is locked or not a store is refused before anything is written.
        GovernanceStore store = ServiceLoader.load(GovernanceStoreProvider.class, Demo.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no store provider on the classpath")).openEmbedded(options.store());
        // The data stays beside the store: the datasets' recorded paths must still resolve to reproduce a model.
        Path work = options.store().resolve("demo").resolve(instanceId);
        Path data = work.resolve("data");
        Path sockets;
        try {
            Files.createDirectories(data);
            sockets = Files.createTempDirectory("iongov-demo-");
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        List<EngineProcess> engines = new ArrayList<>();
        List<Agent> agents = new ArrayList<>();
        GovernanceServer server = null;
        Operator operator = null;
        try {
            Map<RecordKind, Long> countsBefore = new EnumMap<>(store.counts());
            Map<RecordKind, Long> bytesBefore = new EnumMap<>(store.storageBytes());
            String ionName = ion.path("name").asText();
            int version = store.addIonDefinition(ionName, ionJson).version();
            store.ingest(new IngestBatch(List.of(new IonInstanceRecord(instanceId, ionName, version, started,
                    "./iongov demo --topology " + topology))));
            progress.printf("[demo] ION %s v%d uploaded, instance %s%n", ionName, version, instanceId);

            server = GovernanceServer.start(store, IonDefinitionCheck.ionModel(), ServerOptions.defaults().withPort(0));
            String operatorToken = store.createToken(OPERATOR, Role.OPERATOR).secret();
            int cycles = options.trainingCycles();
            int driftAt = Math.max(1, (cycles + 1) / 2);
            long seconds = options.duration().toSeconds();

            Path sparkSocket = agent("spark", store, server, work, sockets, agents);
            Path flinkSocket = agent("flink", store, server, work, sockets, agents);
            progress.printf("[demo] server %s; agents for spark, flink%s (spools under %s)%n", server.uri(),
                    options.topology() == DemoOptions.Topology.E ? ", tensorflow" : "", work.resolve("agents"));

            String lrNode = sparkTrainingNode();
            String lrChannel = options.topology() == DemoOptions.Topology.C ? "candidate-model" : "logistic-regression-candidate";
            progress.printf("[demo] Spark training (%s): %d cycles, one every %d s; drifted data from cycle %d%n", lrNode, cycles,
                    options.trainingInterval().toSeconds(), driftAt);
            engines.add(EngineProcess.start("spark", options.iongovRoot(), List.of("org.iongov.connector.spark"), "2g",
                    "org.iongov.connector.spark.demo.TrainingPipeline", trainingArgs(ion, lrNode, lrChannel, sparkSocket, instanceId, data,
                            cycles, driftAt), work.resolve("logs/spark.log"), progress));
            if (options.topology() == DemoOptions.Topology.E) {
                Path tfSocket = agent("tensorflow", store, server, work, sockets, agents);
                progress.printf("[demo] TensorFlow training (train-neural-network): %d cycles%n", cycles);
                engines.add(EngineProcess.start("tensorflow", options.iongovRoot(), List.of("org.iongov.connector.tensorflow"),
                        tensorFlowJvm("2g"), TENSORFLOW_ENVIRONMENT, "org.iongov.connector.tensorflow.demo.NeuralNetworkTraining", trainingArgs(ion, "train-neural-network",
                                "neural-network-candidate", tfSocket, instanceId, data, cycles, driftAt),
                        work.resolve("logs/tensorflow.log"), progress));
                operator = Operator.start(new RemoteDecisions(server.uri(), operatorToken), store, instanceId, OPERATOR, progress);
            }
            List<String> inferenceModules = options.topology() == DemoOptions.Topology.E
                    ? List.of("org.iongov.connector.flink", "org.iongov.connector.tensorflow") : List.of("org.iongov.connector.flink");
            progress.printf("[demo] Flink inference (recommend-tests%s): %d s at %d records/s, drift after %d s%n",
                    options.topology() == DemoOptions.Topology.E ? " and canary-recommend-tests" : "", seconds,
                    options.recordsPerSecond(), seconds / 2);
            engines.add(EngineProcess.start("flink", options.iongovRoot(), inferenceModules, tensorFlowJvm("1g"), TENSORFLOW_ENVIRONMENT,
                    "org.iongov.connector.flink.demo.InferencePipeline", inferenceArgs(ion, flinkSocket, instanceId, seconds),
                    work.resolve("logs/flink.log"), progress));

            awaitEngines(engines, store, instanceId, started);
            progress.println("[demo] pipelines finished; forwarding what the agents still hold");
            for (Agent agent : agents) {
                if (!agent.awaitForwarded(Duration.ofMinutes(2))) {
                    progress.println("[demo] an agent could not forward everything: " + agent.status());
                }
            }
            if (operator != null) {
                operator.close();
            }
            Map<RecordKind, Long> counts = delta(store.counts(), countsBefore);
            Map<RecordKind, Long> bytes = delta(store.storageBytes(), bytesBefore);
            Optional<PredictionLineage> scenario = chosenPrediction(store, instanceId)
                    .flatMap(p -> new Lineage(store, 0.15).ofPrediction(p.id()));
            // What an auditor would find: the default policies over the demo's time, violations recorded as events.
            org.iongov.core.compliance.ComplianceReport compliance = new org.iongov.core.compliance.ComplianceCheck(
                    org.iongov.core.compliance.CompliancePolicies.defaults(), java.time.Clock.systemUTC())
                    .runAndRecord(store, new org.iongov.core.query.TimeRange(started.minusSeconds(1), Instant.now())).report();
            return DemoSummary.of(store, instanceId, ionName, version, Duration.between(started, Instant.now()), counts, bytes, scenario,
                    compliance, engines.stream().map(e -> e.name() + ": " + work.resolve("logs/" + e.name() + ".log")).toList());
        } finally {
            if (operator != null) {
                operator.close();
            }
            engines.forEach(EngineProcess::close);
            for (Agent agent : agents) {
                agent.close();
            }
            if (server != null) {
                server.close();
            }
            store.close();
            deleteQuietly(sockets);
        }
    }

    /**
     * TensorFlow's oneDNN kernels vary in the last bits under load: off, so that a seed gives the
     * same network (reproducible training); and its native logging down to warnings.
     */
    private static final Map<String, String> TENSORFLOW_ENVIRONMENT = Map.of("TF_ENABLE_ONEDNN_OPTS", "0", "TF_CPP_MIN_LOG_LEVEL", "1");

    /** TensorFlow's native libraries unpack once into the connector's build folder, not into the home folder. */
    private List<String> tensorFlowJvm(String heap) {
        return List.of("-Xmx" + heap, "-Dorg.bytedeco.javacpp.cachedir=" + options.iongovRoot()
                .resolve("engine-connectors/org.iongov.connector.tensorflow/target/javacpp-cache"));
    }

    private Path agent(String engine, GovernanceStore store, GovernanceServer server, Path work, Path sockets, List<Agent> agents)
            throws IOException {
        String token = store.createToken("agent-" + engine, Role.AGENT).secret();
        Agent agent = Agent.start(AgentConfig.of(server.uri(), token, work.resolve("agents").resolve(engine)));
        agents.add(agent);
        return agent.listen(sockets.resolve(engine + ".sock"));
    }

    private List<String> trainingArgs(JsonNode ion, String node, String channel, Path socket, String instanceId, Path data, int cycles,
            int driftAt) {
        List<String> args = new ArrayList<>(List.of("--socket", socket.toString(), "--instance", instanceId, "--node", node, "--channel",
                channel, "--data", data.toString(), "--seed", Long.toString(options.seed()), "--rows", "2000", "--cycles",
                Integer.toString(cycles), "--interval-seconds", Long.toString(options.trainingInterval().toSeconds()), "--drift-at-cycle",
                Integer.toString(driftAt)));
        // The Spark training records its real code reference (its training class and a digest of its classes),
        // which ./iongov reproduce checks, rather than the ION's illustrative repository.
        if (!node.equals(sparkTrainingNode())) {
            JsonNode code = node(ion, node).path("code");
            args.addAll(List.of("--code-uri", code.path("uri").asText(), "--code-version", codeVersion(code)));
        }
        return args;
    }

    private String sparkTrainingNode() {
        return options.topology() == DemoOptions.Topology.C ? "train-recommender" : "train-logistic-regression";
    }

    private List<String> inferenceArgs(JsonNode ion, Path socket, String instanceId, long seconds) {
        JsonNode code = node(ion, "recommend-tests").path("code");
        return List.of("--socket", socket.toString(), "--instance", instanceId, "--topology",
                options.topology().name().toLowerCase(Locale.ROOT), "--seconds", Long.toString(seconds), "--rate",
                Integer.toString(options.recordsPerSecond()), "--sampling", Double.toString(options.predictionSampling()), "--seed",
                Long.toString(options.seed() + 1), "--drift-after-seconds", Long.toString(seconds / 2), "--code-uri",
                code.path("uri").asText(), "--code-version", codeVersion(code));
    }

    private static String codeVersion(JsonNode code) {
        return code.hasNonNull("commit") ? code.get("commit").asText() : code.path("digest").asText();
    }

    private static JsonNode node(JsonNode ion, String name) {
        for (JsonNode node : ion.path("nodes")) {
            if (name.equals(node.path("name").asText())) {
                return node;
            }
        }
        throw new IllegalStateException("the demo ION has no node " + name);
    }

    /** Waits for every engine, printing the ION's progress every 15 s; a failed engine stops the demo. */
    private void awaitEngines(List<EngineProcess> engines, GovernanceStore store, String instanceId, Instant started)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.duration().plusMinutes(4).toNanos();
        long lastPredictions = 0;
        long lastReport = System.nanoTime();
        while (engines.stream().anyMatch(EngineProcess::isAlive)) {
            for (EngineProcess engine : engines) {
                if (!engine.isAlive() && engine.await(1, TimeUnit.SECONDS) != 0) {
                    throw new DemoException("the " + engine.name() + " pipeline failed; its last lines:\n  "
                            + String.join("\n  ", engine.tail()));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new DemoException("the pipelines did not finish in time; still running: "
                        + engines.stream().filter(EngineProcess::isAlive).map(EngineProcess::name).toList());
            }
            Thread.sleep(1000);
            if (System.nanoTime() - lastReport >= 15_000_000_000L) {
                long predictions = store.counts().getOrDefault(RecordKind.PREDICTION, 0L);
                double perSecond = (predictions - lastPredictions) * 1e9 / (System.nanoTime() - lastReport);
                lastReport = System.nanoTime();
                lastPredictions = predictions;
                int models = store.models(new RecordQuery(null, instanceId, null, null, null, 10_000)).size();
                long approvals = store.events(new RecordQuery(null, instanceId, "approval", null, null, 10_000)).size();
                progress.printf(Locale.ROOT, "[demo] %s elapsed: %d models trained, %d policy approvals, %.0f predictions/s recorded%n",
                        format(Duration.between(started, Instant.now())), models, approvals, perSecond);
            }
        }
        for (EngineProcess engine : engines) {
            int code = engine.await(10, TimeUnit.SECONDS);
            if (code != 0) {
                throw new DemoException("the " + engine.name() + " pipeline exited with code " + code + "; its last lines:\n  "
                        + String.join("\n  ", engine.tail()));
            }
        }
    }

    /** The newest prediction of the primary inference node: the one Scenario 1 asks about. */
    static Optional<PredictionRecord> chosenPrediction(GovernanceStore store, String instanceId) {
        for (NodeRun run : store.runs(new RunQuery(instanceId, "recommend-tests", null, 10))) {
            List<PredictionRecord> latest = store.predictions(new RecordQuery(run.start().id(), null, null, null, null, 1));
            if (!latest.isEmpty()) {
                return Optional.of(latest.get(0));
            }
        }
        return Optional.empty();
    }

    private static Map<RecordKind, Long> delta(Map<RecordKind, Long> after, Map<RecordKind, Long> before) {
        Map<RecordKind, Long> delta = new EnumMap<>(RecordKind.class);
        after.forEach((kind, n) -> delta.put(kind, Math.max(0, n - before.getOrDefault(kind, 0L))));
        return delta;
    }

    static String format(Duration d) {
        return String.format(Locale.ROOT, "%d:%02d", d.toMinutes(), d.toSecondsPart());
    }


    private static String resource(String name) {
        try (InputStream in = Demo.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover socket folder in /tmp is harmless.
        }
    }

    /** The demo could not complete; the message says why, in one paragraph. */
    public static final class DemoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DemoException(String message) {
            super(message);
        }
    }
}
