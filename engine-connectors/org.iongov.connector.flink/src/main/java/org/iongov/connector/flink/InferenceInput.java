package org.iongov.connector.flink;

import java.io.Serializable;

/**
 * How a governed inference reads one element of the pipeline's input stream: its id, the feature
 * vector the models take, and the input as JSON for recorded predictions. Called on Flink's task
 * threads; {@link #inputJson} only for the predictions that are recorded.
 *
 * @param <T> the input element
 */
public interface InferenceInput<T> extends Serializable {

    /** The element's id (an encounter id): predictions are recorded as {@code <id>@<node>}. */
    String id(T element);

    /** The features, in the order the models take them. */
    double[] features(T element);

    /** The element as JSON, as a prediction's recorded input. */
    String inputJson(T element);

    /**
     * When the element was created (epoch ms), for the latency statistics; negative when unknown,
     * then the record's Flink timestamp (set at ingestion by the source) is used, else its arrival.
     */
    default long createdAt(T element) {
        return -1;
    }
}
