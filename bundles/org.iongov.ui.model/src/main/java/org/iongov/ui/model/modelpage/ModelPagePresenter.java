package org.iongov.ui.model.modelpage;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.iongov.core.lineage.DatasetImpact.ModelUse;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.ModelLineage.PolicyStep;
import org.iongov.core.lineage.ServingNode;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.query.Limits;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageExplorerPresenter;
import org.iongov.ui.model.lineage.LineageView;

/**
 * A model's page (the paper's Figure 6), headless: who the model is (digest, format, size, when
 * and by which run, code and data it was trained from), its training statistics, what each policy
 * node of each ION instance decided on it and the people who approved or rejected it there, where
 * it was deployed and used (since when, with how many predictions, whether it serves now), and its
 * lineage graph. Everything is read through {@link GovernanceStore}, {@link Lineage} and
 * {@link ModelPropagation}: call it off the UI thread. Texts are ready to show.
 */
public final class ModelPagePresenter {

    /** What a cell shows when there is no value. */
    public static final String NONE = "—";
    public static final List<String> IDENTITY_COLUMNS = List.of("Property", "Value");
    public static final List<String> DATA_COLUMNS = List.of("Dataset", "Location", "Digest", "Use");
    public static final List<String> METRIC_COLUMNS = List.of("Statistic", "Value");
    public static final List<String> DECISION_COLUMNS = List.of("ION instance", "Policy node", "Decision", "By", "When", "Comment");
    public static final List<String> USE_COLUMNS = List.of("ION instance", "Node", "Run", "Since", "Predictions", "Now");
    /** Models offered for one search. */
    static final int MAX_MATCHES = 20;
    /** The newest models scanned for an id prefix. */
    static final int PREFIX_SCAN = 1000;
    /** The statistic the statistics timeline opens on when the training run reported it. */
    static final String PREFERRED_STATISTIC = "auc";

    private final GovernanceStore store;
    private final Clock clock;
    private final DateTimeFormatter when;

