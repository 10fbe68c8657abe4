package org.iongov.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerEntryKind;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicy;
import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.compliance.ComplianceScope;
import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.compliance.Violation;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.lineage.DatasetImpact;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.query.Limits;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds an {@link AuditReport} from a store: models from the store's queries, decisions and
 * deployments from the governance ledger (the tamper-evident record of them), lineage and use
 * from {@link Lineage}, policy results from a {@link ComplianceCheck} that records nothing.
 * Reads only through {@link GovernanceStore}, so it works alike on an embedded store and
 * through a server.
 */
public final class AuditReportBuilder {

    /** Lineage summaries are given for at most this many models (the newest); the report says how many there were. */
    public static final int MAX_SUMMARIES = 200;

    private final GovernanceStore store;
    private final List<CompliancePolicy> policies;
    private final Clock clock;
    private final String metric;
    private final Map<String, Optional<NodeRun>> runs = new HashMap<>();
    private final Map<String, Optional<String>> instanceOfModel = new HashMap<>();
    private final Map<String, String> ionOfInstance = new HashMap<>();

    /**
     * @param metric the training statistic shown per model (e.g. {@code auc})
     */
    public AuditReportBuilder(GovernanceStore store, List<CompliancePolicy> policies, String metric, Clock clock) {
        this.store = store;
        this.policies = List.copyOf(policies);
        this.metric = metric;
        this.clock = clock;
    }

    /**
     * @param window the time window (records whose time falls in it)
     * @param ionName only this ION's instances, or null for all
     * @throws IllegalArgumentException when no instance of that ION is recorded
     */
    public AuditReport build(TimeRange window, String ionName) {
        return build(window, ionName, null);
    }

