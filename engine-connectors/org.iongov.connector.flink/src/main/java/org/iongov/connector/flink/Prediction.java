package org.iongov.connector.flink;

/**
 * One scored input: what a governed inference emits. A Flink POJO (public fields, no-arg
 * constructor) so that it is serialized without Kryo.
 *
 * @param <T> the input element
 */
public class Prediction<T> {

    /** The input element that was scored. */
    public T input;
    /** P(positive class); for an ensemble, the mean of its members' scores. */
    public double score;
    /** The exact model(s) that made it (one per ensemble member, in channel order). */
    public String[] modelIds;
    /** Whether the node recorded this prediction (sampled): its control (canary) node records the same inputs. */
    public boolean recorded;

    public Prediction() {
    }

    public Prediction(T input, double score, String[] modelIds) {
        this(input, score, modelIds, false);
    }

    public Prediction(T input, double score, String[] modelIds, boolean recorded) {
        this.input = input;
        this.score = score;
        this.modelIds = modelIds;
        this.recorded = recorded;
    }

    /** The id a prediction of input {@code inputId} by {@code node} is recorded under. */
    public static String id(String inputId, String node) {
        return inputId + "@" + node;
    }

    @Override
    public String toString() {
        return "Prediction[score=" + score + ", models=" + String.join(",", modelIds == null ? new String[0] : modelIds) + "]";
    }
}