    /**
     * @param clock "now", for what serves now and what waits
     * @param zone the zone times are shown in
     */
    public ModelPagePresenter(GovernanceStore store, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    // ---- finding a model ----

    /** A model a search found. */
    public record Match(String modelId, String summary) {
    }

    /** The model with this id, else the newest models whose id starts with the text (at most {@value #MAX_MATCHES}). */
    public List<Match> find(String text) {
        String id = text == null ? "" : text.strip();
        if (id.isEmpty()) {
            return List.of();
        }
        Optional<ModelRecord> exact = store.models(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst();
        if (exact.isPresent()) {
            return List.of(match(exact.get()));
        }
        List<Match> found = new ArrayList<>();
        for (ModelRecord m : store.models(RecordQuery.latest(PREFIX_SCAN))) {
            if (m.id().startsWith(id) && found.size() < MAX_MATCHES) {
                found.add(match(m));
            }
        }
        return found;
    }

    private Match match(ModelRecord m) {
        return new Match(m.id(), "model " + m.name() + " trained by run " + m.runId() + " at " + time(m.createdAt()));
    }

    // ---- the page ----

    /** A named value. */
    public record Property(String name, String value) {
    }

    /** A dataset the training run read or wrote. */
    public record DataRow(String datasetId, String uri, String digest, String direction, List<String> cells) {
        public DataRow {
            cells = List.copyOf(cells);
        }
    }

    /** A statistic the training run reported (its last value). */
    public record MetricRow(String statistic, double value, List<String> cells) {
        public MetricRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A decision on the model: a policy node's (by {@code policy}) or a person's (approve, reject,
     * rollback).
     *
     * @param instanceId the ION instance
     * @param policyNode where it was decided
     * @param decision approved, rejected, waiting (k of n approvals), or the person's action
     * @param by {@code policy} or the person
     * @param role the person's role, null for a policy
     * @param time when
     * @param comment the person's comment or the policy's reason, may be null
     */
    public record DecisionRow(String instanceId, String policyNode, String decision, String by, String role, Instant time, String comment,
            List<String> cells) {
        public DecisionRow {
            cells = List.copyOf(cells);
        }

        /** Whether a person took it. */
        public boolean byPerson() {
            return role != null;
        }
    }

    /**
     * A run that took the model in.
     *
     * @param instanceId its ION instance
     * @param node its node
     * @param runId the run
     * @param since when it received the model
     * @param predictions predictions it made with the model (a lower bound when {@code truncated})
     * @param truncated whether more predictions were made than were counted
     * @param now {@code serving}, {@code replaced} (the run runs with a later model), or {@code run ended}
     */
    public record UseRow(String instanceId, String node, String runId, Instant since, long predictions, boolean truncated, String now,
            List<String> cells) {
        public UseRow {
            cells = List.copyOf(cells);
        }
    }

    /** Where the statistics timeline shows the training run: its instance, node, run and a statistic it reported (null if none). */
    public record TrainingStatistics(String instanceId, String node, String runId, String statistic) {
    }

    /**
     * Everything the page shows about one model.
     *
     * @param modelId the model
     * @param sha256 its digest
     * @param summary one paragraph: what it is, what was decided on it, where it serves
     * @param identity the model's and its training run's properties
     * @param data the datasets its training read and wrote
     * @param metrics its training statistics
     * @param decisions policy nodes' and people's decisions on it, per ION instance, in order
     * @param uses the runs that took it in, oldest first
     * @param lineage its lineage graph, laid out (upstream and downstream of the model)
     * @param training where its training run's statistics are, or null when the run is not recorded
     * @param instances the ION instances it appears in (trained in first)
     */
    public record ModelPage(String modelId, String sha256, String summary, List<Property> identity, List<DataRow> data,
            List<MetricRow> metrics, List<DecisionRow> decisions, List<UseRow> uses, LineageView lineage, TrainingStatistics training,
            List<String> instances) {
        public ModelPage {
            identity = List.copyOf(identity);
            data = List.copyOf(data);
            metrics = List.copyOf(metrics);
            decisions = List.copyOf(decisions);
            uses = List.copyOf(uses);
            instances = List.copyOf(instances);
        }

        /** The people who approved the model, in the order they did, each once. */
        public List<String> approvers() {
            return decisions.stream().filter(d -> d.byPerson() && "approve".equals(d.decision())).map(DecisionRow::by).distinct().toList();
        }
    }

    /**
     * Reads a model's page and lays its lineage graph out.
     *
     * @throws IllegalArgumentException when no such model is recorded
     */
    public ModelPage load(String modelId, GraphLayout layout) {
        Lineage lineage = new Lineage(store, 0);
        ModelLineage path = lineage.ofModel(modelId, null)
                .orElseThrow(() -> new IllegalArgumentException("No model '" + modelId + "' is recorded in this store."));
        NodeRun training = path.trainingRun();
        Map<String, IonInstanceRecord> instanceRecords = new LinkedHashMap<>();
        for (IonInstanceRecord instance : store.instances()) {
            instanceRecords.put(instance.id(), instance);
        }

        // The instances the model appears in: where it was trained, then wherever a message carried it.
        List<MessageRecord> carried = store.messages(new RecordQuery(null, null, null, modelId, null, Limits.MAX_ROWS));
        Set<String> instances = new LinkedHashSet<>();
        if (training != null) {
            instances.add(training.start().instanceId());
        }
        carried.stream().sorted(Comparator.comparing(MessageRecord::sentAt)).forEach(m -> instances.add(m.instanceId()));

        ModelPropagation propagation = new ModelPropagation(store, clock);
        List<DecisionRow> decisions = new ArrayList<>();
        for (String instance : instances) {
            for (PolicyStep step : stepsIn(lineage, path, instance, carried)) {
                decisions.add(stepRow(instance, step, propagation));
                for (HumanActionRecord person : step.humanActions()) {
                    decisions.add(personRow(instance, person));
                }
            }
        }
        decisions.addAll(rollbacks(modelId));

        Instant now = clock.instant();
        List<UseRow> uses = new ArrayList<>();
        Map<String, List<ServingNode>> servingNow = new LinkedHashMap<>();
        for (ModelUse use : lineage.usesOfModel(modelId)) {
            String instance = use.run().start().instanceId();
            List<ServingNode> serving = servingNow.computeIfAbsent(instance, i -> inProduction(lineage, i, now));
            uses.add(useRow(modelId, use, serving));
        }
        uses.sort(Comparator.comparing(UseRow::since, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(UseRow::runId));

        List<MetricRow> metrics = path.statistics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(s -> new MetricRow(s.getKey(), s.getValue(), List.of(s.getKey(), number(s.getValue())))).toList();
        List<DataRow> data = path.datasets().stream().map(d -> new DataRow(d.dataset().id(), d.dataset().uri(), d.dataset().digest(),
                d.direction(), List.of(d.dataset().id(), orNone(d.dataset().uri()), orNone(d.dataset().digest()), d.direction()))).toList();

        LineageExplorerPresenter graph = new LineageExplorerPresenter(store);
        graph.open(NodeKind.MODEL, modelId);
        TrainingStatistics statistics = training == null ? null : new TrainingStatistics(training.start().instanceId(),
                training.start().node(), training.start().id(), statistic(path));

        return new ModelPage(modelId, path.model().sha256(), summary(path, decisions, uses), identity(path, instanceRecords), data,
                metrics, decisions, uses, graph.view(layout), statistics, List.copyOf(instances));
    }

    /**
     * The policy steps the model went through in an instance. {@link Lineage#ofModel} reads them in
     * the instance of the run it is given: the training run's own, else a run that sent the model
     * there.
     */
    private List<PolicyStep> stepsIn(Lineage lineage, ModelLineage path, String instance, List<MessageRecord> carried) {
        NodeRun training = path.trainingRun();
        if (training != null && training.start().instanceId().equals(instance)) {
            return path.policySteps();
        }
        for (MessageRecord message : carried) {
            if (message.instanceId().equals(instance) && message.senderRunId() != null) {
                Optional<NodeRun> sender = store.run(message.senderRunId());
                if (sender.isPresent()) {
                    return lineage.ofModel(path.model().id(), sender.get()).map(ModelLineage::policySteps).orElse(List.of());
                }
            }
        }
        return List.of();
    }

    private DecisionRow stepRow(String instance, PolicyStep step, ModelPropagation propagation) {
        String decision = switch (step.outcome()) {
            case "approval" -> "approved";
            case "rejection" -> "rejected";
            case "approval-pending" -> propagation.pending(instance).stream().filter(p -> p.messageId().equals(step.messageId())).findFirst()
                    .map(p -> "waiting (" + p.approvals() + " of " + p.required() + (p.required() == 1 ? " approval)" : " approvals)"))
                    .orElse("waiting");
            default -> "not decided";
        };
        return new DecisionRow(instance, step.node(), decision, "policy", null, step.time(), step.reason(),
                List.of(instance, step.node(), decision, "policy", time(step.time()), orNone(step.reason())));
    }

    private DecisionRow personRow(String instance, HumanActionRecord person) {
        return new DecisionRow(instance, person.policyNode(), person.action(), person.actor(), orNone(person.role()), person.time(),
                person.comment(), List.of(instance, orNone(person.policyNode()), person.action(), person.actor() + " (" + orNone(person.role())
                        + ")", time(person.time()), orNone(person.comment())));
    }

    /** Operators who put the model back into a node (rollbacks are not policy steps). */
    private List<DecisionRow> rollbacks(String modelId) {
        List<DecisionRow> rows = new ArrayList<>();
        List<HumanActionRecord> actions = new ArrayList<>(store.humanActions(new RecordQuery(null, null, "rollback", modelId, null,
                Limits.MAX_ROWS)));
        actions.sort(Comparator.comparing(HumanActionRecord::time));
        for (HumanActionRecord action : actions) {
            // The rollback's run (same id stem) names the instance.
            String stem = action.id().endsWith(":action") ? action.id().substring(0, action.id().length() - ":action".length()) : null;
            String instance = stem == null ? null : store.run(stem + ":run").map(r -> r.start().instanceId()).orElse(null);
            rows.add(personRow(instance == null ? NONE : instance, action));
        }
        return rows;
    }

    private static List<ServingNode> inProduction(Lineage lineage, String instance, Instant now) {
        try {
            return lineage.inProduction(instance, now);
        } catch (IllegalArgumentException e) {
            return List.of(); // an instance without a stored record: nothing is known to serve there
        }
    }

    private UseRow useRow(String modelId, ModelUse use, List<ServingNode> servingNow) {
        RunRecord run = use.run().start();
        String now;
        if (use.run().endedAt() != null) {
            now = "run ended";
        } else {
            boolean serving = servingNow.stream().anyMatch(s -> s.run() != null && s.run().start().id().equals(run.id())
                    && s.models().stream().anyMatch(m -> m.model().id().equals(modelId)));
            now = serving ? "serving" : "replaced";
        }
        String predictions = (use.truncated() ? "≥" : "") + use.predictions();
        return new UseRow(run.instanceId(), run.node(), run.id(), use.since(), use.predictions(), use.truncated(), now,
                List.of(run.instanceId(), run.node(), run.id(), time(use.since()), predictions, now));
    }

    private List<Property> identity(ModelLineage path, Map<String, IonInstanceRecord> instances) {
        ModelRecord m = path.model();
        List<Property> rows = new ArrayList<>();
        rows.add(new Property("model", m.id()));
        rows.add(new Property("name", orNone(m.name())));
        rows.add(new Property("digest (sha256)", orNone(m.sha256())));
        rows.add(new Property("format", m.format() == null ? NONE : m.format().name()));
        rows.add(new Property("size", String.format(Locale.ROOT, "%,d bytes", m.size())));
        rows.add(new Property("created", time(m.createdAt())));
        if (m.location() != null) {
            rows.add(new Property("location", m.location()));
        }
        NodeRun training = path.trainingRun();
        if (training == null) {
            rows.add(new Property("training run", m.runId() + " (not recorded)"));
            return rows;
        }
        RunRecord run = training.start();
        IonInstanceRecord instance = instances.get(run.instanceId());
        rows.add(new Property("training run", run.id()));
        rows.add(new Property("training node", run.node()));
        rows.add(new Property("ION instance", run.instanceId() + (instance == null ? "" : " (" + instance.ionName() + " v"
                + instance.ionVersion() + ")")));
        rows.add(new Property("engine", run.engine() == null ? NONE : run.engine() + (run.engineVersion() == null ? "" : " "
                + run.engineVersion())));
        rows.add(new Property("code", run.codeUri() == null ? NONE : run.codeUri() + (run.codeVersion() == null ? "" : " @ "
                + run.codeVersion())));
        rows.add(new Property("parameters", orNone(run.configurationJson())));
        rows.add(new Property("started by", orNone(run.startedBy())));
        rows.add(new Property("started", time(run.startedAt())));
        rows.add(new Property("ended", training.endedAt() == null ? "running"
                : time(training.endedAt()) + " (" + training.status().name().toLowerCase(Locale.ROOT) + ")"));
        rows.add(new Property("host", orNone(run.host())));
        rows.add(new Property("data", path.datasets().isEmpty() ? "none recorded"
                : path.datasets().size() + (path.datasets().size() == 1 ? " dataset" : " datasets") + " (below)"));
        if (!path.search().isEmpty()) {
            rows.add(new Property("hyperparameter search", path.search().size() + " settings tried"));
        }
        return rows;
    }

    private String summary(ModelLineage path, List<DecisionRow> decisions, List<UseRow> uses) {
        ModelRecord m = path.model();
        StringBuilder s = new StringBuilder("Model ").append(m.id());
        if (m.name() != null) {
            s.append(" (").append(m.name()).append(m.format() == null ? "" : ", " + m.format().name()).append(')');
        }
        if (path.trainingRun() != null) {
            RunRecord run = path.trainingRun().start();
            s.append(", trained by run ").append(run.id()).append(" of ").append(run.node()).append(" in ").append(run.instanceId());
        }
        s.append(" at ").append(time(m.createdAt())).append('.');
        for (DecisionRow step : decisions) {
            if (!step.byPerson()) {
                List<String> people = decisions.stream().filter(d -> d.byPerson() && Objects.equals(d.instanceId(), step.instanceId())
                        && Objects.equals(d.policyNode(), step.policyNode()) && !"rollback".equals(d.decision())).map(DecisionRow::by)
                        .distinct().toList();
                s.append(' ').append(capitalised(step.decision())).append(" at ").append(step.policyNode()).append(" in ")
                        .append(step.instanceId()).append(people.isEmpty() ? "" : " by " + String.join(" and ", people)).append('.');
            }
        }
        List<UseRow> serving = uses.stream().filter(u -> "serving".equals(u.now())).toList();
        if (uses.isEmpty()) {
            s.append(" Not deployed.");
        } else if (serving.isEmpty()) {
            s.append(" Used by ").append(uses.size()).append(uses.size() == 1 ? " run" : " runs").append("; serving nowhere now.");
        } else {
            s.append(" Serving now at ").append(String.join(", ", serving.stream().map(u -> u.node() + " in " + u.instanceId()
                    + " since " + time(u.since())).toList())).append('.');
        }
        return s.toString();
    }

    private static String statistic(ModelLineage path) {
        if (path.statistics().containsKey(PREFERRED_STATISTIC)) {
            return PREFERRED_STATISTIC;
        }
        return path.statistics().keySet().stream().sorted().findFirst().orElse(null);
    }

    // ---- formatting ----

    private String time(Instant t) {
        return t == null ? NONE : when.format(t);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