    /**
     * @param window the time window (records whose time falls in it)
     * @param ionName only this ION's instances, or null for all
     * @param exportedHead a ledger head exported earlier to verify the chain against (entries removed
     *     from the end are found only with one), or null
     * @throws IllegalArgumentException when no instance of that ION is recorded
     */
    public AuditReport build(TimeRange window, String ionName, LedgerHead exportedHead) {
        Instant generatedAt = clock.instant();
        for (IonInstanceRecord instance : store.instances()) {
            ionOfInstance.put(instance.id(), instance.ionName());
        }
        if (ionName != null && !ionOfInstance.containsValue(ionName)) {
            throw new IllegalArgumentException("no instance of an ION named '" + ionName + "' is recorded (instances are of "
                    + String.join(", ", ionOfInstance.values().stream().distinct().sorted().toList()) + ")");
        }

        List<AuditReport.TrainedModel> models = new ArrayList<>();
        for (ModelRecord model : modelsIn(window)) {
            NodeRun run = run(model.runId()).orElse(null);
            String instance = run == null ? null : run.start().instanceId();
            if (!inIon(instance, ionName)) {
                continue;
            }
            Double value = run == null ? null : store.latestStatistics(model.runId()).get(metric);
            models.add(new AuditReport.TrainedModel(model.id(), model.name(), model.format() == null ? null : model.format().name(),
                    model.createdAt(), model.runId(), run == null ? null : run.start().node(), instance,
                    run == null ? null : run.start().startedBy(), value == null ? Double.NaN : value));
        }
        models.sort(Comparator.comparing(AuditReport.TrainedModel::trainedAt).thenComparing(AuditReport.TrainedModel::modelId));

        List<AuditReport.Decision> decisions = new ArrayList<>();
        List<AuditReport.Deployment> deployments = new ArrayList<>();
        readLedger(window, ionName, decisions, deployments);

        ComplianceReport compliance = onlyIon(new ComplianceCheck(policies, clock).run(store, window), ionName);

        // Summaries of every model that was trained, deployed or serving in the window, by when it was last seen in it.
        ComplianceScope flags = new ComplianceScope(store, window, generatedAt);
        Map<String, Instant> covered = new HashMap<>();
        for (AuditReport.TrainedModel model : models) {
            covered.merge(model.modelId(), model.trainedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (AuditReport.Deployment deployment : deployments) {
            covered.merge(deployment.modelId(), deployment.time(), (a, b) -> a.isAfter(b) ? a : b);
        }
        for (org.iongov.core.compliance.ServingModel serving : flags.servingModels()) {
            if (inIon(serving.instanceId(), ionName)) {
                covered.merge(serving.modelId(), serving.since(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<String> newest = covered.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        if (newest.size() > MAX_SUMMARIES) {
            newest = newest.subList(newest.size() - MAX_SUMMARIES, newest.size());
        }
        List<AuditReport.ModelSummary> summaries = new ArrayList<>();
        Lineage lineage = new Lineage(store, 0);
        for (String modelId : newest) {
            lineage.ofModel(modelId, null).ifPresent(path -> summaries.add(summary(path, lineage.usesOfModel(modelId), flags, window)));
        }
        return new AuditReport(generatedAt, window, ionName, store.info().summary(), metric, models, decisions, deployments, compliance,
                summaries, store.ledgerHead(), store.verifyLedger(exportedHead), exportedHead, covered.size());
    }

    /**
     * Every model created in the window, a page at a time (the store answers newest first, at most
     * {@link Limits#MAX_ROWS} a query): the next page ends where the last one's oldest began.
     */
    private List<ModelRecord> modelsIn(TimeRange window) {
        Map<String, ModelRecord> found = new java.util.LinkedHashMap<>();
        TimeRange page = window;
        while (true) {
            List<ModelRecord> batch = store.models(new RecordQuery(null, null, null, null, page, Limits.MAX_ROWS));
            int before = found.size();
            for (ModelRecord model : batch) {
                found.putIfAbsent(model.id(), model);
            }
            if (batch.size() < Limits.MAX_ROWS || found.size() == before) {
                break;
            }
            Instant oldest = batch.stream().map(ModelRecord::createdAt).min(Comparator.naturalOrder()).orElseThrow();
            // Up to and including the oldest page's millisecond: models sharing it may not all have fitted.
            page = new TimeRange(window.from(), oldest.plusMillis(1));
            if (page.to().equals(window.to())) {
                break;
            }
        }
        return new ArrayList<>(found.values());
    }

    private boolean inIon(String instanceId, String ionName) {
        return ionName == null || instanceId != null && ionName.equals(ionOfInstance.get(instanceId));
    }

    private Optional<NodeRun> run(String runId) {
        return runs.computeIfAbsent(runId, store::run);
    }

    private String instanceOf(String modelId) {
        return instanceOfModel.computeIfAbsent(modelId, id -> store.models(new RecordQuery(null, null, null, id, null, 1)).stream()
                .findFirst().flatMap(m -> run(m.runId())).map(r -> r.start().instanceId())).orElse(null);
    }

    private void readLedger(TimeRange window, String ionName, List<AuditReport.Decision> decisions,
            List<AuditReport.Deployment> deployments) {
        long from = 1;
        while (true) {
            List<LedgerEntry> page = store.ledger(from, Limits.MAX_ROWS);
            for (LedgerEntry entry : page) {
                add(entry, window, ionName, decisions, deployments);
            }
            if (page.size() < Limits.MAX_ROWS) {
                labelVotes(decisions);
                return;
            }
            from = page.get(page.size() - 1).sequence() + 1;
        }
    }

    private void add(LedgerEntry entry, TimeRange window, String ionName, List<AuditReport.Decision> decisions,
            List<AuditReport.Deployment> deployments) {
        if (entry.subject() == null || !entry.subject().startsWith("model:")) {
            return;
        }
        JsonNode payload = parse(entry.payloadJson());
        Instant time = entry.time();
        if (payload.path("recordTime").isTextual()) {
            time = Instant.parse(payload.get("recordTime").asText());
        }
        if (!window.contains(time)) {
            return;
        }
        String modelId = entry.subject().substring("model:".length());
        String instance = text(payload, "instanceId");
        if (instance == null) {
            instance = instanceOf(modelId);
        }
        if (!inIon(instance, ionName)) {
            return;
        }
        String kind = entry.kind();
        if (kind.equals(LedgerEntryKind.APPROVAL.wireName()) || kind.equals(LedgerEntryKind.REJECTION.wireName())
                || kind.equals(LedgerEntryKind.ROLLBACK.wireName())) {
            String step = step(payload);
            String outcome;
            if (kind.equals(LedgerEntryKind.APPROVAL.wireName())) {
                // A person's approval is one vote; the policy's decision (below) says whether the model was approved.
                outcome = "approve (vote" + (step == null ? ")" : " " + votesAtStep.merge(step, 1, Integer::sum) + ")");
            } else {
                outcome = kind.equals(LedgerEntryKind.REJECTION.wireName()) ? "rejected" : "rolled back";
            }
            decisions.add(new AuditReport.Decision(time, modelId, outcome, entry.actor(), text(payload, "role"),
                    text(payload, "policyNode"), instance, text(payload, "comment"), entry.sequence(), step));
        } else if (kind.equals(LedgerEntryKind.POLICY_DECISION.wireName())) {
            String outcome = "approval".equals(text(payload, "outcome")) ? "approved"
                    : "rejection".equals(text(payload, "outcome")) ? "rejected" : text(payload, "outcome");
            String node = entry.actor().startsWith("policy:") ? entry.actor().substring("policy:".length()) : null;
            String step = step(payload);
            java.util.regex.Matcher needed = APPROVALS_OF.matcher(String.valueOf(text(payload, "message")));
            if (step != null && needed.find()) {
                requiredAtStep.put(step, Integer.parseInt(needed.group(2)));
            }
            decisions.add(new AuditReport.Decision(time, modelId, outcome, entry.actor(), null, node, instance, text(payload, "message"),
                    entry.sequence(), step));
        } else if (kind.equals(LedgerEntryKind.DEPLOYMENT.wireName())) {
            deployments.add(new AuditReport.Deployment(time, modelId, text(payload, "node"), instance, entry.actor(),
                    text(payload, "messageId"), entry.sequence()));
        }
    }

    /** Per policy step (its records' ids start {@code policy:MESSAGE:}): the approvals counted so far, and how many it needed. */
    private final Map<String, Integer> votesAtStep = new HashMap<>();
    private final Map<String, Integer> requiredAtStep = new HashMap<>();
    private static final java.util.regex.Pattern APPROVALS_OF = java.util.regex.Pattern.compile("(\\d+) of (\\d+) approvals");

    /** The policy step a ledger entry's record belongs to ({@code policy:MESSAGE:}), or null. */
    private static String step(JsonNode payload) {
        String record = text(payload, "record");
        if (record == null || !record.startsWith("policy:")) {
            return null;
        }
        int vote = Math.max(record.lastIndexOf(":approve:"), record.lastIndexOf(":reject:"));
        int end = vote >= 0 ? vote : record.lastIndexOf(':');
        return end <= "policy:".length() ? null : record.substring(0, end + 1);
    }

    /** "approve (vote k)" becomes "approve (vote k of n)" where the step's final decision says how many it needed. */
    private void labelVotes(List<AuditReport.Decision> decisions) {
        for (int i = 0; i < decisions.size(); i++) {
            AuditReport.Decision d = decisions.get(i);
            if (d.outcome().startsWith("approve (vote ") && d.step() != null && requiredAtStep.containsKey(d.step())) {
                String outcome = d.outcome().substring(0, d.outcome().length() - 1) + " of " + requiredAtStep.get(d.step()) + ")";
                decisions.set(i, new AuditReport.Decision(d.time(), d.modelId(), outcome, d.by(), d.role(), d.policyNode(),
                        d.instanceId(), d.comment(), d.ledgerSequence(), d.step()));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = json == null ? null : MetadataJson.MAPPER.readTree(json);
            return node == null ? MetadataJson.MAPPER.createObjectNode() : node;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a ledger payload is not JSON: " + json, e);
        }
    }

    /** The report's violations about other IONs' instances left out (those about no instance, e.g. the ledger, kept). */
    private ComplianceReport onlyIon(ComplianceReport report, String ionName) {
        if (ionName == null) {
            return report;
        }
        List<PolicyResult> results = new ArrayList<>();
        for (PolicyResult result : report.results()) {
            List<Violation> kept = result.violations().stream().filter(v -> v.instanceId() == null || inIon(v.instanceId(), ionName))
                    .toList();
            results.add(new PolicyResult(result.policyId(), result.type(), result.description(), kept.isEmpty() && result.error() == null,
                    result.checked(), kept, result.error()));
        }
        return new ComplianceReport(report.checkedAt(), report.window(), results);
    }

    private AuditReport.ModelSummary summary(ModelLineage path, List<DatasetImpact.ModelUse> uses, ComplianceScope flags,
            TimeRange window) {
        NodeRun training = path.trainingRun();
        String trainingRun = training == null ? path.model().runId()
                : training.start().id() + " at " + training.start().node()
                        + (training.start().codeVersion() == null ? "" : " (code " + training.start().codeVersion() + ")");
        List<String> datasets = new ArrayList<>();
        for (ModelLineage.DatasetUse use : path.datasets()) {
            String flag = flags.personalDataFlag(use.dataset()).map(by -> ", personal data (flagged by " + by + ")").orElse("");
            datasets.add(use.direction() + " " + use.dataset().id() + " (" + use.dataset().uri() + flag + ")");
        }
        List<String> steps = new ArrayList<>();
        for (ModelLineage.PolicyStep step : path.policySteps()) {
            List<String> people = step.humanActions().stream().map(HumanActionRecord::actor).distinct().toList();
            steps.add(step.node() + ": " + step.outcome() + (people.isEmpty() ? "" : " by " + String.join(", ", people)));
        }
        List<String> served = new ArrayList<>();
        long predictions = 0;
        boolean truncated = false;
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (DatasetImpact.ModelUse use : uses) {
            String runId = use.run().start().id();
            served.add(use.run().start().node() + " (run " + runId + ") since " + use.since());
            if (counted.add(runId)) {
                // The run's predictions in the window (not its newest whatever their time).
                List<org.iongov.core.metadata.PredictionRecord> made = store.predictions(new RecordQuery(runId, null, null, null, window,
                        Limits.MAX_ROWS));
                predictions += made.stream().filter(p -> p.modelIds().contains(path.model().id())).count();
                truncated |= made.size() == Limits.MAX_ROWS;
            }
        }
        return new AuditReport.ModelSummary(path.model().id(), trainingRun, datasets, steps, served, predictions, truncated);
    }
}
