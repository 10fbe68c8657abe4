package org.iongov.connector.tensorflow;

import org.iongov.connector.scoring.Scorer;
import org.iongov.connector.scoring.ScorerFactory;

/** Lets {@code Scorers.load("saved-model", bytes)} load SavedModel archives (registered as a service). */
public final class SavedModelScorerFactory implements ScorerFactory {

    @Override
    public boolean supports(String format) {
        return "saved-model".equals(format);
    }

    @Override
    public Scorer load(String format, byte[] model) {
        if (!supports(format)) {
            throw new IllegalArgumentException("the SavedModel scorer loads format 'saved-model', not '" + format + "'");
        }
        return SavedModelScorer.load(model);
    }
}
