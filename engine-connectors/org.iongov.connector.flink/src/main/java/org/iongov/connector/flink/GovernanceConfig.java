package org.iongov.connector.flink;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a governed inference node reports to and receives from: the agent's socket, the ION
 * instance and node, the channels it subscribes to (several for an ensemble), the run its job's
 * driver opened, and how it samples predictions and summarises windows. Serializable: Flink ships
 * it to the operators, which connect to the agent themselves.
 *
 * <pre>{@code
 * GovernanceConfig config = GovernanceConfig.of(socket, "inst-1", "recommend-tests", run.id())
 *         .channels("approved-model").sampling(0.1).window(Duration.ofSeconds(10))
 *         .features(PatientRecord.FEATURES).signature("age", 18, 30, 45, 60, 75, 95);
 * }</pre>
 */
public final class GovernanceConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String socket;
    private final String instanceId;
    private final String node;
    private final String runId;
    private String[] channels = new String[0];
    private double sampling = 1.0;
    private long windowMillis = 10_000;
    private String[] features = new String[0];
    private final LinkedHashMap<String, double[]> featureEdges = new LinkedHashMap<>();
    private double[] scoreEdges = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};
    private double divergenceThreshold = 0.1;
    private long subscriptionMillis;

    private GovernanceConfig(String socket, String instanceId, String node, String runId) {
        this.socket = socket;
        this.instanceId = instanceId;
        this.node = node;
        this.runId = runId;
    }

    /**
     * @param agentSocket the agent's Unix socket ({@code Governance.connect})
     * @param instanceId the ION instance
     * @param node the inference (or control) node's name in the ION
     * @param runId the run the job's driver opened for this node (operators attach to it)
     */
    public static GovernanceConfig of(Path agentSocket, String instanceId, String node, String runId) {
        require(agentSocket != null, "the agent's socket path is missing");
        require(instanceId != null && !instanceId.isBlank(), "the ION instance id is missing");
        require(node != null && !node.isBlank(), "the node's name is missing");
        require(runId != null && !runId.isBlank(), "the id of the run opened by the job's driver is missing");
        return new GovernanceConfig(agentSocket.toString(), instanceId, node, runId);
    }

    /** The node's model channels; with several, the node is an ensemble of one member per channel (mean). */
    public GovernanceConfig channels(String... names) {
        require(names.length > 0, "a governed inference subscribes to at least one model channel");
        for (String name : names) {
            require(name != null && !name.isBlank(), "a channel name is blank");
        }
        require(Arrays.stream(names).distinct().count() == names.length, "a channel is listed twice: " + Arrays.toString(names));
        channels = names.clone();
        return this;
    }

    /**
     * The share of predictions recorded (0 to 1), each chosen at random; a control (canary) node
     * records the inputs its primary recorded (any share above 0 turns this on). Default 1.
     */
    public GovernanceConfig sampling(double share) {
        require(share >= 0 && share <= 1, "the prediction sampling share must be between 0 and 1, was " + share);
        sampling = share;
        return this;
    }

    /** How often throughput, latency, signatures (and divergence) are reported. Default 10 s. */
    public GovernanceConfig window(Duration length) {
        require(length != null && length.toMillis() >= 1, "the signature window must be at least 1 ms, was " + length);
        windowMillis = length.toMillis();
        return this;
    }

    /** The names of the features, in the order {@link InferenceInput#features} gives them. */
    public GovernanceConfig features(List<String> names) {
        features = names.toArray(new String[0]);
        return this;
    }

    /**
     * Reports an input signature of this feature per window, with these fixed bin edges (so
     * that windows compare).
     */
    public GovernanceConfig signature(String feature, double... edges) {
        require(Arrays.asList(features).contains(feature), "no feature '" + feature + "' among " + Arrays.toString(features)
                + ": declare the features first");
        require(edges.length >= 2, "the signature of '" + feature + "' needs at least two edges");
        for (int i = 1; i < edges.length; i++) {
            require(edges[i] > edges[i - 1], "the edges of '" + feature + "' must increase: " + Arrays.toString(edges));
        }
        featureEdges.put(feature, edges.clone());
        return this;
    }

    /** The bin edges of the prediction signature (the score's histogram). Default: tenths of [0, 1]. */
    public GovernanceConfig scoreEdges(double... edges) {
        require(edges.length >= 2, "the prediction signature needs at least two edges");
        for (int i = 1; i < edges.length; i++) {
            require(edges[i] > edges[i - 1], "the prediction signature's edges must increase: " + Arrays.toString(edges));
        }
        scoreEdges = edges.clone();
        return this;
    }

    /**
     * For a control (canary) node: the mean absolute difference from the primary's scores above
     * which a window raises a {@code divergence-alert}. Default 0.1.
     */
    public GovernanceConfig divergenceThreshold(double threshold) {
        require(threshold >= 0, "the divergence threshold must not be negative, was " + threshold);
        divergenceThreshold = threshold;
        return this;
    }

    /**
     * For a bounded job: the model subscription lasts this long from when the job starts it, so
     * that the job can finish once its input has. Counted from the job's start, not from now: a
     * job that is slow to start still gets its models. By default it lasts until the job is cancelled.
     */
    public GovernanceConfig subscribeFor(Duration length) {
        require(length != null && !length.isNegative() && !length.isZero(), "the model subscription must last a positive time, was " + length);
        subscriptionMillis = length.toMillis();
        return this;
    }

    /** How long the model subscription lasts once started, in ms; 0 for until cancelled. */
    public long subscriptionMillis() {
        return subscriptionMillis;
    }

    public Path socket() {
        return Path.of(socket);
    }

    public String instanceId() {
        return instanceId;
    }

    public String node() {
        return node;
    }

    public String runId() {
        return runId;
    }

    public List<String> channels() {
        return List.of(channels);
    }

    public double sampling() {
        return sampling;
    }

    public long windowMillis() {
        return windowMillis;
    }

    public List<String> features() {
        return List.of(features);
    }

    /** The signature edges by feature name, in declaration order. */
    public Map<String, double[]> signatures() {
        Map<String, double[]> copy = new LinkedHashMap<>();
        featureEdges.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    public double[] scoreEdges() {
        return scoreEdges.clone();
    }

    public double divergenceThreshold() {
        return divergenceThreshold;
    }

    void validate() {
        require(channels.length > 0, "no model channel for node '" + node + "': call channels(...)");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
