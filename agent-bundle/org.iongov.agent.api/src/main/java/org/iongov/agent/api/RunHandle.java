package org.iongov.agent.api;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.Records.FieldRecord;
import org.iongov.agent.api.Records.StatisticPoint;
import org.iongov.agent.api.spi.JsonText.RawJson;

/**
 * One run of a pipeline or policy node. Methods report what the run does; they return false
 * when the agent refused the record (its quota is full), true otherwise. Closing the handle ends
 * the run as succeeded unless {@link #end} said otherwise.
 */
public final class RunHandle implements AutoCloseable {

    private final Governance governance;
    private final String id;
    private final String instanceId;
    private volatile boolean ended;

    /** A handle on a run another process or thread opened: reports into it, never ends it. */
    RunHandle(Governance governance, String instanceId, String runId) {
        this.governance = governance;
        this.id = runId;
        this.instanceId = instanceId;
        this.ended = true;
    }

    RunHandle(Governance governance, RunSpec spec) {
        this.governance = governance;
        this.id = governance.nextId();
        this.instanceId = spec.instanceId;
        long now = System.currentTimeMillis();
        FieldRecord run = new FieldRecord("run", id, now, true).put("instanceId", spec.instanceId).put("node", spec.node)
                .put("nodeKind", spec.nodeKind).putTime("startedAt", now).put("host", spec.host).put("engine", spec.engine)
                .put("engineVersion", spec.engineVersion).put("codeUri", spec.codeUri).put("codeVersion", spec.codeVersion)
                .put("startedBy", spec.startedBy);
        if (!spec.configuration.isEmpty()) {
            run.put("configuration", java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(spec.configuration)));
        }
        governance.offer(run);
    }

    /** The run's id. */
    public String id() {
        return id;
    }

    /** A scalar statistic measured now. The hot path: no allocation beyond the record. */
    public boolean statistic(String name, double value) {
        return statistic(null, name, value);
    }

    /** A scalar statistic of one component of the pipeline's DAG. */
    public boolean statistic(String component, String name, double value) {
        return governance.offer(new StatisticPoint(governance.producer(), governance.nextSequence(), System.currentTimeMillis(), id,
                component, name, value));
    }

    /** A structured statistic (a confusion matrix, a vector), given as JSON. */
    public boolean structuredStatistic(String component, String name, String json) {
        return governance.offer(new FieldRecord("statistic", governance.nextId(), System.currentTimeMillis(), false)
                .put("runId", id).put("component", component).put("name", name).putTime("time", System.currentTimeMillis())
                .put("structured", new RawJson(json)));
    }

    /** The histogram of an input feature over the last window. */
    public boolean inputSignature(String feature, Histogram histogram) {
        return signature("input", feature, histogram);
    }

    /** The histogram of a prediction output over the last window. */
    public boolean predictionSignature(String output, Histogram histogram) {
        return signature("prediction", output, histogram);
    }

    private boolean signature(String target, String feature, Histogram histogram) {
        return governance.offer(new FieldRecord("signature", governance.nextId(), System.currentTimeMillis(), false)
                .put("runId", id).put("target", target).put("feature", feature).putTime("time", System.currentTimeMillis())
                .put("histogram", Map.of("edges", histogram.edges(), "counts", histogram.counts())));
    }

    /** The run read this file or folder; returns the dataset id (its content signature). */
    public String datasetRead(Path path) {
        return dataset(path, "read");
    }

    /** The run wrote this file or folder; returns the dataset id (its content signature). */
    public String datasetWritten(Path path) {
        return dataset(path, "written");
    }

    private String dataset(Path path, String direction) {
        ContentSignature signature = ContentSignature.of(path);
        // Content-addressed: the same bytes are the same dataset, however often they are read.
        String datasetId = "dataset:" + signature.sha256();
        long now = System.currentTimeMillis();
        governance.offer(new FieldRecord("dataset", datasetId, now, true).put("uri", path.toAbsolutePath().toUri().toString())
                .put("size", signature.size()).put("digest", signature.sha256()).putTime("recordedAt", now));
        governance.offer(new FieldRecord("datasetUse", governance.nextId(), now, true).put("runId", id).put("datasetId", datasetId)
                .put("direction", direction).putTime("time", now));
        return datasetId;
    }

    /** One setting of a hyperparameter search and its metric. */
    public boolean searchResult(Map<String, ?> parameters, String metric, double value, boolean chosen) {
        return governance.offer(new FieldRecord("searchResult", governance.nextId(), System.currentTimeMillis(), false)
                .put("runId", id).put("parameters", Map.copyOf(parameters)).put("metric", metric).put("value", value)
                .put("chosen", chosen));
    }

    /** Something that happened: an error, an alert, ... */
    public boolean event(String type, Severity severity, String message) {
        long now = System.currentTimeMillis();
        return governance.offer(new FieldRecord("event", governance.nextId(), now, true).put("instanceId", instanceId)
                .put("runId", id).putTime("time", now).put("type", type).put("severity", severity.wireName()).put("message", message));
    }

    public boolean log(String level, String message) {
        long now = System.currentTimeMillis();
        return governance.offer(new FieldRecord("log", governance.nextId(), now, false).put("runId", id).putTime("time", now)
                .put("level", level).put("message", message));
    }

    /**
     * Publishes a model on an output channel: the model, and the message that carries it to the
     * channel's next node (a policy, or an inference pipeline).
     *
     * @return the model's id
     */
    public String publishModel(String channel, ModelArtifact model) {
        String modelId = governance.nextId();
        long now = System.currentTimeMillis();
        governance.offer(new FieldRecord("model", modelId, now, true).put("runId", id).put("name", model.name())
                .put("format", model.format()).put("sha256", sha256(model.bytes())).put("size", (long) model.bytes().length)
                .putTime("createdAt", now).put("bytes", java.util.Base64.getEncoder().encodeToString(model.bytes()))
                .put("metadata", model.metadataJson() == null ? null : new RawJson(model.metadataJson())));
        governance.offer(new FieldRecord("message", governance.nextId(), now, true).put("instanceId", instanceId)
                .put("channel", channel).put("messageType", "model").put("senderRunId", id).putTime("sentAt", now)
                .put("modelId", modelId));
        return modelId;
    }

    /** The run started using a delivered model (acknowledges the message that carried it). */
    public boolean modelInUse(DeliveredModel model) {
        long now = System.currentTimeMillis();
        return governance.offer(new FieldRecord("messageReceived", governance.nextId(), now, true)
                .put("messageId", model.messageId()).put("receiverRunId", id).putTime("receivedAt", now));
    }

    /**
     * A prediction, recorded when the sampling share picks its id.
     *
     * @param predictionId the prediction's id (unique)
     * @param inputJson the input as JSON (the server stores it with its SHA-256 digest, by which the same input
     *     scored by other pipelines is found)
     * @param outputJson the output as JSON
     * @param modelIds the model(s) that made it
     * @return whether it was recorded
     */
    public boolean prediction(String predictionId, String inputJson, String outputJson, List<String> modelIds) {
        double share = governance.predictionSampling();
        if (share < 1 && sampleKey(predictionId) >= share) {
            return false;
        }
        return governance.offer(new Records.PredictionPoint(predictionId, System.currentTimeMillis(), id, modelIds, inputJson,
                outputJson));
    }

    /**
     * Ends the run. Later calls report nothing more about its end. A handle from
     * {@link Governance#attachRun} never ends the run: its opener does.
     */
    public void end(RunOutcome outcome) {
        if (ended) {
            return;
        }
        ended = true;
        long now = System.currentTimeMillis();
        governance.offer(new FieldRecord("runEnd", governance.nextId(), now, true).put("runId", id).putTime("endedAt", now)
                .put("status", outcome.wireName()));
    }

    @Override
    public void close() {
        end(RunOutcome.SUCCEEDED);
    }

    /** A well-mixed number in [0, 1) from an id: similar ids land far apart (SplitMix64's finaliser). */
    static double sampleKey(String id) {
        long z = id.hashCode() * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
