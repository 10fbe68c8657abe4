package org.iongov.connector.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.iongov.connector.pmml.PmmlRegressionModel;

/** Loads a delivered model by its format, with whichever factory on the classpath supports it. */
public final class Scorers {

    private Scorers() {
    }

    public static Scorer load(String format, byte[] model) {
        if ("pmml".equals(format)) {
            return PmmlRegressionModel.parse(model);
        }
        List<String> known = new ArrayList<>(List.of("pmml"));
        for (ScorerFactory factory : ServiceLoader.load(ScorerFactory.class, Scorers.class.getClassLoader())) {
            if (factory.supports(format)) {
                return factory.load(format, model);
            }
            known.add(factory.getClass().getSimpleName());
        }
        throw new IllegalArgumentException("no scorer for models of format '" + format + "' on the classpath (have: "
                + String.join(", ", known) + ")");
    }
}
