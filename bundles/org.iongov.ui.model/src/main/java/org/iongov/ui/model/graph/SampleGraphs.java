package org.iongov.ui.model.graph;

import java.util.List;

/**
 * Lineage-shaped graphs of a chosen size, for the workbench benchmark and paint timings: the
 * provenance of many retrainings (dataset, training run, model, policy step with its approval,
 * deployment) feeding inference runs that make predictions.
 */
public final class SampleGraphs {

    private SampleGraphs() {
    }

    /** A lineage-shaped graph of exactly {@code nodes} nodes (at least 20). */
    public static Graph lineageShaped(int nodes) {
        if (nodes < 20) {
            throw new IllegalArgumentException("a lineage-shaped sample needs at least 20 nodes, not " + nodes);
        }
        int trainings = nodes / 10;
        int datasets = Math.max(1, trainings / 4);
        int inferenceRuns = Math.max(1, trainings / 4);
        int predictions = nodes - 5 * trainings - datasets - inferenceRuns;
        Graph g = new Graph();
        for (int d = 0; d < datasets; d++) {
            g.add(GraphNode.of("dataset:" + d, NodeKind.DATASET, "batch-" + d + ".csv", "digest " + hex(d), List.of()));
        }
        for (int r = 0; r < inferenceRuns; r++) {
            g.add(GraphNode.of("run:infer-" + r, NodeKind.RUN, "recommend-tests", "run infer-" + r, List.of()));
        }
        for (int t = 0; t < trainings; t++) {
            String run = "run:train-" + t;
            String model = "model:" + t;
            String step = "policy:" + t;
            String approval = "approval:" + t;
            String deployment = "deployment:" + t;
            g.add(GraphNode.of(run, NodeKind.RUN, "train-recommender", "run train-" + t, List.of()));
            g.add(GraphNode.of(model, NodeKind.MODEL, "lr", "sha256 " + hex(t), List.of()));
            g.add(GraphNode.of(step, NodeKind.POLICY_STEP, "clinical-approval", "approval", List.of()));
            g.add(GraphNode.of(approval, NodeKind.APPROVAL, "olivia", "approve (operator)", List.of()));
            g.add(GraphNode.of(deployment, NodeKind.DEPLOYMENT, "deployment", "approved-model", List.of()));
            g.connect("dataset:" + (t % datasets), run, EdgeKind.READ);
            g.connect(run, model, EdgeKind.TRAINED);
            g.connect(model, step, EdgeKind.PASSED);
            g.connect(approval, step, EdgeKind.DECIDED);
            g.connect(step, deployment, EdgeKind.DEPLOYED);
            g.connect(deployment, "run:infer-" + (t % inferenceRuns), EdgeKind.SERVED);
        }
        for (int p = 0; p < predictions; p++) {
            String id = "prediction:" + p;
            g.add(GraphNode.of(id, NodeKind.PREDICTION, "enc-" + p, "probability 0.42", List.of()));
            g.connect("run:infer-" + (p % inferenceRuns), id, EdgeKind.MADE);
        }
        return g;
    }

    private static String hex(int i) {
        return String.format("%08x", i * 2654435761L & 0xffffffffL);
    }
}
