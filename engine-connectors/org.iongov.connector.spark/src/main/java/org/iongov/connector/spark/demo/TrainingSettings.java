package org.iongov.connector.spark.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything the recommender's training depends on besides its data and code: recorded with each
 * run as its parameters (these names), and read back from them to replay the run.
 *
 * @param seed the split's and the tuner's seed
 * @param maxIter logistic regression iterations
 * @param regParam the regularisation values the tuner tries
 * @param elasticNetParam the elastic-net mixes the tuner tries
 * @param trainRatio the tuner's train share (the rest validates each setting)
 * @param holdoutFraction the share held out to evaluate the chosen model
 */
record TrainingSettings(long seed, int maxIter, List<Double> regParam, List<Double> elasticNetParam, double trainRatio,
        double holdoutFraction) {

    /**
     * The run parameters the training uses, which a replay may change. A run records others too
     * (its cycle, batch names, ...): they describe the run but do not change its model.
     */
    static final List<String> NAMES = List.of("seed", "maxIter", "regParam", "elasticNetParam", "trainRatio", "holdoutFraction");

    TrainingSettings {
        regParam = List.copyOf(regParam);
        elasticNetParam = List.copyOf(elasticNetParam);
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be at least 1, was " + maxIter);
        }
        if (regParam.isEmpty() || elasticNetParam.isEmpty()) {
            throw new IllegalArgumentException("regParam and elasticNetParam need at least one value each");
        }
        for (double r : regParam) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new IllegalArgumentException("regParam values must be 0 or more, was " + r);
            }
        }
        for (double e : elasticNetParam) {
            if (!(e >= 0 && e <= 1)) {
                throw new IllegalArgumentException("elasticNetParam values must be between 0 and 1, was " + e);
            }
        }
        if (!(trainRatio > 0 && trainRatio < 1) || !(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("trainRatio and holdoutFraction must be between 0 and 1 (exclusive), were " + trainRatio
                    + " and " + holdoutFraction);
        }
    }

    /** The demo's settings: a 2 x 2 grid, 75 % to train each setting, 20 % held out. */
    static TrainingSettings defaults(long seed, int maxIter) {
        return new TrainingSettings(seed, maxIter, List.of(0.001, 0.05), List.of(0.0, 0.5), 0.75, 0.2);
    }

    /** The run parameters these settings are recorded as (the {@link #NAMES}). */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("seed", seed);
        p.put("maxIter", maxIter);
        p.put("regParam", regParam);
        p.put("elasticNetParam", elasticNetParam);
        p.put("trainRatio", trainRatio);
        p.put("holdoutFraction", holdoutFraction);
        return p;
    }

    /**
     * The settings a run recorded (its configuration); a single number where a grid is expected is
     * a grid of one.
     *
     * @throws IllegalArgumentException naming a parameter that is missing, not a number, not a
     *     whole number where one is needed ({@code seed}, {@code maxIter}) or out of its range
     */
    static TrainingSettings fromParameters(JsonNode parameters) {
        long maxIter = whole(parameters, "maxIter");
        if (maxIter < 1 || maxIter > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxIter must be between 1 and " + Integer.MAX_VALUE + ", was " + maxIter);
        }
        return new TrainingSettings(whole(parameters, "seed"), (int) maxIter, numbers(parameters, "regParam"),
                numbers(parameters, "elasticNetParam"), number(parameters, "trainRatio").doubleValue(),
                number(parameters, "holdoutFraction").doubleValue());
    }

    /**
     * Why a replay cannot train with these parameters, the {@code changed} ones set by the caller;
     * null when it can. A changed parameter must be one the training uses ({@link #NAMES}).
     */
    static String problem(JsonNode parameters, Collection<String> changed) {
        List<String> unused = changed.stream().filter(name -> !NAMES.contains(name)).sorted().toList();
        if (!unused.isEmpty()) {
            return "the training has no parameter " + String.join(", ", unused.stream().map(n -> "'" + n + "'").toList())
                    + " that a replay can change (it uses: " + String.join(", ", NAMES) + ")";
        }
        try {
            fromParameters(parameters);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Number number(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("parameter " + name + " is " + (value == null ? "not recorded" : "not a number: " + value));
        }
        return value.numberValue();
    }

    /** A whole number: {@code 7} or {@code 7.0}, not {@code 7.5} (which a cast would silently truncate). */
    private static long whole(JsonNode parameters, String name) {
        number(parameters, name);
        JsonNode value = parameters.get(name);
        if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("parameter " + name + " must be a whole number, was " + value);
        }
        return value.longValue();
    }

    private static List<Double> numbers(JsonNode parameters, String name) {
        JsonNode value = parameters.get(name);
        List<Double> values = new ArrayList<>();
        if (value != null && value.isNumber()) {
            values.add(value.doubleValue());
        } else if (value != null && value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isNumber()) {
                    throw new IllegalArgumentException("parameter " + name + " holds a value that is not a number: " + item);
                }
                values.add(item.doubleValue());
            }
        } else {
            throw new IllegalArgumentException("parameter " + name + " is " + (value == null ? "not recorded" : "not a number or a list of numbers: " + value));
        }
        return values;
    }
}
