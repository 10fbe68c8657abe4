package org.iongov.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.iongov.agent.Agent;
import org.iongov.agent.AgentConfig;
import org.iongov.agent.api.DeliveredModel;
import org.iongov.agent.api.Governance;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.RunSpec;
import org.iongov.core.access.Role;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.model.json.IonJson;
import org.iongov.server.GovernanceServer;
import org.iongov.server.ServerOptions;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Model propagation delay: from {@code publishModel} in a training pipeline, through an automatic
 * approval policy node, to the inference pipeline's callback, with both agents and the server on
 * loopback (the paper measured about 3 s for a 2 KB model).
 */
final class PropagationBenchmark {

    private PropagationBenchmark() {
    }

    static List<Figure> run(BenchContext ctx) throws Exception {
        Path examples = Path.of(System.getenv().getOrDefault("IONGOV_ROOT", "."), "ion-model", "examples");
        // Figure 1(c) with its human approval swapped for an automatic one.
        ObjectNode ion = (ObjectNode) org.iongov.core.json.MetadataJson.MAPPER.readTree(
                Files.readString(examples.resolve("c-retraining-with-approval.json")));
        ion.put("name", "bench-automatic");
        for (var node : ion.withArray("nodes")) {
            if ("policy".equals(node.path("type").asText())) {
                ObjectNode policy = (ObjectNode) node;
                policy.removeAll();
                policy.put("type", "policy").put("name", "clinical-approval").put("kind", "automatic-approval");
            }
        }
        IonJson.parse(ion.toString()); // fails loudly if the edit broke the definition

        List<Figure> figures = new ArrayList<>();
        int rounds = ctx.quick() ? 20 : 100;
        for (int size : new int[] { 2 * 1024, 2 * 1024 * 1024 }) {
            Path store = ctx.folder("propagation-" + size);
            try (GovernanceStore governanceStore = StoreBenchmarks.openStore(store)) {
                governanceStore.addIonDefinition("bench-automatic", ion.toString());
                governanceStore.ingest(new IngestBatch(List.of(new IonInstanceRecord("p-1", "bench-automatic", 1, StoreBenchmarks.T0, null))));
                String token = governanceStore.createToken("bench-agent", Role.AGENT).secret();
                try (GovernanceServer server = GovernanceServer.start(governanceStore, json -> "x", ServerOptions.defaults().withPort(0));
                        Agent training = Agent.start(AgentConfig.of(server.uri(), token, ctx.folder("prop-train-" + size)));
                        Agent inference = Agent.start(AgentConfig.of(server.uri(), token, ctx.folder("prop-infer-" + size)))) {
                    BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
                    Governance inferenceGovernance = inference.governance();
                    try (AutoCloseable subscription = inferenceGovernance.subscribe("p-1", "recommend-tests", "approved-model",
                            (DeliveredModel m) -> arrivals.add(System.nanoTime()))) {
                        Governance trainingGovernance = training.governance();
                        byte[] model = new byte[size];
                        new Random(size).nextBytes(model);
                        long[] nanos = new long[rounds];
                        ctx.say(String.format("%d models of %,d bytes through an automatic approval...", rounds + 3, size));
                        for (int round = -3; round < rounds; round++) {
                            model[0] = (byte) round; // a new model each time
                            RunHandle run = trainingGovernance.openRun(RunSpec.of("p-1", "train-recommender"));
                            long start = System.nanoTime();
                            run.publishModel("candidate-model", new ModelArtifact("bench", "opaque", model, null));
                            Long arrived = arrivals.poll(60, TimeUnit.SECONDS);
                            if (arrived == null) {
                                throw new IllegalStateException("model " + round + " did not arrive within 60 s");
                            }
                            if (round >= 0) {
                                nanos[round] = arrived - start;
                            }
                            run.close();
                        }
                        Arrays.sort(nanos);
                        String note = String.format("%d models, publish to the inference pipeline's callback, agents and server on loopback",
                                rounds);
                        boolean small = size < 1 << 20;
                        String label = small ? "2 KB" : "2 MB";
                        double p50 = nanos[rounds / 2] / 1e6;
                        double p95 = nanos[(int) (rounds * 0.95)] / 1e6;
                        double p99 = nanos[Math.min(rounds - 1, (int) Math.ceil(rounds * 0.99) - 1)] / 1e6;
                        // The goals are stated for the paper's 2 KB model; 2 MB is measured beside it.
                        figures.add(small ? Figure.atMost("propagation", "propagation 2 KB p50", p50, "ms", 50, "~3 s", note)
                                : Figure.plain("propagation", "propagation 2 MB p50", p50, "ms", null, note));
                        figures.add(Figure.plain("propagation", "propagation " + label + " p95", p95, "ms", null, note));
                        figures.add(small ? Figure.atMost("propagation", "propagation 2 KB p99", p99, "ms", 200, null, note)
                                : Figure.plain("propagation", "propagation 2 MB p99", p99, "ms", null, note));
                    }
                }
            }
        }
        return figures;
    }
}
