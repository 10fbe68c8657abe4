package org.iongov.connector.scoring;

/**
 * Loads models of some formats into {@link Scorer}s; found with {@link java.util.ServiceLoader},
 * so that an engine's connector can add formats (the TensorFlow connector adds SavedModels).
 */
public interface ScorerFactory {

    /** Whether this factory loads models of this format. */
    boolean supports(String format);

    /** Loads a model; an unsupported or broken model is an IllegalArgumentException naming why. */
    Scorer load(String format, byte[] model);
}
