package org.iongov.core.lineage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.model.Channel;
import org.iongov.model.Ion;
import org.iongov.model.PolicyNode;
import org.iongov.model.json.IonJson;
import org.iongov.model.json.IonJsonException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows recorded messages back from a prediction to its models, their training runs and data,
 * the policy steps they passed and their deployment; and across to the same input scored by
 * control pipelines. Reads only through {@link GovernanceStore}, so it answers alike over an
 * embedded store and a remote server.
 */
public final class Lineage {

    /** How far back events are shown when a model's deployment time is unknown. */
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(1);
    private static final int MAX_ROWS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GovernanceStore store;
    private final double agreementTolerance;
    private final Map<String, PredictionLineage.IonReference> instances = new ConcurrentHashMap<>();
    private final Map<String, Optional<Ion>> definitions = new ConcurrentHashMap<>();

    /**
     * @param agreementTolerance how far a control pipeline's score may be from the prediction's
     *        and still agree
     */
    public Lineage(GovernanceStore store, double agreementTolerance) {
        this.store = store;
        this.agreementTolerance = agreementTolerance;
    }

    /** The lineage of a prediction, or empty when no such prediction is recorded. */
    public Optional<PredictionLineage> ofPrediction(String predictionId) {
        Optional<PredictionRecord> found = store.prediction(predictionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PredictionRecord prediction = found.get();
        NodeRun inference = store.run(prediction.runId())
                .orElseThrow(() -> new IllegalStateException("prediction " + predictionId + " names run " + prediction.runId()
                        + ", which is not recorded"));
        String instanceId = inference.start().instanceId();
        PredictionLineage.IonReference ion = ionReference(instanceId);
        Optional<Ion> definition = ion == null ? Optional.empty() : definition(ion);

        List<ModelLineage> models = new ArrayList<>();
        for (String modelId : prediction.modelIds()) {
            model(modelId, instanceId, inference, definition).ifPresent(models::add);
        }
        Instant from = models.stream().map(ModelLineage::deployment).filter(d -> d != null && d.receivedAt() != null)
                .map(ModelLineage.Deployment::receivedAt).min(Comparator.naturalOrder())
                .orElse(prediction.time().minus(DEFAULT_WINDOW));
        List<EventRecord> events = store.events(new RecordQuery(null, instanceId, null, null,
                new TimeRange(from, prediction.time().plusMillis(1)), MAX_ROWS));
        return Optional.of(new PredictionLineage(prediction, inference, ion, models, control(prediction), events));
    }

    /**
     * "What was in production at {@code at}, and why": for each inference and control node of the
     * instance, the run then running and the last model it had received on each channel by then.
     */
    public List<ServingNode> inProduction(String instanceId, Instant at) {
        PredictionLineage.IonReference ion = ionReference(instanceId);
        if (ion == null) {
            throw new IllegalArgumentException("no ION instance '" + instanceId + "' is recorded");
        }
        Optional<Ion> definition = definition(ion);
        List<ServingNode> serving = new ArrayList<>();
        for (org.iongov.model.Node node : definition.map(Ion::getNodes).orElse(org.eclipse.emf.common.util.ECollections.emptyEList())) {
            if (!(node instanceof org.iongov.model.PipelineNode pipeline) || (pipeline.getRole() != org.iongov.model.PipelineRole.INFERENCE
                    && pipeline.getRole() != org.iongov.model.PipelineRole.CONTROL)) {
                continue;
            }
            NodeRun running = store.runs(new RunQuery(instanceId, node.getName(), new TimeRange(null, at.plusMillis(1)), 100)).stream()
                    .filter(r -> r.endedAt() == null || !r.endedAt().isBefore(at)).findFirst().orElse(null);
            List<ModelLineage> models = new ArrayList<>();
            if (running != null) {
                Map<String, String> latestByChannel = new java.util.LinkedHashMap<>();
                for (MessageReceivedRecord receipt : store.messageReceipts(new RecordQuery(running.start().id(), null, null, null,
                        new TimeRange(null, at.plusMillis(1)), MAX_ROWS))) {
                    store.message(receipt.messageId()).filter(m -> m.modelId() != null)
                            .ifPresent(m -> latestByChannel.put(m.channel(), m.modelId()));
                }
                for (String modelId : latestByChannel.values()) {
                    model(modelId, instanceId, running, definition).ifPresent(models::add);
                }
            }
            serving.add(new ServingNode(node.getName(), running, models));
        }
        return serving;
    }

    /** The impact of a dataset: the models trained on it and where they served; empty when it is not recorded. */
    public Optional<DatasetImpact> impactOfDataset(String datasetId) {
        Optional<org.iongov.core.metadata.DatasetRecord> dataset = store.datasets(new RecordQuery(null, null, null, datasetId, null, 1))
                .stream().findFirst();
        if (dataset.isEmpty()) {
            return Optional.empty();
        }
        List<DatasetImpact.ImpactedModel> models = new ArrayList<>();
        java.util.Set<String> trainingRuns = new java.util.LinkedHashSet<>();
        for (DatasetUseRecord use : store.datasetUses(new RecordQuery(null, null, "read", datasetId, null, MAX_ROWS))) {
            trainingRuns.add(use.runId());
        }
        // A run that received several of the dataset's models is read once.
        Map<String, List<PredictionRecord>> predictionsOfRun = new java.util.HashMap<>();
        for (String runId : trainingRuns) {
            NodeRun training = store.run(runId).orElse(null);
            for (ModelRecord model : store.models(new RecordQuery(runId, null, null, null, null, MAX_ROWS))) {
                models.add(new DatasetImpact.ImpactedModel(model, training, uses(model.id(), predictionsOfRun)));
            }
        }
        return Optional.of(new DatasetImpact(dataset.get(), models));
    }

    /** Where a model served: each pipeline run that took it in, since when, and its predictions made with it there. */
    public List<DatasetImpact.ModelUse> usesOfModel(String modelId) {
        return uses(modelId, new java.util.HashMap<>());
    }

    private List<DatasetImpact.ModelUse> uses(String modelId, Map<String, List<PredictionRecord>> predictionsOfRun) {
        List<DatasetImpact.ModelUse> uses = new ArrayList<>();
        for (MessageRecord message : store.messages(new RecordQuery(null, null, null, modelId, null, MAX_ROWS))) {
            for (MessageReceivedRecord receipt : store.messageReceipts(new RecordQuery(null, null, null, message.id(), null,
                    MAX_ROWS))) {
                NodeRun receiver = store.run(receipt.receiverRunId()).orElse(null);
                if (receiver == null || receiver.start().nodeKind() != org.iongov.core.metadata.RunRecord.NodeKind.PIPELINE) {
                    continue;
                }
                List<PredictionRecord> made = predictionsOfRun.computeIfAbsent(receiver.start().id(), id -> store.predictions(
                        new RecordQuery(id, null, null, null, null, org.iongov.core.query.Limits.MAX_ROWS)));
                int count = (int) made.stream().filter(p -> p.modelIds().contains(modelId)).count();
                uses.add(new DatasetImpact.ModelUse(receiver, message.channel(), receipt.receivedAt(), count,
                        made.size() == org.iongov.core.query.Limits.MAX_ROWS));
            }
        }
        return uses;
    }

    /** A model's path, as deployed to a given run (or to any, with a null run). */
    public Optional<ModelLineage> ofModel(String modelId, NodeRun deployedTo) {
        Optional<ModelRecord> model = store.models(new RecordQuery(null, null, null, modelId, null, 1)).stream().findFirst();
        if (model.isEmpty()) {
            return Optional.empty();
        }
        NodeRun training = store.run(model.get().runId()).orElse(null);
        String instanceId = deployedTo != null ? deployedTo.start().instanceId() : training == null ? null : training.start().instanceId();
        PredictionLineage.IonReference ion = instanceId == null ? null : ionReference(instanceId);
        return model(modelId, instanceId, deployedTo, ion == null ? Optional.empty() : definition(ion));
    }

    private Optional<ModelLineage> model(String modelId, String instanceId, NodeRun inference, Optional<Ion> ion) {
        // Without its bytes: a model may be megabytes, its lineage needs only its digest.
        Optional<ModelRecord> stored = store.models(new RecordQuery(null, null, null, modelId, null, 1)).stream().findFirst();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        ModelRecord m = stored.get();
        ModelRecord withoutBytes = m;
        NodeRun training = store.run(m.runId()).orElse(null);

        List<ModelLineage.DatasetUse> datasets = new ArrayList<>();
        for (DatasetUseRecord use : store.datasetUses(new RecordQuery(m.runId(), null, null, null, null, MAX_ROWS))) {
            store.datasets(new RecordQuery(null, null, null, use.datasetId(), null, 1)).stream().findFirst()
                    .ifPresent(d -> datasets.add(new ModelLineage.DatasetUse(d, use.direction().name().toLowerCase(java.util.Locale.ROOT))));
        }
        Map<String, Double> statistics = store.latestStatistics(m.runId());

        List<ModelLineage.PolicyStep> steps = new ArrayList<>();
        ModelLineage.Deployment deployment = null;
        List<MessageRecord> messages = instanceId == null ? List.of()
                : store.messages(new RecordQuery(null, instanceId, null, modelId, null, MAX_ROWS));
        for (MessageRecord message : messages) {
            Channel channel = ion.map(i -> i.findChannel(message.channel())).orElse(null);
            if (channel != null && channel.getTo() instanceof PolicyNode policy) {
                steps.add(policyStep(policy.getName(), message, modelId));
            } else if (inference != null && channel != null && channel.getTo() != null
                    && channel.getTo().getName().equals(inference.start().node())) {
                List<MessageReceivedRecord> receipts = store.messageReceipts(new RecordQuery(null, null, null, message.id(), null, MAX_ROWS));
                MessageReceivedRecord receipt = receipts.stream().filter(r -> r.receiverRunId().equals(inference.start().id()))
                        .findFirst().orElse(null);
                if (receipt != null || deployment == null) {
                    deployment = new ModelLineage.Deployment(message.id(), message.channel(), message.sentAt(),
                            receipt == null ? null : receipt.receiverRunId(), receipt == null ? null : receipt.receivedAt());
                }
            }
        }
        return Optional.of(new ModelLineage(withoutBytes, training, datasets, statistics,
                store.searchResults(new RecordQuery(m.runId(), null, null, null, null, MAX_ROWS)), steps, deployment));
    }

    /** What a policy node decided, from the records the server's propagation wrote for the message. */
    private ModelLineage.PolicyStep policyStep(String node, MessageRecord message, String modelId) {
        String base = "policy:" + message.id();
        List<EventRecord> decisions = store.events(new RecordQuery(base + ":run", null, null, null, null, 100));
        EventRecord decision = decisions.stream().filter(e -> e.id().equals(base + ":final")).findFirst()
                .or(() -> decisions.stream().filter(e -> e.id().equals(base + ":decision")).findFirst()).orElse(null);
        List<HumanActionRecord> people = store.humanActions(new RecordQuery(null, null, null, modelId, null, MAX_ROWS)).stream()
                .filter(h -> h.id().startsWith(base + ":")).sorted(Comparator.comparing(HumanActionRecord::time)).toList();
        return new ModelLineage.PolicyStep(node, message.id(), decision == null ? "not-decided" : decision.type(),
                decision == null ? null : decision.time(), decision == null ? null : decision.message(), people);
    }

    private List<ControlResult> control(PredictionRecord prediction) {
        if (prediction.inputDigest() == null) {
            return List.of();
        }
        List<ControlResult> results = new ArrayList<>();
        double score = score(prediction.outputJson());
        for (PredictionRecord other : store.predictions(new RecordQuery(null, null, null, prediction.inputDigest(), null, 100))) {
            if (other.id().equals(prediction.id())) {
                continue;
            }
            NodeRun run = store.run(other.runId()).orElse(null);
            double difference = Math.abs(score - score(other.outputJson()));
            results.add(new ControlResult(other, run, difference, difference <= agreementTolerance));
        }
        return results;
    }

    /** The score in a prediction's output: its probability, score or prediction field, else its first number. */
    static double score(String outputJson) {
        try {
            JsonNode output = JSON.readTree(outputJson);
            if (output.isNumber()) {
                return output.asDouble();
            }
            for (String field : List.of("probability", "score", "prediction")) {
                if (output.path(field).isNumber()) {
                    return output.get(field).asDouble();
                }
            }
            for (JsonNode value : output) {
                if (value.isNumber()) {
                    return value.asDouble();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // An output that is not JSON has no score to compare.
        }
        return Double.NaN;
    }

    private PredictionLineage.IonReference ionReference(String instanceId) {
        PredictionLineage.IonReference known = instances.get(instanceId);
        if (known != null) {
            return known;
        }
        // Instances never change once recorded: read them once per unknown instance.
        for (IonInstanceRecord instance : store.instances()) {
            instances.putIfAbsent(instance.id(), new PredictionLineage.IonReference(instance.id(), instance.ionName(), instance.ionVersion()));
        }
        return instances.get(instanceId);
    }

    private Optional<Ion> definition(PredictionLineage.IonReference ion) {
        // Definitions never change once uploaded (a change is a new version): parse each once.
        return definitions.computeIfAbsent(ion.name() + "@" + ion.version(), key -> store.ionDefinition(ion.name(), ion.version())
                .flatMap(d -> {
                    try {
                        return Optional.of(IonJson.parse(d.definitionJson()));
                    } catch (IonJsonException e) {
                        return Optional.empty();
                    }
                }));
    }
}
