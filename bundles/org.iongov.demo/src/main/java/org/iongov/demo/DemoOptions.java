package org.iongov.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the demo runs.
 *
 * @param topology which of the paper's IONs: (c) retraining with an approval, or (e) an ensemble with a canary
 * @param duration how long inference runs (training cycles fit into it)
 * @param store the embedded store folder the demo fills (the one the workbench opens)
 * @param trainingInterval time between training cycles
 * @param recordsPerSecond the rate of the patient stream inference scores
 * @param predictionSampling the share of predictions recorded
 * @param seed the data set's seed
 * @param iongovRoot the repository folder, where the built engine connectors are
 */
public record DemoOptions(Topology topology, Duration duration, Path store, Duration trainingInterval, int recordsPerSecond,
        double predictionSampling, long seed, Path iongovRoot) {

    /** The paper's Figure 1 topologies the demo runs. */
    public enum Topology {
        /** Spark training, a policy, Flink inference. */
        C,
        /** Spark and TensorFlow ensemble members, threshold checks, an operator's approval, Flink ensemble and canary. */
        E
    }

    public DemoOptions {
        if (duration.toSeconds() < 30) {
            throw new IllegalArgumentException("the demo needs at least 30 seconds to show a model reaching inference");
        }
        if (trainingInterval.toSeconds() < 5) {
            throw new IllegalArgumentException("training cycles must be at least 5 seconds apart");
        }
        if (recordsPerSecond < 1 || recordsPerSecond > 100_000) {
            throw new IllegalArgumentException("the stream rate must be between 1 and 100000 records per second");
        }
        if (predictionSampling <= 0 || predictionSampling > 1) {
            throw new IllegalArgumentException("the prediction sampling share must be above 0 and at most 1");
        }
    }

    public static DemoOptions defaults(Path store, Path iongovRoot) {
        return new DemoOptions(Topology.C, Duration.ofMinutes(3), store, Duration.ofSeconds(30), 200, 0.1, 42, iongovRoot);
    }

    /** How many training cycles fit: one at the start, then one per interval, finishing before inference stops. */
    public int trainingCycles() {
        return (int) Math.max(2, duration.minusSeconds(20).toSeconds() / trainingInterval.toSeconds());
    }
}
