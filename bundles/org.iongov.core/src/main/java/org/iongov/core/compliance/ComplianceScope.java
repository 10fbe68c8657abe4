package org.iongov.core.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.ServingNode;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.query.Limits;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.model.json.IonJson;
import org.iongov.model.json.IonJsonException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What one compliance check looks at: a store and a time window, with the facts several policies
 * share (which models served, who approved them) computed once per check.
 */
public final class ComplianceScope {

    /** The human action that flags a dataset as holding personal data (subject type {@code dataset}). */
    public static final String FLAG_PERSONAL_DATA = "flag-personal-data";
    /** The human action that withdraws that flag. */
    public static final String CLEAR_PERSONAL_DATA = "clear-personal-data";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GovernanceStore store;
    private final TimeRange window;
    private final Instant checkedAt;
    private final Lineage lineage;
    private List<ServingModel> serving;
    private final Map<String, IonInstanceRecord> instances = new HashMap<>();
    /** Instances whose serving models could not be found, with why. */
    private final Map<String, String> unchecked = new LinkedHashMap<>();
    private final Map<String, Optional<String>> personalData = new HashMap<>();

    public ComplianceScope(GovernanceStore store, TimeRange window, Instant checkedAt) {
        this.store = store;
        this.window = window == null ? TimeRange.ALL : window;
        this.checkedAt = checkedAt;
        this.lineage = new Lineage(store, 0);
    }

    public GovernanceStore store() {
        return store;
    }

    public TimeRange window() {
        return window;
    }

    public Instant checkedAt() {
        return checkedAt;
    }

    /**
     * The models that served at an inference or control node at some moment of the window: those
     * in production when it starts and at its end (or now), and each one a pipeline run took in
     * during it. One entry per model, node and instance, the earliest seen.
     */
    public synchronized List<ServingModel> servingModels() {
        if (serving == null) {
            serving = findServingModels();
        }
        return serving;
    }

