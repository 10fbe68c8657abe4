package org.iongov.connector.scoring;

import java.util.List;

/**
 * A loaded model that scores feature vectors: what an inference pipeline holds, whatever the
 * model's format. Implementations are safe to share between threads once loaded.
 */
public interface Scorer extends AutoCloseable {

    /** The model format: pmml, saved-model, ... */
    String format();

    /** The input features, in the order {@link #score} takes them. */
    List<String> inputs();

    /** P(positive class) for a binary classifier, the predicted value for a regression. */
    double score(double[] features);

    /** Releases native resources, if any. */
    @Override
    default void close() {
    }
}
