package org.iongov.demo;

import java.util.List;
import java.util.Optional;

import org.iongov.connector.scoring.Scorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scoring a recorded prediction's input again, and reading what was recorded as its output, as
 * the demo's inference records them: the input is a JSON object of the features by name, the
 * output {@code {"score": s}}, for an ensemble with {@code "members": [...]} in the order of the
 * prediction's model ids (the score being their mean).
 */
public final class Rescoring {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rescoring() {
    }

    /**
     * What the scorer computes for the recorded input.
     *
     * @throws UnscorableInputException when the input was not recorded (not sampled), is not JSON or
     *     lacks a feature the model takes
     */
    public static double score(Scorer scorer, String inputJson) {
        JsonNode input = read(inputJson, "input");
        List<String> names = scorer.inputs();
        double[] features = new double[names.size()];
        for (int i = 0; i < features.length; i++) {
            JsonNode value = input.get(names.get(i));
            if (value == null || !value.isNumber()) {
                throw new UnscorableInputException("the recorded input has no number '" + names.get(i) + "', which the model takes: "
                        + inputJson);
            }
            features[i] = value.doubleValue();
        }
        return scorer.score(features);
    }

    /**
     * The recorded score: the prediction's own ({@code member} &lt; 0) or an ensemble member's
     * (its index among the prediction's model ids); NaN when not recorded (or not JSON).
     */
    public static double recordedScore(String outputJson, int member) {
        if (unreadable(outputJson, "output").isPresent()) {
            return Double.NaN;
        }
        JsonNode output = read(outputJson, "output");
        if (member < 0) {
            return output.path("score").asDouble(Double.NaN);
        }
        JsonNode members = output.get("members");
        if (members == null) {
            // A single model's prediction: its score is the member's.
            return member == 0 ? output.path("score").asDouble(Double.NaN) : Double.NaN;
        }
        return members.path(member).asDouble(Double.NaN);
    }

    /**
     * Why a prediction cannot be scored again from what was recorded (its input or output not
     * recorded, because it was not sampled, or not JSON); empty when it can be.
     */
    public static Optional<String> whyNotScorable(String inputJson, String outputJson) {
        return unreadable(inputJson, "input").or(() -> unreadable(outputJson, "output"));
    }

    private static Optional<String> unreadable(String json, String what) {
        try {
            read(json, what);
            return Optional.empty();
        } catch (UnscorableInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static JsonNode read(String json, String what) {
        if (json == null) {
            throw new UnscorableInputException("its " + what + " was not recorded (the prediction was not sampled)");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnscorableInputException("its recorded " + what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A recorded prediction that cannot be scored again: the message says why, for the user. */
    public static final class UnscorableInputException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UnscorableInputException(String message) {
            super(message);
        }
    }
}
