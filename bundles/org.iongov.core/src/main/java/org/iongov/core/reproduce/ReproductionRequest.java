package org.iongov.core.reproduce;

import java.util.Map;

/**
 * What to reproduce: the training behind a prediction or behind a model, exactly as recorded, or
 * with parameters and datasets replaced (an alternative, recorded as such).
 *
 * @param predictionId the prediction, or null
 * @param modelId the model, or null (exactly one of the two)
 * @param parameters parameter overrides, name to value (empty: none)
 * @param datasets dataset replacements, recorded location to new path (empty: none)
 */
public record ReproductionRequest(String predictionId, String modelId, Map<String, String> parameters, Map<String, String> datasets) {

    public ReproductionRequest {
        if ((predictionId == null) == (modelId == null)) {
            throw new IllegalArgumentException("a reproduction names one prediction or one model");
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        datasets = datasets == null ? Map.of() : Map.copyOf(datasets);
    }
}
