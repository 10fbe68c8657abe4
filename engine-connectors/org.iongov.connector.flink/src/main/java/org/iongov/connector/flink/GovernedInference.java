package org.iongov.connector.flink;

import java.util.Objects;

import org.apache.flink.streaming.api.datastream.DataStream;
import org.iongov.connector.flink.internal.InferenceGraph;
import org.iongov.connector.flink.internal.ModelSource;

/**
 * Governed inference on a Flink {@link DataStream}: scores each input with the models delivered
 * to the node through the agent, swapping them mid-stream, and reports into the run the job's
 * driver opened: each model's receipt, every prediction (a sampled share) with the exact model(s)
 * that made it, and per window throughput, latency, input and prediction signatures.
 *
 * <pre>{@code
 * RunHandle run = governance.openRun(RunSpec.of("inst-1", "recommend-tests").withEngine("flink", "2.1.1"));
 * GovernanceConfig config = GovernanceConfig.of(socket, "inst-1", "recommend-tests", run.id()).channels("approved-model");
 * DataStream<Prediction<PatientRecord>> scored = GovernedInference.score(encounters, new PatientInput(), config);
 * }</pre>
 */
public final class GovernedInference {

    private GovernedInference() {
    }

    /**
     * Scores the stream with the node's model; with several channels, with an ensemble of one
     * member per channel (the mean of their scores), once every member has a model. Inputs that
     * arrive before the model(s) are kept and scored when they arrive.
     */
    public static <T> DataStream<Prediction<T>> score(DataStream<T> input, InferenceInput<T> view, GovernanceConfig config) {
        check(input, view, config);
        return InferenceGraph.score(input, input.getType(), view, config, false, models(config), true);
    }

    /**
     * A control (canary) node: scores the same inputs as the primary, with its own model and run,
     * records its predictions (same input JSON, so the same input digest) and per window reports
     * its divergence from the primary's scores, raising a {@code divergence-alert} event above the
     * configured threshold.
     *
     * @param primary the primary node's predictions (from {@link #score})
     */
    public static <T> DataStream<Prediction<T>> canary(DataStream<Prediction<T>> primary, InferenceInput<T> view,
            GovernanceConfig config) {
        check(primary, view, config);
        return InferenceGraph.score(primary, InferenceGraph.inputTypeOf(primary.getType()), view, config, true, models(config), true);
    }

    private static ModelSource models(GovernanceConfig config) {
        return ModelSource.subscribing(config.socket().toString(), config.instanceId(), config.node(), config.channels(),
                config.subscriptionMillis());
    }

    private static void check(DataStream<?> input, InferenceInput<?> view, GovernanceConfig config) {
        Objects.requireNonNull(input, "input stream");
        Objects.requireNonNull(view, "the InferenceInput that reads the stream's elements");
        Objects.requireNonNull(config, "governance configuration");
        config.validate();
    }
}
