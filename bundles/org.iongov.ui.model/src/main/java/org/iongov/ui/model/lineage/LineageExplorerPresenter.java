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

    private final GovernanceStore store;
    private final Lineage lineage;
    private LineageGraph current = new LineageGraph();
    private String root;
    private String selection;
    private final Set<String> expandedUpstream = new HashSet<>();
    private final Set<String> expandedDownstream = new HashSet<>();

    public LineageExplorerPresenter(GovernanceStore store) {
        this.store = store;
        this.lineage = new Lineage(store, AGREEMENT);
    }

    // ---- finding a start ----

    /**
     * What an id names: exact matches of each kind, else the newest records whose id starts with
     * the text (among the latest {@value #PREFIX_SCAN} of each kind).
     */
    public synchronized List<Match> search(String text) {
        String id = text == null ? "" : text.trim();
        if (id.isEmpty()) {
            return List.of();
        }
        List<Match> exact = new ArrayList<>();
        store.prediction(id).ifPresent(p -> exact.add(match(p)));
        store.models(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst().ifPresent(m -> exact.add(match(m)));
        store.run(id).ifPresent(r -> exact.add(match(r)));
        store.datasets(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst().ifPresent(d -> exact.add(match(d)));
        if (!exact.isEmpty()) {
            return exact;
        }
        List<Match> prefix = new ArrayList<>();
        addPrefixed(prefix, store.predictions(RecordQuery.latest(PREFIX_SCAN)), PredictionRecord::id, id, this::match);
        addPrefixed(prefix, store.models(RecordQuery.latest(PREFIX_SCAN)), ModelRecord::id, id, this::match);
        addPrefixed(prefix, store.runs(new RunQuery(null, null, null, PREFIX_SCAN)), r -> r.start().id(), id, this::match);
        addPrefixed(prefix, store.datasets(RecordQuery.latest(PREFIX_SCAN)), DatasetRecord::id, id, this::match);
        return prefix;
    }

    private static <T> void addPrefixed(List<Match> into, List<T> rows, Function<T, String> id, String prefix, Function<T, Match> match) {
        for (T row : rows) {
            if (into.size() >= MAX_MATCHES) {
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
     * @throws IllegalArgumentException when no such record is stored
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
            default -> throw new IllegalArgumentException("the lineage explorer starts from a prediction, model, run or dataset, not a "
                    + kind.label());
        };
        current = fresh;
        root = node;
        selection = node;
        expandedUpstream.clear();
        expandedDownstream.clear();
        expandUpstream(node);
        if (kind != NodeKind.PREDICTION) {
            expandDownstream(node);
        }
        return node;
    }

    private static IllegalArgumentException unknown(NodeKind kind, String id) {
        return new IllegalArgumentException("no " + kind.label() + " '" + id + "' is recorded in this store");
    }

    // ---- the graph ----

    /** A copy of the graph shown now, for laying out and drawing on other threads. */
    public synchronized Graph graph() {
        return current.graph().copy();
    }

    /** The graph shown now, laid out, with which nodes can be expanded further. */
    public LineageView view(GraphLayout layout) {
        Graph graph;
        String start;
        Set<String> up = new HashSet<>();
        Set<String> down = new HashSet<>();
        synchronized (this) {
            graph = current.graph().copy();
            start = root;
            for (GraphNode node : graph.nodes()) {
                if (canExpandUpstream(node.id())) {
                    up.add(node.id());
                }
                if (canExpandDownstream(node.id())) {
                    down.add(node.id());
                }
            }
        }
        // Laid out outside the lock: it takes time and needs no store.
        return new LineageView(layout.layout(graph), start, up, down);
    }

    /** The node the explorer started from, or null before {@link #open}. */
    public synchronized String root() {
        return root;
    }

    public synchronized boolean canExpandUpstream(String nodeId) {
        GraphNode node = current.graph().node(nodeId);
        return node != null && hasUpstream(node.kind()) && !expandedUpstream.contains(nodeId);
    }

    public synchronized boolean canExpandDownstream(String nodeId) {
        GraphNode node = current.graph().node(nodeId);
        return node != null && hasDownstream(node.kind()) && !expandedDownstream.contains(nodeId);
    }

    /** Whether collapsing upstream (or downstream) of the node would hide anything. */
    public synchronized boolean canCollapse(String nodeId, boolean upstream) {
        return current.graph().contains(nodeId) && !collapsible(nodeId, upstream).isEmpty();
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
        GraphNode node = current.graph().node(nodeId);
        if (node == null || !hasUpstream(node.kind())) {
            return false;
        }
        long before = size();
        String id = LineageGraph.recordId(nodeId);
        switch (node.kind()) {
            case PREDICTION -> lineage.ofPrediction(id).ifPresent(this::addPrediction);
            case MODEL -> lineage.ofModel(id, null).ifPresent(m -> addModel(m, null));
            case RUN -> runUpstream(id);
            case DATASET -> {
                for (DatasetUseRecord use : store.datasetUses(new RecordQuery(null, null, null, id, null, MAX_ROWS))) {
                    if (use.direction() == DatasetUseRecord.Direction.WRITTEN) {
                        store.run(use.runId()).ifPresent(r -> connect(current.add(r), nodeId, EdgeKind.WROTE));
                    }
                }
            }
            default -> {
                // policy steps, approvals and deployments come with their model's path
            }
        }
        expandedUpstream.add(nodeId);
        return size() != before;
    }

    /**
     * Adds what the store records downstream of a node: a dataset's impact (the models trained on
     * it and where they served), where a model was deployed and predictions made with it, the
     * models, data and predictions a run produced.
     *
     * @return whether the graph changed
     */
    public synchronized boolean expandDownstream(String nodeId) {
        GraphNode node = current.graph().node(nodeId);
        if (node == null || !hasDownstream(node.kind())) {
            return false;
        }
        long before = size();
        String id = LineageGraph.recordId(nodeId);
        switch (node.kind()) {
            case DATASET -> lineage.impactOfDataset(id).ifPresent(impact -> {
                for (DatasetImpact.ImpactedModel m : impact.models()) {
                    String model = current.add(m.model(), null);
                    if (m.trainingRun() != null) {
                        String training = current.add(m.trainingRun());
                        connect(nodeId, training, EdgeKind.READ);
                        connect(training, model, EdgeKind.TRAINED);
                    }
                    modelDownstream(model);
                }
            });
            case MODEL -> modelDownstream(nodeId);
            case RUN -> {
                for (ModelRecord m : store.models(new RecordQuery(id, null, null, null, null, MAX_ROWS))) {
                    connect(nodeId, current.add(m, store.latestStatistics(id)), EdgeKind.TRAINED);
                }
                for (DatasetUseRecord use : store.datasetUses(new RecordQuery(id, null, null, null, null, MAX_ROWS))) {
                    if (use.direction() == DatasetUseRecord.Direction.WRITTEN) {
                        dataset(use.datasetId()).ifPresent(d -> connect(nodeId, current.add(d), EdgeKind.WROTE));
                    }
                }
                for (PredictionRecord p : store.predictions(new RecordQuery(id, null, null, null, null, PREDICTIONS_SHOWN))) {
                    connect(nodeId, current.add(p, List.of()), EdgeKind.MADE);
                }
            }
            default -> {
                // nothing follows a prediction in its lineage
            }
        }
        expandedDownstream.add(nodeId);
        return size() != before;
    }

    /**
     * Hides what lies upstream (or downstream) of a node, except what is still connected to the
     * start without passing through it (the path to the start is never hidden).
     *
     * @return whether anything was hidden
     */
    public synchronized boolean collapse(String nodeId, boolean upstream) {
        Set<String> hidden = collapsible(nodeId, upstream);
        for (String id : hidden) {
            current.graph().remove(id);
            expandedUpstream.remove(id);
            expandedDownstream.remove(id);
        }
        (upstream ? expandedUpstream : expandedDownstream).remove(nodeId);
        if (hidden.contains(selection)) {
            selection = nodeId;
        }
        return !hidden.isEmpty();
    }

    private Set<String> collapsible(String nodeId, boolean upstream) {
        Graph g = current.graph();
        if (!g.contains(nodeId)) {
            return Set.of();
        }
        Set<String> kept = nodeId.equals(root) ? Set.of() : g.connected(root, nodeId);
        Graph rest = g.copy();
        for (String id : g.reachable(nodeId, upstream)) {
            if (!kept.contains(id) && !id.equals(root)) {
                rest.remove(id);
            }
        }
        if (rest.size() == g.size()) {
            return Set.of();
        }
        // What hung only off the hidden nodes (a policy step's approvals) goes with them.
        Set<String> shown = rest.connected(root, null);
        Set<String> hidden = new LinkedHashSet<>();
        for (GraphNode n : g.nodes()) {
            if (!shown.contains(n.id())) {
                hidden.add(n.id());
            }
        }
        return hidden;
    }

    // ---- selection ----

    public synchronized void select(String nodeId) {
        if (nodeId != null && !current.graph().contains(nodeId)) {
            throw new IllegalArgumentException("no node '" + nodeId + "' is shown");
        }
        selection = nodeId;
    }

    public synchronized String selection() {
        return selection;
    }

    /** What the details table shows for the selection: the node's details, without empty rows. */
    public synchronized List<Detail> details() {
        GraphNode node = selection == null ? null : current.graph().node(selection);
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

    private void addPrediction(PredictionLineage l) {
        current.add(l);
        for (ModelLineage m : l.models()) {
            expandedUpstream.add(LineageGraph.nodeId(NodeKind.MODEL, m.model().id()));
            if (m.trainingRun() != null) {
                expandedUpstream.add(LineageGraph.nodeId(NodeKind.RUN, m.trainingRun().start().id()));
            }
        }
    }

    private void addModel(ModelLineage m, String servingRun) {
        current.add(m, servingRun);
        if (m.trainingRun() != null) {
            expandedUpstream.add(LineageGraph.nodeId(NodeKind.RUN, m.trainingRun().start().id()));
        }
    }

    /** The data a run read and the models it received (each through its deployment message). */
    private void runUpstream(String runId) {
        String run = LineageGraph.nodeId(NodeKind.RUN, runId);
        for (DatasetUseRecord use : store.datasetUses(new RecordQuery(runId, null, null, null, null, MAX_ROWS))) {
            if (use.direction() == DatasetUseRecord.Direction.READ) {
                dataset(use.datasetId()).ifPresent(d -> connect(current.add(d), run, EdgeKind.READ));
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
            String deployment = deployment(message.get(), receipt, current.add(model, store.latestStatistics(model.runId())));
            connect(deployment, run, EdgeKind.SERVED);
        }
    }

    /** Where a model went: each pipeline run that received it, and predictions made there with it. */
    private void modelDownstream(String modelNode) {
        String modelId = LineageGraph.recordId(modelNode);
        for (MessageRecord message : store.messages(new RecordQuery(null, null, null, modelId, null, MAX_ROWS))) {
            for (MessageReceivedRecord receipt : store.messageReceipts(new RecordQuery(null, null, null, message.id(), null, MAX_ROWS))) {
                NodeRun receiver = store.run(receipt.receiverRunId()).orElse(null);
                if (receiver == null || receiver.start().nodeKind() != RunRecord.NodeKind.PIPELINE) {
                    continue;
                }
                String run = current.add(receiver);
                connect(deployment(message, receipt, modelNode), run, EdgeKind.SERVED);
                int shown = 0;
                for (PredictionRecord p : store.predictions(new RecordQuery(receiver.start().id(), null, null, null, null, MAX_ROWS))) {
                    if (shown >= PREDICTIONS_SHOWN) {
                        break;
                    }
                    if (p.modelIds().contains(modelId)) {
                        connect(run, current.add(p, List.of()), EdgeKind.MADE);
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
    private String deployment(MessageRecord message, MessageReceivedRecord receipt, String modelNode) {
        String node = current.add(message, receipt);
        if (!current.graph().incoming(node).isEmpty()) {
            return node;
        }
        String sender = message.senderRunId();
        if (sender != null && sender.startsWith("policy:") && sender.endsWith(":run")) {
            String step = LineageGraph.nodeId(NodeKind.POLICY_STEP, sender.substring("policy:".length(), sender.length() - ":run".length()));
            if (current.graph().contains(step)) {
                connect(step, node, EdgeKind.DEPLOYED);
                return node;
            }
        }
        connect(modelNode, node, EdgeKind.DEPLOYED);
        return node;
    }

    private Optional<DatasetRecord> dataset(String id) {
        return store.datasets(new RecordQuery(null, null, null, id, null, 1)).stream().findFirst();
    }

    private void connect(String from, String to, EdgeKind kind) {
        current.graph().connect(from, to, kind);
    }

    /** Nodes and edges shown; expanding only adds, so a change shows in it. */
    private long size() {
        return ((long) current.graph().size() << 32) | current.graph().edges().size();
    }
}