    private List<ServingModel> findServingModels() {
        Instant end = window.to() == null || window.to().isAfter(checkedAt) ? checkedAt : window.to().minusMillis(1);
        Map<String, TreeSet<Instant>> moments = new LinkedHashMap<>();
        for (IonInstanceRecord instance : store.instances()) {
            instances.put(instance.id(), instance);
            TreeSet<Instant> times = moments.computeIfAbsent(instance.id(), id -> new TreeSet<>());
            times.add(end);
            if (window.from() != null && window.from().isBefore(end)) {
                times.add(window.from());
            }
        }
        // What is in production changes only when a pipeline run takes in a model. Receipts come
        // oldest first, a page at a time: the next page starts where the last one ended.
        Map<String, Optional<NodeRun>> runs = new HashMap<>();
        TimeRange page = window;
        while (true) {
            List<MessageReceivedRecord> receipts = store.messageReceipts(new RecordQuery(null, null, null, null, page, Limits.MAX_ROWS));
            for (MessageReceivedRecord receipt : receipts) {
                Optional<NodeRun> run = runs.computeIfAbsent(receipt.receiverRunId(), store::run);
                if (run.isPresent() && run.get().start().nodeKind() == RunRecord.NodeKind.PIPELINE && !receipt.receivedAt().isAfter(end)) {
                    moments.computeIfAbsent(run.get().start().instanceId(), id -> new TreeSet<>()).add(receipt.receivedAt());
                }
            }
            Instant last = receipts.isEmpty() ? null : receipts.get(receipts.size() - 1).receivedAt();
            if (receipts.size() < Limits.MAX_ROWS || last.equals(page.from())) {
                break;
            }
            page = new TimeRange(last, window.to());
        }
        Map<String, ServingModel> found = new LinkedHashMap<>();
        for (Map.Entry<String, TreeSet<Instant>> entry : moments.entrySet()) {
            String problem = instanceProblem(entry.getKey());
            if (problem != null) {
                unchecked.put(entry.getKey(), problem);
                continue;
            }
            for (Instant at : entry.getValue()) {
                for (ServingNode node : lineage.inProduction(entry.getKey(), at)) {
                    for (ModelLineage model : node.models()) {
                        String key = entry.getKey() + "\n" + node.node() + "\n" + model.model().id();
                        Instant since = model.deployment() != null && model.deployment().receivedAt() != null
                                ? model.deployment().receivedAt() : at;
                        found.putIfAbsent(key, new ServingModel(entry.getKey(), node.node(), node.run(), since, model));
                    }
                }
            }
        }
        List<ServingModel> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparing(ServingModel::since).thenComparing(ServingModel::modelId));
        return List.copyOf(result);
    }

    /**
     * The instances of the window whose serving models cannot be checked (their ION definition is
     * not recorded or cannot be read, or the instance itself is not recorded), with why, in the
     * user's terms. A policy that judges serving models reports each as a violation: silence would
     * read as "passed".
     */
    public synchronized Map<String, String> uncheckedInstances() {
        servingModels();
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unchecked));
    }

    /** Why an instance's serving models cannot be found, or null when they can. */
    private String instanceProblem(String instanceId) {
        IonInstanceRecord instance = instances.get(instanceId);
        if (instance == null) {
            // Recorded after the list was read?
            store.instances().forEach(i -> instances.putIfAbsent(i.id(), i));
            instance = instances.get(instanceId);
        }
        if (instance == null) {
            return "instance " + instanceId + " is not recorded (its runs took in models); its models cannot be checked";
        }
        String ion = "ION " + instance.ionName() + " v" + instance.ionVersion();
        Optional<IonDefinitionRecord> definition = store.ionDefinition(instance.ionName(), instance.ionVersion());
        if (definition.isEmpty()) {
            return "instance " + instanceId + ": " + ion + " not recorded; its models cannot be checked";
        }
        try {
            IonJson.parse(definition.get().definitionJson());
            return null;
        } catch (IonJsonException e) {
            return "instance " + instanceId + ": " + ion + " cannot be read (" + e.getMessage() + "); its models cannot be checked";
        }
    }

    /**
     * The distinct people who approved a serving model before it started serving, in the order
     * they did: only approvals at the policy steps of the instance it serves in whose decision was
     * an approval (not votes in a decision that ended in rejection, nor approvals given after it
     * started serving, or in another instance).
     */
    public List<String> approvers(ServingModel serving) {
        Instant since = serving.since();
        List<HumanActionRecord> approvals = new ArrayList<>();
        for (ModelLineage.PolicyStep step : serving.lineage().policySteps()) {
            if (!"approval".equals(step.outcome()) || step.time() == null || since != null && step.time().isAfter(since)) {
                continue;
            }
            for (HumanActionRecord action : step.humanActions()) {
                if ("approve".equals(action.action()) && "model".equals(action.subjectType())
                        && serving.modelId().equals(action.subjectId()) && (since == null || !action.time().isAfter(since))) {
                    approvals.add(action);
                }
            }
        }
        return approvals.stream().sorted(Comparator.comparing(HumanActionRecord::time)).map(HumanActionRecord::actor).distinct()
                .toList();
    }

    /**
     * Whether a dataset is flagged as holding personal data, and by whom: a person's
     * {@value #FLAG_PERSONAL_DATA} action on it (not withdrawn by a later {@value #CLEAR_PERSONAL_DATA}),
     * or {@code "personalData": true} in the schema its producer recorded.
     *
     * @return who or what flagged it, empty when it is not flagged
     */
    public synchronized Optional<String> personalDataFlag(DatasetRecord dataset) {
        return personalData.computeIfAbsent(dataset.id(), id -> {
            List<HumanActionRecord> actions = new ArrayList<>();
            for (String action : List.of(FLAG_PERSONAL_DATA, CLEAR_PERSONAL_DATA)) {
                actions.addAll(store.humanActions(new RecordQuery(null, null, action, id, null, Limits.MAX_ROWS)).stream()
                        .filter(h -> "dataset".equals(h.subjectType())).toList());
            }
            Optional<HumanActionRecord> latest = actions.stream().max(Comparator.comparing(HumanActionRecord::time));
            if (latest.isPresent()) {
                return FLAG_PERSONAL_DATA.equals(latest.get().action()) ? Optional.of(latest.get().actor()) : Optional.empty();
            }
            return declaresPersonalData(dataset.schemaJson()) ? Optional.of("its recorded schema") : Optional.empty();
        });
    }

    private static boolean declaresPersonalData(String schemaJson) {
        if (schemaJson == null) {
            return false;
        }
        try {
            JsonNode schema = JSON.readTree(schemaJson);
            return schema != null && schema.path("personalData").asBoolean(false);
        } catch (java.io.IOException e) {
            return false; // a schema that is not JSON declares nothing
        }
    }
}
