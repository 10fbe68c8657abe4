package org.iongov.core.reproduce;

import java.io.PrintStream;

import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Re-runs the training behind a prediction or a model from what was recorded, and says what
 * matched: what the server offers as {@code POST /api/v1/reproductions} when it was started
 * beside the engines that can do it (the core does not know them; {@code ./iongov server} plugs
 * in the Spark replay of {@code org.iongov.demo.Reproduction}).
 */
@FunctionalInterface
public interface Reproducer {

    /**
     * Reproduces, or replays with overrides, and returns the report as JSON.
     *
     * @param progress where to say what it is doing (long work: starting an engine, training)
     * @throws IllegalArgumentException for a request that cannot be done as asked (unknown id,
     *         an override the run cannot take), with a message for the user
     */
    JsonNode reproduce(GovernanceStore store, ReproductionRequest request, PrintStream progress) throws Exception;
}
