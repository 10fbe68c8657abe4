package org.iongov.ui.model.lineage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.iongov.core.lineage.DatasetImpact;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.graph.EdgeKind;
import org.iongov.ui.model.graph.Graph;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.GraphNode.Detail;
import org.iongov.ui.model.graph.NodeKind;

/**
 * The lineage explorer's logic, without a display: finds a prediction, model, run or dataset by
 * id (or id prefix), builds its provenance graph from the store, expands and collapses it
 * upstream and downstream, and says what the selected node is. Reads only through
 * {@link GovernanceStore}, so it works alike on an embedded store and a server. Its methods do
 * store I/O: call them off the UI thread. Thread-safe (one caller at a time).
 */
public final class LineageExplorerPresenter {

    /** How close a control pipeline's score must be to agree (as the CLI's lineage verb). */
    static final double AGREEMENT = 0.05;
    /** Rows scanned when looking for an id prefix among the newest records of each kind. */
    static final int PREFIX_SCAN = 1000;
    /** Matches offered for one search. */
    static final int MAX_MATCHES = 20;
    /** Predictions shown per run when expanding downstream (a run may make millions). */
    public static final int PREDICTIONS_SHOWN = 12;
    private static final int MAX_ROWS = 1000;

    /**
     * Something the search found.
     *
     * @param kind prediction, model, run or dataset
     * @param id its record id
     * @param summary a line saying what it is
     */
    public record Match(NodeKind kind, String id, String summary) {
    }

