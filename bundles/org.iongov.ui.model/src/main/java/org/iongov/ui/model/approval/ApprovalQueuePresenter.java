package org.iongov.ui.model.approval;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.policy.ApprovalReview;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.policy.ModelPropagation.HumanDecision;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.store.GovernanceStore;

/**
 * The approval queue's logic, headless: the models waiting at human-approval policy nodes as
 * table rows, the review of one (its training statistics beside the model in production, its
 * data and whether it changed, its training run), the decisions people took, and a person's
 * approval or rejection through the real {@link ModelPropagation}. Every method reads or writes
 * the store: call them off the UI thread. Texts are ready to show; refusals are in the user's
 * terms.
 */
public final class ApprovalQueuePresenter {

    /** What a cell shows when there is no value. */
    public static final String NONE = "—";
    /** The queue's columns, in the order of {@link QueueRow#cells()}. */
    public static final List<String> QUEUE_COLUMNS = List.of("Model", "ION instance", "Policy node", "Waiting since", "Approvals");
    /** The metric comparison's columns, in the order of {@link MetricRow#cells()}. */
    public static final List<String> METRIC_COLUMNS = List.of("Statistic", "Candidate", "Production", "Difference");
    /** The data comparison's columns (the digests each training saw there), in the order of {@link DataRow#cells()}. */
    public static final List<String> DATA_COLUMNS = List.of("Data", "Candidate", "Production", "Changed");
    /** The decision history's columns, in the order of {@link DecisionRow#cells()}. */
    public static final List<String> HISTORY_COLUMNS = List.of("When", "Who", "Role", "Decision", "Model", "Policy node", "Comment");

    private static final int HISTORY_ROWS = 200;

    private final GovernanceStore store;
    private final Clock clock;
    private final String user;
    private final String role;
    private final DateTimeFormatter when;

    /**
     * @param store the governance store
     * @param clock the time decisions are recorded at and "now" for what is in production
     * @param user the person deciding (recorded as the approver)
     * @param role the role they decide in
     * @param zone the zone times are shown in
     */
    public ApprovalQueuePresenter(GovernanceStore store, Clock clock, String user, String role, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the workbench needs a user name to record decisions (--user NAME)");
        }
        this.user = user;
        this.role = Objects.requireNonNull(role, "role");
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    /** The person whose decisions this presenter records. */
    public String user() {
        return user;
    }

    public String role() {
        return role;
    }

    // ---- the queue ----

    /** One waiting model. */
    public record QueueRow(PendingApproval pending, List<String> cells) {

        public QueueRow {
            cells = List.copyOf(cells);
        }

        public String modelId() {
            return pending.modelId();
        }
    }

    /** The models waiting for people, oldest first, in every ION instance. */
    public List<QueueRow> queue() {
        List<QueueRow> rows = new ArrayList<>();
        for (PendingApproval p : propagation().pending(null)) {
            rows.add(new QueueRow(p, List.of(p.modelId(), p.instanceId(), p.policyNode(), time(p.waitingSince()),
                    p.approvals() + " of " + p.required())));
        }
        return rows;
    }

    /** What the queue's heading says. */
    public static String queueMessage(int waiting) {
        return waiting == 0 ? "No models are waiting for approval."
                : waiting + (waiting == 1 ? " model is" : " models are") + " waiting for approval. Select one to review it.";
    }

    // ---- the review of one model ----

    /** A statistic of the candidate's training beside the model in production's. */
    public record MetricRow(String statistic, Double candidate, Double production, Double difference, List<String> cells) {
        public MetricRow {
            cells = List.copyOf(cells);
        }
    }

    /** A dataset location: what the candidate's training read there beside what the production model's read. */
    public record DataRow(String uri, String candidateDigest, String productionDigest, boolean changed, List<String> cells) {
        public DataRow {
            cells = List.copyOf(cells);
        }
    }

    /** A named value (the training run's engine, code, parameters...). */
    public record Property(String name, String value) {
    }

