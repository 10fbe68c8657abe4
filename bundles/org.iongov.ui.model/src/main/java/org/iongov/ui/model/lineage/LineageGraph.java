package org.iongov.ui.model.lineage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iongov.core.lineage.ControlResult;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.ui.model.graph.EdgeKind;
import org.iongov.ui.model.graph.Graph;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.GraphNode.Detail;
import org.iongov.ui.model.graph.NodeKind;

/**
 * The provenance graph of what the lineage explorer shows, built from the core's lineage results
 * and records: datasets, runs, models, policy steps, approvals, deployments and predictions, with
 * edges pointing downstream. Node ids are derived from record ids ({@link #nodeId}), so adding the
 * same record twice (from two lineage results) gives one node.
 */
public final class LineageGraph {

    private static final int DIGEST_SHOWN = 12;

    private final Graph graph;

    public LineageGraph() {
        this(new Graph());
    }

    private LineageGraph(Graph graph) {
        this.graph = graph;
    }

    /** An independent copy, to change without changing this one. */
    public LineageGraph copy() {
        return new LineageGraph(graph.copy());
    }

    public Graph graph() {
        return graph;
    }

    /** The node id of a record of the given kind: the kind's name and the record's id. */
    public static String nodeId(NodeKind kind, String recordId) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + recordId;
    }

    /** The record id inside a node id. */
    public static String recordId(String nodeId) {
        return nodeId.substring(nodeId.indexOf(':') + 1);
    }

    /** A prediction and everything upstream of it: its run, models and their paths. */
    public String add(PredictionLineage lineage) {
        String prediction = add(lineage.prediction(), lineage.control());
        String run = add(lineage.inferenceRun());
        graph.connect(run, prediction, EdgeKind.MADE);
        for (ModelLineage model : lineage.models()) {
            add(model, run);
        }
        return prediction;
    }

    /**
     * A model's path: the run that trained it and its data, the policy steps it passed with the
     * people who decided there, and the deployment that brought it to {@code servingRun}.
     *
     * @param servingRun the node of the run that used the model, or null; a run not in the graph
     *     (hidden meanwhile) gets no edge rather than a failure
     * @return the model's node
     */
    public String add(ModelLineage lineage, String servingRun) {
        String model = add(lineage.model(), lineage.statistics());
        if (lineage.trainingRun() != null) {
            String training = add(lineage.trainingRun());
            graph.connect(training, model, EdgeKind.TRAINED);
            for (ModelLineage.DatasetUse use : lineage.datasets()) {
                String dataset = add(use.dataset());
                if ("read".equals(use.direction())) {
                    graph.connect(dataset, training, EdgeKind.READ);
                } else {
                    graph.connect(training, dataset, EdgeKind.WROTE);
                }
            }
        }
        String last = model;
        for (ModelLineage.PolicyStep step : lineage.policySteps()) {
            String node = add(step);
            graph.connect(last, node, EdgeKind.PASSED);
            for (HumanActionRecord action : step.humanActions()) {
                graph.connect(add(action), node, EdgeKind.DECIDED);
            }
            last = node;
        }
        ModelLineage.Deployment deployment = lineage.deployment();
        if (deployment != null) {
            String node = add(deployment);
            graph.connect(last, node, EdgeKind.DEPLOYED);
            String receiver = deployment.receiverRunId() == null ? null : nodeId(NodeKind.RUN, deployment.receiverRunId());
            if (receiver != null && graph.contains(receiver)) {
                graph.connect(node, receiver, EdgeKind.SERVED);
            } else if (servingRun != null && graph.contains(servingRun)) {
                graph.connect(node, servingRun, EdgeKind.SERVED);
            }
        } else if (servingRun != null && graph.contains(servingRun)) {
            graph.connect(last, servingRun, EdgeKind.SERVED);
        }
        return model;
    }

    public String add(PredictionRecord p, List<ControlResult> control) {
        List<Detail> details = new ArrayList<>(List.of(new Detail("prediction", p.id()), new Detail("made", time(p.time())),
                new Detail("run", p.runId()), new Detail("models", String.join(", ", p.modelIds())),
                new Detail("input digest", p.inputDigest()), new Detail("input", p.inputJson()), new Detail("output", p.outputJson())));
        for (ControlResult c : control) {
            details.add(new Detail("control " + (c.run() == null ? c.prediction().runId() : c.run().start().node()),
                    c.prediction().outputJson() + (c.agrees() ? " (agrees)" : " (DISAGREES, difference " + c.difference() + ")")));
        }
        return put(GraphNode.of(nodeId(NodeKind.PREDICTION, p.id()), NodeKind.PREDICTION, p.id(), p.outputJson(), details));
    }

    public String add(NodeRun run) {
        RunRecord r = run.start();
        List<Detail> details = List.of(new Detail("run", r.id()), new Detail("node", r.node()),
                new Detail("node kind", r.nodeKind().name().toLowerCase(Locale.ROOT)), new Detail("ION instance", r.instanceId()),
                new Detail("started", time(r.startedAt())), new Detail("status", run.status() == null ? "" : run.status().name().toLowerCase(Locale.ROOT)),
                new Detail("ended", time(run.endedAt())),
                new Detail("engine", join(r.engine(), r.engineVersion())), new Detail("host", r.host()), new Detail("agent", r.agent()),
                new Detail("code", r.codeUri() == null ? null : r.codeUri() + (r.codeVersion() == null ? "" : " @ " + r.codeVersion())),
                new Detail("configuration", r.configurationJson()), new Detail("started by", r.startedBy()));
        return put(GraphNode.of(nodeId(NodeKind.RUN, r.id()), NodeKind.RUN, r.node(), "run " + r.id(), details));
    }

    public String add(ModelRecord m, Map<String, Double> statistics) {
        List<Detail> details = new ArrayList<>(List.of(new Detail("model", m.id()), new Detail("name", m.name()),
                new Detail("format", m.format() == null ? null : m.format().name()), new Detail("sha256", m.sha256()),
                new Detail("size", m.size() + " bytes"), new Detail("created", time(m.createdAt())), new Detail("training run", m.runId()),
                new Detail("location", m.location())));
        if (statistics != null) {
            statistics.forEach((name, value) -> details.add(new Detail("statistic " + name, Double.toString(value))));
        }
        String sub = (m.name() == null ? "" : m.name() + "  ") + "sha256 " + shortDigest(m.sha256());
        return put(GraphNode.of(nodeId(NodeKind.MODEL, m.id()), NodeKind.MODEL, m.id(), sub, details));
    }

    public String add(DatasetRecord d) {
        List<Detail> details = List.of(new Detail("dataset", d.id()), new Detail("uri", d.uri()), new Detail("digest", d.digest()),
                new Detail("size", d.size() < 0 ? "unknown" : d.size() + " bytes"), new Detail("recorded", time(d.recordedAt())),
                new Detail("schema", d.schemaJson()));
        String uri = d.uri() == null ? d.id() : d.uri();
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        return put(GraphNode.of(nodeId(NodeKind.DATASET, d.id()), NodeKind.DATASET, name.isEmpty() ? d.id() : name,
                "digest " + shortDigest(d.digest()), details));
    }

    public String add(ModelLineage.PolicyStep step) {
        List<Detail> details = new ArrayList<>(List.of(new Detail("policy node", step.node()), new Detail("outcome", step.outcome()),
                new Detail("decided", time(step.time())), new Detail("reason", step.reason()), new Detail("message", step.messageId())));
        for (HumanActionRecord h : step.humanActions()) {
            details.add(new Detail(h.action() + " by", h.actor() + " (" + h.role() + ")"));
        }
        return put(GraphNode.of(nodeId(NodeKind.POLICY_STEP, step.messageId()), NodeKind.POLICY_STEP, step.node(), step.outcome(),
                details));
    }

    public String add(HumanActionRecord h) {
        List<Detail> details = List.of(new Detail("actor", h.actor()), new Detail("role", h.role()), new Detail("action", h.action()),
                new Detail("subject", h.subjectType() + " " + h.subjectId()), new Detail("policy node", h.policyNode()),
                new Detail("time", time(h.time())), new Detail("comment", h.comment()));
        return put(GraphNode.of(nodeId(NodeKind.APPROVAL, h.id()), NodeKind.APPROVAL, h.actor(), h.action() + " (" + h.role() + ")",
                details));
    }

    public String add(ModelLineage.Deployment d) {
        List<Detail> details = List.of(new Detail("message", d.messageId()), new Detail("channel", d.channel()),
                new Detail("sent", time(d.sentAt())), new Detail("received by run", d.receiverRunId()),
                new Detail("received", time(d.receivedAt())));
        return put(GraphNode.of(nodeId(NodeKind.DEPLOYMENT, d.messageId()), NodeKind.DEPLOYMENT, "deployment", d.channel(), details));
    }

    /** A deployment seen from the run that received the model. */
    public String add(MessageRecord message, MessageReceivedRecord receipt) {
        return add(new ModelLineage.Deployment(message.id(), message.channel(), message.sentAt(),
                receipt == null ? null : receipt.receiverRunId(), receipt == null ? null : receipt.receivedAt()));
    }

    private String put(GraphNode node) {
        graph.add(node);
        return node.id();
    }

    static String shortDigest(String digest) {
        if (digest == null || digest.isEmpty()) {
            return "unknown";
        }
        return digest.length() <= DIGEST_SHOWN ? digest : digest.substring(0, DIGEST_SHOWN) + "…";
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }
}