    /**
     * A request the explorer refuses in the user's terms (nothing recorded under that id, nothing to
     * start from): shown to the user as guidance. Any other exception is an internal failure.
     */
    public static final class Refusal extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public Refusal(String message) {
            super(message);
        }
    }

    /**
     * What a search found for a text, and what to tell the user about it.
     *
     * @param text the id or id beginning searched for, trimmed
     * @param matches exact matches (of each kind), else records whose id starts with the text
     * @param exact whether the matches are exact ids rather than prefixes
     * @param capped whether more records may start with the text than the {@value #MAX_MATCHES} offered
     */
    public record Search(String text, List<Match> matches, boolean exact, boolean capped) {

        public Search {
            matches = List.copyOf(matches);
        }

        /** What a trace of the first match says about the search: which record is shown, and why that one. */
        public String message() {
            if (matches.isEmpty()) {
                return "No prediction, model, run or dataset has the id '" + text + "', nor an id starting with it among the latest "
                        + PREFIX_SCAN + " of each kind.";
            }
            Match first = matches.get(0);
            String shown = "Lineage of " + first.summary() + ".";
            if (matches.size() == 1) {
                return exact ? shown : shown + " It is the only record whose id starts with '" + text + "'.";
            }
            if (exact) {
                return shown + " '" + text + "' is also the id of " + others(matches.subList(1, matches.size())) + ".";
            }
            if (capped) {
                // MAX_MATCHES + 1 were found, so at least MAX_MATCHES others.
                return shown + " " + MAX_MATCHES + " or more other records' ids start with '" + text
                        + "'; type more of the id to trace another.";
            }
            int others = matches.size() - 1;
            return shown + " " + others + (others == 1 ? " other record's id starts" : " other records' ids start") + " with '" + text
                    + "' (" + others(matches.subList(1, matches.size())) + "); type more of the id to trace another.";
        }

        private static String others(List<Match> rest) {
            java.util.Map<NodeKind, Long> byKind = new java.util.EnumMap<>(NodeKind.class);
            rest.forEach(m -> byKind.merge(m.kind(), 1L, Long::sum));
            List<String> parts = new ArrayList<>();
            byKind.forEach((kind, n) -> parts.add(n == 1 ? "a " + kind.label() : n + " " + kind.label() + "s"));
            return String.join(", ", parts);
        }
    }

    /**
     * What is shown: the graph, where it started, the selection and which nodes were expanded.
     * Each step works on a copy and publishes it only when it succeeded, so a step that fails
     * half-way (a store that stops answering) leaves what was shown intact.
     */
    private static final class Shown {
        final LineageGraph graph;
        final String root;
        String selection;
        final Set<String> expandedUpstream = new HashSet<>();
        final Set<String> expandedDownstream = new HashSet<>();

        Shown(LineageGraph graph, String root) {
            this.graph = graph;
            this.root = root;
            this.selection = root;
        }

        Shown copy() {
            Shown copy = new Shown(graph.copy(), root);
            copy.selection = selection;
            copy.expandedUpstream.addAll(expandedUpstream);
            copy.expandedDownstream.addAll(expandedDownstream);
            return copy;
        }
    }

    private final GovernanceStore store;
    private final Lineage lineage;
    private Shown shown = new Shown(new LineageGraph(), null);

    public LineageExplorerPresenter(GovernanceStore store) {
        this.store = store;
        this.lineage = new Lineage(store, AGREEMENT);
    }

    // ---- finding a start ----

    /**
     * What an id names: exact matches of each kind, else the newest records whose id starts with
     * the text (among the latest {@value #PREFIX_SCAN} of each kind), predictions first, then
     * models, runs and datasets, at most {@value #MAX_MATCHES}.
     */
    public synchronized Search search(String text) {
        String id = text == null ? "" : text.trim();
        if (id.isEmpty()) {
            return new Search(id, List.of(), false, false);
        }
        List<Match> exact = new ArrayList<>();
        store.prediction(id).ifPresent(p -> exact.add(match(p)));
        store.models(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst().ifPresent(m -> exact.add(match(m)));
        store.run(id).ifPresent(r -> exact.add(match(r)));
        store.datasets(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst().ifPresent(d -> exact.add(match(d)));
        if (!exact.isEmpty()) {
            return new Search(id, exact, true, false);
        }
        // One more than offered is looked for, to know whether there are more.
        List<Match> prefix = new ArrayList<>();
        addPrefixed(prefix, store.predictions(RecordQuery.latest(PREFIX_SCAN)), PredictionRecord::id, id, this::match);
        addPrefixed(prefix, store.models(RecordQuery.latest(PREFIX_SCAN)), ModelRecord::id, id, this::match);
        addPrefixed(prefix, store.runs(new RunQuery(null, null, null, PREFIX_SCAN)), r -> r.start().id(), id, this::match);
        addPrefixed(prefix, store.datasets(RecordQuery.latest(PREFIX_SCAN)), DatasetRecord::id, id, this::match);
        boolean capped = prefix.size() > MAX_MATCHES;
        return new Search(id, capped ? prefix.subList(0, MAX_MATCHES) : prefix, false, capped);
    }

    private static <T> void addPrefixed(List<Match> into, List<T> rows, Function<T, String> id, String prefix, Function<T, Match> match) {
        for (T row : rows) {
            if (into.size() > MAX_MATCHES) {
                return;
            }
            if (id.apply(row).startsWith(prefix)) {
                into.add(match.apply(row));
            }
        }
    }

    private Match match(PredictionRecord p) {
        return new Match(NodeKind.PREDICTION, p.id(), "prediction made " + p.time() + " by run " + p.runId());
    }

    private Match match(ModelRecord m) {
        return new Match(NodeKind.MODEL, m.id(), "model " + m.name() + " trained by run " + m.runId());
    }

    private Match match(NodeRun r) {
        return new Match(NodeKind.RUN, r.start().id(), "run of " + r.start().node() + " started " + r.start().startedAt());
    }

    private Match match(DatasetRecord d) {
        return new Match(NodeKind.DATASET, d.id(), "dataset " + d.uri());
    }

    /**
     * Starts over from a record: its node and, expanded, what is upstream of it (and downstream,
     * except for a prediction, which nothing follows).
     *
     * @return the root node's id
     * @throws Refusal when no such record is stored; what was shown stays, as it does when reading
     *     the store fails
     */
    public synchronized String open(NodeKind kind, String id) {
        LineageGraph fresh = new LineageGraph();
        String node = switch (kind) {
            case PREDICTION -> fresh.add(store.prediction(id).orElseThrow(() -> unknown(kind, id)), List.of());
            case MODEL -> {
                ModelRecord model = store.models(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst()
                        .orElseThrow(() -> unknown(kind, id));
                yield fresh.add(model, store.latestStatistics(model.runId()));
            }
            case RUN -> fresh.add(store.run(id).orElseThrow(() -> unknown(kind, id)));
            case DATASET -> fresh.add(store.datasets(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst()
                    .orElseThrow(() -> unknown(kind, id)));
            default -> throw new Refusal("the lineage explorer starts from a prediction, model, run or dataset, not a " + kind.label());
        };
        // Built aside and published only once every read succeeded.
        Shown next = new Shown(fresh, node);
        expandUpstream(next, node);
        if (kind != NodeKind.PREDICTION) {
            expandDownstream(next, node);
        }
        shown = next;
        return node;
    }

    private static Refusal unknown(NodeKind kind, String id) {
        return new Refusal("no " + kind.label() + " '" + id + "' is recorded in this store");
    }

    // ---- the graph ----

    /** A copy of the graph shown now, for laying out and drawing on other threads. */
    public synchronized Graph graph() {
        return shown.graph.graph().copy();
    }

    /** The graph shown now, laid out, with which nodes can be expanded and collapsed further. */
    public LineageView view(GraphLayout layout) {
        Shown now;
        synchronized (this) {
            now = shown;
        }
        // Steps replace what is shown rather than change it, so it can be read outside the lock.
        Graph graph = now.graph.graph().frozenCopy();
        Set<String> up = new HashSet<>();
        Set<String> down = new HashSet<>();
        Set<String> collapseUp = new HashSet<>();
        Set<String> collapseDown = new HashSet<>();
        for (GraphNode node : graph.nodes()) {
            if (canExpandUpstream(now, node.id())) {
                up.add(node.id());
            }
            if (canExpandDownstream(now, node.id())) {
                down.add(node.id());
            }
            if (!collapsible(now, node.id(), true).isEmpty()) {
                collapseUp.add(node.id());
            }
            if (!collapsible(now, node.id(), false).isEmpty()) {
                collapseDown.add(node.id());
            }
        }
        return new LineageView(layout.layout(graph), now.root, up, down, collapseUp, collapseDown);
    }

    /** The node the explorer started from, or null before {@link #open}. */
    public synchronized String root() {
        return shown.root;
    }

    public synchronized boolean canExpandUpstream(String nodeId) {
        return canExpandUpstream(shown, nodeId);
    }

    private static boolean canExpandUpstream(Shown s, String nodeId) {
        GraphNode node = s.graph.graph().node(nodeId);
        return node != null && hasUpstream(node.kind()) && !s.expandedUpstream.contains(nodeId);
    }

    public synchronized boolean canExpandDownstream(String nodeId) {
        return canExpandDownstream(shown, nodeId);
    }

    private static boolean canExpandDownstream(Shown s, String nodeId) {
        GraphNode node = s.graph.graph().node(nodeId);
        return node != null && hasDownstream(node.kind()) && !s.expandedDownstream.contains(nodeId);
    }

    /** Whether collapsing upstream (or downstream) of the node would hide anything. */
    public synchronized boolean canCollapse(String nodeId, boolean upstream) {
        return !collapsible(shown, nodeId, upstream).isEmpty();
    }

    private static boolean hasUpstream(NodeKind kind) {
        return kind == NodeKind.PREDICTION || kind == NodeKind.MODEL || kind == NodeKind.RUN || kind == NodeKind.DATASET;
    }

    private static boolean hasDownstream(NodeKind kind) {
        return kind == NodeKind.MODEL || kind == NodeKind.RUN || kind == NodeKind.DATASET;
    }

    /**
     * Adds what the store records upstream of a node: a prediction's whole lineage, a model's
     * training and policy path, the data a run read and the models it received, the runs that wrote
     * a dataset.
     *
     * @return whether the graph changed
     */
    public synchronized boolean expandUpstream(String nodeId) {
        Shown next = shown.copy();
        boolean changed = expandUpstream(next, nodeId);
        shown = next;
        return changed;
    }

    private boolean expandUpstream(Shown s, String nodeId) {
        GraphNode node = s.graph.graph().node(nodeId);
        if (node == null || !hasUpstream(node.kind())) {
            return false;
        }
        long before = size(s);
        String id = LineageGraph.recordId(nodeId);
        switch (node.kind()) {
            case PREDICTION -> lineage.ofPrediction(id).ifPresent(l -> addPrediction(s, l));
            case MODEL -> lineage.ofModel(id, null).ifPresent(m -> addModel(s, m, null));
            case RUN -> runUpstream(s, id);
            case DATASET -> {
                for (DatasetUseRecord use : store.datasetUses(new RecordQuery(null, null, null, id, null, MAX_ROWS))) {
                    if (use.direction() == DatasetUseRecord.Direction.WRITTEN) {
                        store.run(use.runId()).ifPresent(r -> connect(s, s.graph.add(r), nodeId, EdgeKind.WROTE));
                    }
                }
            }
            default -> {
                // policy steps, approvals and deployments come with their model's path
            }
        }
        s.expandedUpstream.add(nodeId);
        return size(s) != before;
    }

    /**
     * Adds what the store records downstream of a node: a dataset's impact (the models trained on
     * it and where they served), where a model was deployed and predictions made with it, the
     * models, data and predictions a run produced.
     *
     * @return whether the graph changed
     */
    public synchronized boolean expandDownstream(String nodeId) {
        Shown next = shown.copy();
        boolean changed = expandDownstream(next, nodeId);
        shown = next;
        return changed;
    }

    private boolean expandDownstream(Shown s, String nodeId) {
        GraphNode node = s.graph.graph().node(nodeId);
        if (node == null || !hasDownstream(node.kind())) {
            return false;
        }
        long before = size(s);
        String id = LineageGraph.recordId(nodeId);
        switch (node.kind()) {
            case DATASET -> lineage.impactOfDataset(id).ifPresent(impact -> {
                for (DatasetImpact.ImpactedModel m : impact.models()) {
                    String model = s.graph.add(m.model(), null);
                    if (m.trainingRun() != null) {
                        String training = s.graph.add(m.trainingRun());
                        connect(s, nodeId, training, EdgeKind.READ);
                        connect(s, training, model, EdgeKind.TRAINED);
                    }
                    modelDownstream(s, model);
                }
            });
            case MODEL -> modelDownstream(s, nodeId);
            case RUN -> {
                for (ModelRecord m : store.models(new RecordQuery(id, null, null, null, null, MAX_ROWS))) {
                    connect(s, nodeId, s.graph.add(m, store.latestStatistics(id)), EdgeKind.TRAINED);
                }
                for (DatasetUseRecord use : store.datasetUses(new RecordQuery(id, null, null, null, null, MAX_ROWS))) {
                    if (use.direction() == DatasetUseRecord.Direction.WRITTEN) {
                        dataset(use.datasetId()).ifPresent(d -> connect(s, nodeId, s.graph.add(d), EdgeKind.WROTE));
                    }
                }
                for (PredictionRecord p : store.predictions(new RecordQuery(id, null, null, null, null, PREDICTIONS_SHOWN))) {
                    connect(s, nodeId, s.graph.add(p, List.of()), EdgeKind.MADE);
                }
            }
            default -> {
                // nothing follows a prediction in its lineage
            }
        }
        s.expandedDownstream.add(nodeId);
        return size(s) != before;
    }

    /**
     * Hides what lies upstream (or downstream) of a node, except what is still connected to the
     * start without passing through it (the path to the start is never hidden).
     *
     * @return whether anything was hidden
     */
    public synchronized boolean collapse(String nodeId, boolean upstream) {
        Shown next = shown.copy();
        Set<String> hidden = collapsible(next, nodeId, upstream);
        for (String id : hidden) {
            next.graph.graph().remove(id);
            next.expandedUpstream.remove(id);
            next.expandedDownstream.remove(id);
        }
        (upstream ? next.expandedUpstream : next.expandedDownstream).remove(nodeId);
        if (hidden.contains(next.selection)) {
            next.selection = nodeId;
        }
        shown = next;
        return !hidden.isEmpty();
    }

    /** What collapsing up- or downstream of a node would hide; empty when nothing. */
    private static Set<String> collapsible(Shown s, String nodeId, boolean upstream) {
        Graph g = s.graph.graph();
        String root = s.root;
        if (!g.contains(nodeId) || root == null) {
            return Set.of();
        }
        Set<String> kept = nodeId.equals(root) ? Set.of() : g.connected(root, nodeId);
        Set<String> removed = new HashSet<>();
        for (String id : g.reachable(nodeId, upstream)) {
            if (!kept.contains(id) && !id.equals(root)) {
                removed.add(id);
            }
        }
        if (removed.isEmpty()) {
            return Set.of();
        }
        // What hung only off the removed nodes (a policy step's approvals) goes with them.
        Set<String> stays = g.connected(root, removed);
        Set<String> hidden = new LinkedHashSet<>();
        for (GraphNode n : g.nodes()) {
            if (!stays.contains(n.id())) {
                hidden.add(n.id());
            }
        }
        return hidden;
    }

    // ---- selection ----

    public synchronized void select(String nodeId) {
        if (nodeId != null && !shown.graph.graph().contains(nodeId)) {
            throw new IllegalArgumentException("no node '" + nodeId + "' is shown");
        }
        shown.selection = nodeId;
    }

    public synchronized String selection() {
        return shown.selection;
    }

    /** What the details table shows for the selection: the node's details, without empty rows. */
    public synchronized List<Detail> details() {
        GraphNode node = shown.selection == null ? null : shown.graph.graph().node(shown.selection);
        return node == null ? List.of() : details(node);
    }

    /** What the details table shows for a node: its kind and its non-empty details. */
    public static List<Detail> details(GraphNode node) {
        List<Detail> rows = new ArrayList<>();
        rows.add(new Detail("kind", node.kind().label()));
        for (Detail d : node.details()) {
            if (!d.value().isEmpty()) {
                rows.add(d);
            }
        }
        return rows;
    }

    // ---- reading the store ----

    private static void addPrediction(Shown s, PredictionLineage l) {
        s.graph.add(l);
        for (ModelLineage m : l.models()) {
            s.expandedUpstream.add(LineageGraph.nodeId(NodeKind.MODEL, m.model().id()));
            if (m.trainingRun() != null) {
                s.expandedUpstream.add(LineageGraph.nodeId(NodeKind.RUN, m.trainingRun().start().id()));
            }
        }
    }

    private static void addModel(Shown s, ModelLineage m, String servingRun) {
        s.graph.add(m, servingRun);
        if (m.trainingRun() != null) {
            s.expandedUpstream.add(LineageGraph.nodeId(NodeKind.RUN, m.trainingRun().start().id()));
        }
    }

    /** The data a run read and the models it received (each through its deployment message). */
    private void runUpstream(Shown s, String runId) {
        String run = LineageGraph.nodeId(NodeKind.RUN, runId);
        for (DatasetUseRecord use : store.datasetUses(new RecordQuery(runId, null, null, null, null, MAX_ROWS))) {
            if (use.direction() == DatasetUseRecord.Direction.READ) {
                dataset(use.datasetId()).ifPresent(d -> connect(s, s.graph.add(d), run, EdgeKind.READ));
            }
        }
        for (MessageReceivedRecord receipt : store.messageReceipts(new RecordQuery(runId, null, null, null, null, MAX_ROWS))) {
            Optional<MessageRecord> message = store.message(receipt.messageId()).filter(m -> m.modelId() != null);
            if (message.isEmpty()) {
                continue;
            }
            ModelRecord model = store.models(new RecordQuery(null, null, null, message.get().modelId(), null, 1)).stream().findFirst()
                    .orElse(null);
            if (model == null) {
                continue;
            }
            String deployment = deployment(s, message.get(), receipt, s.graph.add(model, store.latestStatistics(model.runId())));
            connect(s, deployment, run, EdgeKind.SERVED);
        }
    }

    /** Where a model went: each pipeline run that received it, and predictions made there with it. */
    private void modelDownstream(Shown s, String modelNode) {
        String modelId = LineageGraph.recordId(modelNode);
        for (MessageRecord message : store.messages(new RecordQuery(null, null, null, modelId, null, MAX_ROWS))) {
            for (MessageReceivedRecord receipt : store.messageReceipts(new RecordQuery(null, null, null, message.id(), null, MAX_ROWS))) {
                NodeRun receiver = store.run(receipt.receiverRunId()).orElse(null);
                if (receiver == null || receiver.start().nodeKind() != RunRecord.NodeKind.PIPELINE) {
                    continue;
                }
                String run = s.graph.add(receiver);
                connect(s, deployment(s, message, receipt, modelNode), run, EdgeKind.SERVED);
                int shown = 0;
                for (PredictionRecord p : store.predictions(new RecordQuery(receiver.start().id(), null, null, null, null, MAX_ROWS))) {
                    if (shown >= PREDICTIONS_SHOWN) {
                        break;
                    }
                    if (p.modelIds().contains(modelId)) {
                        connect(s, run, s.graph.add(p, List.of()), EdgeKind.MADE);
                        shown++;
                    }
                }
            }
        }
    }

    /**
     * A deployment message's node, connected from the policy step that sent it on (when shown;
     * a policy node's run is named after the message it decided) or else from the model.
     */
    private static String deployment(Shown s, MessageRecord message, MessageReceivedRecord receipt, String modelNode) {
        String node = s.graph.add(message, receipt);
        if (!s.graph.graph().incoming(node).isEmpty()) {
            return node;
        }
        String sender = message.senderRunId();
        if (sender != null && sender.startsWith("policy:") && sender.endsWith(":run")) {
            String step = LineageGraph.nodeId(NodeKind.POLICY_STEP, sender.substring("policy:".length(), sender.length() - ":run".length()));
            if (s.graph.graph().contains(step)) {
                connect(s, step, node, EdgeKind.DEPLOYED);
                return node;
            }
        }
        connect(s, modelNode, node, EdgeKind.DEPLOYED);
        return node;
    }

    private Optional<DatasetRecord> dataset(String id) {
        return store.datasets(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst();
    }

    /** Every edge joins nodes just added: one that does not is a bug, and fails the step with its cause. */
    private static void connect(Shown s, String from, String to, EdgeKind kind) {
        s.graph.graph().connect(from, to, kind);
    }

    /** Nodes and edges shown; expanding only adds, so a change shows in it. */
    private static long size(Shown s) {
        return ((long) s.graph.graph().size() << 32) | s.graph.graph().edges().size();
    }
}