    /**
     * Everything an operator reviews before deciding.
     *
     * @param pending the waiting model
     * @param summary one paragraph: which model waits where, its approvals, where it would go and what it replaces
     * @param metrics its training statistics beside the production model's
     * @param data its training data beside the production model's
     * @param training the training run's engine, code reference, parameters and who started it
     * @param decisions what people decided on it so far, oldest first
     */
    public record Review(PendingApproval pending, String summary, List<MetricRow> metrics, List<DataRow> data, List<Property> training,
            List<DecisionRow> decisions) {
        public Review {
            metrics = List.copyOf(metrics);
            data = List.copyOf(data);
            training = List.copyOf(training);
            decisions = List.copyOf(decisions);
        }
    }

    /** The review of a waiting model, with the models in production as of now. */
    public Review review(PendingApproval waiting) {
        ModelPropagation propagation = propagation();
        ApprovalReview review = ApprovalReview.of(store, propagation, new Lineage(store, 0), waiting, clock.instant());
        List<MetricRow> metrics = review.metrics().stream().map(m -> new MetricRow(m.statistic(), m.candidate(), m.production(),
                m.difference(), List.of(m.statistic(), number(m.candidate()), number(m.production()), signed(m.difference())))).toList();
        List<DataRow> data = review.data().stream().map(d -> {
            boolean changed = !d.sameContent();
            return new DataRow(d.uri(), d.candidateDigest(), d.productionDigest(), changed,
                    List.of(d.uri(), digest(d.candidateDigest()), digest(d.productionDigest()), dataChange(d)));
        }).toList();
        return new Review(waiting, summary(review), metrics, data, training(review.candidate()), decisionsOn(waiting));
    }

    private String summary(ApprovalReview review) {
        PendingApproval p = review.pending();
        StringBuilder s = new StringBuilder();
        s.append("Model ").append(p.modelId()).append(" waits at ").append(p.policyNode()).append(" in ").append(p.instanceId())
                .append(" since ").append(time(p.waitingSince())).append(": ").append(p.approvals()).append(" of ").append(p.required())
                .append(p.required() == 1 ? " approval." : " approvals.");
        if (review.candidate() == null) {
            s.append(" The model itself is not recorded in this store.");
        } else {
            s.append(" sha256 ").append(review.candidate().model().sha256()).append('.');
        }
        if (!review.reaches().isEmpty()) {
            s.append(" Once approved it goes to ").append(String.join(", ", review.reaches())).append('.');
        }
        if (review.inProduction().isEmpty()) {
            s.append(" No model is in production there yet.");
        } else {
            s.append(" It would replace ").append(String.join(", ", review.inProduction().stream()
                    .map(serving -> serving.model().model().id() + " at " + serving.node()).toList())).append('.');
        }
        return s.toString();
    }

    private List<Property> training(ModelLineage candidate) {
        List<Property> rows = new ArrayList<>();
        if (candidate == null || candidate.trainingRun() == null) {
            rows.add(new Property("training run", "not recorded"));
            return rows;
        }
        RunRecord run = candidate.trainingRun().start();
        rows.add(new Property("training run", run.id()));
        rows.add(new Property("node", run.node()));
        rows.add(new Property("engine", join(run.engine(), run.engineVersion())));
        rows.add(new Property("code", run.codeUri() == null ? NONE : run.codeUri() + (run.codeVersion() == null ? "" : " @ " + run.codeVersion())));
        rows.add(new Property("parameters", orNone(run.configurationJson())));
        rows.add(new Property("started by", orNone(run.startedBy())));
        rows.add(new Property("started", time(run.startedAt())));
        rows.add(new Property("ended", candidate.trainingRun().endedAt() == null ? "running"
                : time(candidate.trainingRun().endedAt()) + " (" + candidate.trainingRun().status().name().toLowerCase(Locale.ROOT) + ")"));
        rows.add(new Property("host", orNone(run.host())));
        rows.add(new Property("model format", candidate.model().format().name()));
        if (!candidate.search().isEmpty()) {
            rows.add(new Property("hyperparameter search", candidate.search().size() + " settings tried"));
        }
        return rows;
    }

    // ---- decisions ----

    /** A decision a person took. */
    public record DecisionRow(HumanActionRecord action, List<String> cells) {
        public DecisionRow {
            cells = List.copyOf(cells);
        }
    }

    /** The decisions people took on models, newest first (approvals, rejections, rollbacks). */
    public List<DecisionRow> history() {
        return store.humanActions(RecordQuery.latest(HISTORY_ROWS)).stream().filter(a -> "model".equals(a.subjectType()))
                .map(this::row).toList();
    }

    private List<DecisionRow> decisionsOn(PendingApproval waiting) {
        List<DecisionRow> rows = new ArrayList<>(actionsOn(waiting).stream().map(this::row).toList());
        java.util.Collections.reverse(rows);
        return rows;
    }

    /** The people's decisions on this message at its policy node, newest first. */
    private List<HumanActionRecord> actionsOn(PendingApproval waiting) {
        String base = "policy:" + waiting.messageId() + ":";
        return store.humanActions(new RecordQuery(null, null, null, waiting.modelId(), null, HISTORY_ROWS)).stream()
                .filter(a -> a.id().startsWith(base)).toList();
    }

    private DecisionRow row(HumanActionRecord a) {
        return new DecisionRow(a, List.of(time(a.time()), a.actor(), orNone(a.role()), a.action(), a.subjectId(), orNone(a.policyNode()),
                orNone(a.comment())));
    }

    /**
     * What came of a decision.
     *
     * @param accepted whether it was recorded
     * @param message what to tell the person, in their terms
     * @param decision the policy's answer when recorded, else null
     */
    public record Outcome(boolean accepted, String message, HumanDecision decision) {
    }

    /**
     * Approves or rejects a waiting model as this presenter's user. Refusals (a rejection without
     * a reason, a second approval by the same person, the policy's separation of duties, a model
     * decided meanwhile) come back as an outcome that is not accepted, with the reason.
     */
    public Outcome decide(PendingApproval waiting, boolean approve, String comment) {
        String why = comment == null || comment.isBlank() ? null : comment.strip();
        if (!approve && why == null) {
            return new Outcome(false, "Say why you reject model " + waiting.modelId() + ": a rejection needs a comment.", null);
        }
        if (approve) {
            Optional<HumanActionRecord> earlier = actionsOn(waiting).stream()
                    .filter(a -> a.actor().equals(user) && "approve".equals(a.action())).findFirst();
            if (earlier.isPresent()) {
                return new Outcome(false, user + " already approved model " + waiting.modelId() + " at " + waiting.policyNode() + " ("
                        + time(earlier.get().time()) + "). The policy counts each person once: it still needs "
                        + (waiting.required() - waiting.approvals()) + " more approval" + (waiting.required() - waiting.approvals() == 1 ? "" : "s")
                        + " from someone else.", null);
            }
        }
        try {
            HumanDecision decision = propagation().decideByPeople(waiting.messageId(), user, role, approve, why);
            String message = switch (decision.status()) {
            case "approved" -> "Approved model " + waiting.modelId() + " as " + user + ": " + decision.reason()
                    + ". It is sent on to the next node.";
            case "rejected" -> "Rejected model " + waiting.modelId() + " as " + user + ". It goes no further.";
            default -> "Approved model " + waiting.modelId() + " as " + user + ": " + decision.approvals() + " of " + decision.required()
                    + " approvals; it waits for " + (decision.required() - decision.approvals()) + " more.";
            };
            return new Outcome(true, message, decision);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The policy's own refusals (separation of duties, already decided) say why in the user's terms.
            return new Outcome(false, "Refused: " + e.getMessage() + ".", null);
        }
    }

    // ---- formatting ----

    private ModelPropagation propagation() {
        return new ModelPropagation(store, clock);
    }

    private String time(Instant t) {
        return t == null ? NONE : when.format(t);
    }

    private static String number(Double v) {
        return v == null ? NONE : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String signed(Double v) {
        return v == null ? NONE : String.format(Locale.ROOT, "%+.4f", v);
    }

    /** A digest as a cell shows it: its first 12 characters, as the lineage explorer does (the row keeps it whole). */
    private static String digest(String d) {
        return d == null ? "not read" : d.isEmpty() ? "no digest" : d.length() > 16 ? d.substring(0, 12) + "…" : d;
    }

    private static String dataChange(ApprovalReview.DataComparison d) {
        if (d.sameContent()) {
            return "same";
        }
        if (d.productionDigest() == null) {
            return d.candidateDigest() == null ? NONE : "new";
        }
        return d.candidateDigest() == null ? "no longer read" : "changed";
    }

    private static String join(String a, String b) {
        if (a == null) {
            return NONE;
        }
        return b == null ? a : a + " " + b;
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
