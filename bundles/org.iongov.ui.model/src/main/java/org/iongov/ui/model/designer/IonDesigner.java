package org.iongov.ui.model.designer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.model.AutomaticApproval;
import org.iongov.model.Channel;
import org.iongov.model.Component;
import org.iongov.model.ComponentKind;
import org.iongov.model.CustomPolicy;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.MessageType;
import org.iongov.model.Node;
import org.iongov.model.PipelineNode;
import org.iongov.model.Policy;
import org.iongov.model.PolicyNode;
import org.iongov.model.ThresholdCheck;
import org.iongov.model.edit.IonEditor;
import org.iongov.model.edit.Marker;
import org.iongov.model.edit.NodeTemplate;
import org.iongov.model.json.IonJsonException;
import org.iongov.model.validation.Severity;
import org.iongov.ui.model.graph.Badge;
import org.iongov.ui.model.graph.EdgeKind;
import org.iongov.ui.model.graph.Graph;
import org.iongov.ui.model.graph.GraphEdge;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.NodeKind;

/**
 * The ION designer without its widgets: one ION being designed, the level shown (the ION's nodes
 * and channels, or one pipeline's component DAG), the palette and the armed entry, the selection,
 * where each box sits, and the translation of canvas gestures (click, connect, move, double-click,
 * delete) and form edits into {@link IonEditor} commands, so that undo and redo cover every change
 * to the model. It builds the graph the canvas draws, the badges and the list of validation
 * markers, the properties form, and the JSON to save or upload.
 *
 * <p>Elements are named by ids that stay the same across undo and redo (the editor restores the
 * very same objects). Box positions are the designer's view, not part of the ION's definition:
 * placed by a click, moved by dragging, or laid out automatically (ELK layered) on demand and when
 * a level is first shown. Not thread-safe: used on the UI thread; the I/O (files, the store) is the
 * caller's, with {@link Snapshot}s.
 */
public final class IonDesigner {

    /** Prefix of the property keys of parameters ({@code parameter.seed}). */
    public static final String PARAMETER = "parameter.";
    /** The name a new ION starts with. */
    public static final String NEW_NAME = "new-ion";
    private static final String INPUT_PREFIX = "input:";
    private static final double MARGIN = 20;
    /** Space between two channels joining the same two nodes. */
    private static final double PARALLEL = 14;

    private final GraphLayout layout;
    private IonEditor editor;
    private PropertySheet sheet;
    private Path file;
    private String source;
    /** Counts every change, undo and redo: a snapshot saved is the design saved only if none came since. */
    private long changes;
    private PipelineNode opened;
    private String selection;
    private PaletteEntry armed = PaletteEntry.select();
    private final Map<EObject, String> ids = new IdentityHashMap<>();
    private final Map<String, EObject> elements = new HashMap<>();
    private long lastId;
    /** Top-left corner of each box, by element id. */
    private final Map<String, double[]> positions = new HashMap<>();
    /** Edge routes from the last automatic layout, by edge id, valid while neither end moves. */
    private final Map<String, Route> routes = new HashMap<>();
    private List<DesignMarker> markers;

    private record Route(String from, String to, double[] points) {
    }

    /** A designer on a new, empty ION, laid out with the workbench's spacing for IONs. */
    public IonDesigner() {
        this(new GraphLayout(36, 150)); // room between layers for the channels' names
    }

    public IonDesigner(GraphLayout layout) {
        this.layout = layout;
        newIon();
    }

    // ---- the document ----

    /** Starts a new, empty ION. */
    public void newIon() {
        start(IonEditor.newIon(NEW_NAME, "1"), null, "new ION");
    }

    /**
     * Opens a JSON definition, laid out automatically.
     *
     * @param source what to call it (a file name, "store: NAME version N")
     * @param file where Save writes it, or null (Save then asks where)
     * @throws IllegalArgumentException when the JSON is not a definition this IonGov reads, saying why
     */
    public void open(String json, String source, Path file) {
        IonEditor read;
        try {
            read = IonEditor.open(json);
        } catch (IonJsonException e) {
            throw new IllegalArgumentException(source + " is not an ION definition the designer can open: " + e.getMessage(), e);
        }
        start(read, file, source);
        autoLayout();
    }

    /** Opens a definition kept in a store. */
    public void open(IonDefinitionRecord stored) {
        open(stored.definitionJson(), "store: " + stored.name() + " version " + stored.version(), null);
    }

    private void start(IonEditor newEditor, Path newFile, String newSource) {
        editor = newEditor;
        sheet = new PropertySheet(newEditor);
        file = newFile;
        source = newSource;
        changes = 0;
        opened = null;
        selection = null;
        armed = PaletteEntry.select();
        ids.clear();
        elements.clear();
        positions.clear();
        routes.clear();
        markers = null;
        editor.addChangeListener(() -> {
            changes++;
            markers = null;
        });
    }

    /** The ION being designed; change it through the designer only, so that undo knows. */
    public Ion ion() {
        return editor.ion();
    }

    /** Where Save writes, or null when it has not been saved to a file yet. */
    public Path file() {
        return file;
    }

    /** Where it came from: the file's name, the stored definition, or "new ION". */
    public String source() {
        return source;
    }

    /** Whether it changed since it was opened or last saved. */
    public boolean isDirty() {
        return editor.isDirty();
    }

    /** The ION's name and where it came from, with {@code *} when changed since saved. */
    public String title() {
        return (isDirty() ? "*" : "") + orNoName(ion().getName()) + " (" + source + ")";
    }

    /** The ION as it is now, to write or upload off the UI thread. */
    public Snapshot snapshot() {
        return new Snapshot(ion().getName(), editor.toJson(), changes);
    }

    /** A snapshot was written to {@code to}: Save writes there from now on; the design is saved unless it changed since. */
    public void saved(Snapshot snapshot, Path to) {
        file = to;
        source = to.getFileName().toString();
        if (snapshot.change() == changes) {
            editor.saved();
        }
    }

    /**
     * The snapshot to upload, when the ION has no errors.
     *
     * @throws IllegalArgumentException naming the errors (the first few) when it has any
     */
    public Snapshot uploadable() {
        List<DesignMarker> errors = markers().stream().filter(m -> m.severity() == Badge.ERROR).toList();
        if (!errors.isEmpty()) {
            StringBuilder why = new StringBuilder("ION '" + orNoName(ion().getName()) + "' was not uploaded: it has " + errors.size()
                    + (errors.size() == 1 ? " error" : " errors") + " (listed below the canvas). ");
            errors.stream().limit(3).forEach(m -> why.append(m.element()).append(": ").append(m.message()).append(". "));
            if (errors.size() > 3) {
                why.append("And ").append(errors.size() - 3).append(" more.");
            }
            throw new IllegalArgumentException(why.toString().strip());
        }
        return snapshot();
    }

    /** Stores a snapshot as the next version of its ION (I/O: call it off the UI thread). */
    public static IonDefinitionRecord upload(GovernanceStore store, Snapshot snapshot, String actor) {
        return store.addIonDefinition(snapshot.name(), snapshot.json(), actor);
    }

    // ---- levels ----

    /** The pipeline whose components are shown, or null when the ION's nodes are. */
    public PipelineNode openedPipeline() {
        return opened;
    }

    /** Where the canvas is: {@code ION name} or {@code ION name › pipeline (components)}. */
    public String level() {
        String ionLevel = "ION " + orNoName(ion().getName());
        return opened == null ? ionLevel : ionLevel + " › " + orNoName(opened.getName()) + " (components)";
    }

    /**
     * Shows a pipeline's component DAG (a double-click on it does this).
     *
     * @return whether the element is a pipeline of the ION (else nothing happens)
     */
    public boolean openPipeline(String nodeId) {
        if (!(element(nodeId) instanceof PipelineNode pipeline)) {
            return false;
        }
        opened = pipeline;
        selection = null;
        armed = PaletteEntry.select();
        return true;
    }

    /** Back to the ION's nodes and channels, with the pipeline that was open selected. */
    public void backToIon() {
        if (opened == null) {
            return;
        }
        String was = id(opened);
        opened = null;
        armed = PaletteEntry.select();
        selection = was;
    }

    // ---- palette ----

    /** The palette of the level shown: nodes and channels, or components and inputs; "Select" first. */
    public List<PaletteEntry> palette() {
        List<PaletteEntry> entries = new ArrayList<>();
        entries.add(PaletteEntry.select());
        if (opened == null) {
            for (NodeTemplate template : NodeTemplate.values()) {
                entries.add(PaletteEntry.node(template));
            }
            for (MessageType message : MessageType.VALUES) {
                entries.add(PaletteEntry.channel(message));
            }
        } else {
            for (ComponentKind kind : ComponentKind.VALUES) {
                entries.add(PaletteEntry.component(kind));
            }
            entries.add(PaletteEntry.input());
        }
        return entries;
    }

    /** The entry the next canvas gesture uses. */
    public PaletteEntry armed() {
        return armed;
    }

    public void arm(String entryId) {
        armed = entry(entryId);
    }

    private PaletteEntry entry(String entryId) {
        return palette().stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "'" + entryId + "' is not in the palette " + (opened == null ? "of the ION" : "of a pipeline's components")));
    }

    // ---- gestures ----

    /**
     * A click on the canvas' background, in graph coordinates: places what the armed entry makes
     * there (then "Select" is armed again), else clears the selection.
     *
     * @return the id of what was placed, or null
     */
    public String clickCanvas(double x, double y) {
        if (!armed.places()) {
            selection = null;
            return null;
        }
        String id = place(armed.id(), x, y);
        armed = PaletteEntry.select();
        return id;
    }

    /**
     * Places a node (or, in a pipeline, a component) from a palette entry centred on a point: a
     * drop from the palette. The new element is selected.
     *
     * @return its id
     */
    public String place(String entryId, double x, double y) {
        PaletteEntry entry = entry(entryId);
        EObject made = switch (entry.tool()) {
            case ADD_NODE -> editor.add(entry.template());
            case ADD_COMPONENT -> editor.addComponent(opened, entry.component());
            default -> throw new IllegalArgumentException("'" + entry.label() + "' is not placed on the canvas: "
                    + (entry.connects() ? "click the two things it connects" : "pick a node in the palette"));
        };
        String id = id(made);
        GraphNode box = graphNode(made);
        positions.put(id, new double[] { Math.max(MARGIN, x - box.width() / 2), Math.max(MARGIN, y - box.height() / 2) });
        selection = id;
        return id;
    }

    /**
     * Joins two boxes clicked one after the other with the armed connection: a channel of its
     * message type between two nodes, or an input edge between two components. The new edge is
     * selected.
     *
     * @return its id
     * @throws IllegalArgumentException when no connection is armed or the editor refuses (a cycle
     *         of components, a duplicate channel), saying why
     */
    public String connect(String fromId, String toId) {
        EObject from = element(fromId);
        EObject to = element(toId);
        if (armed.tool() == PaletteEntry.Tool.CONNECT_CHANNEL && from instanceof Node a && to instanceof Node b) {
            selection = id(editor.connect(a, b, armed.message()));
            return selection;
        }
        if (armed.tool() == PaletteEntry.Tool.CONNECT_COMPONENTS && from instanceof Component a && to instanceof Component b) {
            editor.connect(a, b);
            selection = inputId(a, b);
            return selection;
        }
        throw new IllegalArgumentException(opened == null ? "Pick a channel in the palette, then click the sending and the receiving node."
                : "Pick 'Input (runs after)' in the palette, then click the component that runs first and the one after it.");
    }

    /** A box was dragged: its top-left corner is now at (x, y) in graph coordinates. */
    public void moved(String id, double x, double y) {
        if (!currentGraph().contains(id)) {
            return;
        }
        positions.put(id, new double[] { Math.max(0, x), Math.max(0, y) });
        routes.values().removeIf(r -> r.from().equals(id) || r.to().equals(id));
    }

    /** A double-click: opens a pipeline's components; anything else is just selected. */
    public boolean open(String id) {
        if (opened == null && openPipeline(id)) {
            return true;
        }
        select(id);
        return false;
    }

    /** Selects a node, channel, component or input edge of the level shown (anything else: nothing). */
    public void select(String id) {
        Graph graph = currentGraph();
        selection = id != null && (graph.contains(id) || graph.edge(id) != null) ? id : null;
    }

    /** The selected node's or edge's id, or null (the ION itself is then what the form shows). */
    public String selection() {
        return selection;
    }

    /** The selected node, channel or component, or null (nothing, or an input edge, is selected). */
    public EObject selectedElement() {
        return selection == null || selection.startsWith(INPUT_PREFIX) ? null : element(selection);
    }

    /**
     * Deletes what is selected: a node with its channels, a channel, a component, an input edge.
     *
     * @return whether anything was selected
     */
    public boolean deleteSelection() {
        if (selection == null) {
            return false;
        }
        Component[] input = input(selection);
        if (input != null) {
            editor.disconnect(input[0], input[1]);
        } else {
            editor.delete(element(selection));
        }
        selection = null;
        return true;
    }

    public boolean canUndo() {
        return editor.canUndo();
    }

    public boolean canRedo() {
        return editor.canRedo();
    }

    /** "Undo Add human approval", or null. */
    public String undoLabel() {
        return editor.canUndo() ? "Undo " + editor.undoLabel() : null;
    }

    public String redoLabel() {
        return editor.canRedo() ? "Redo " + editor.redoLabel() : null;
    }

    public void undo() {
        if (editor.canUndo()) {
            editor.undo();
            afterUndoOrRedo();
        }
    }

    public void redo() {
        if (editor.canRedo()) {
            editor.redo();
            afterUndoOrRedo();
        }
    }

    /** What undo or redo took away may have been open or selected. */
    private void afterUndoOrRedo() {
        if (opened != null && !isPartOfIon(opened)) {
            opened = null;
            armed = PaletteEntry.select();
        }
        select(selection);
    }

    /** Lays the level shown out automatically (ELK layered, left to right). */
    public void autoLayout() {
        LaidOutGraph laidOut = layout.layout(currentGraph());
        for (LaidOutGraph.Box box : laidOut.boxes().values()) {
            positions.put(box.node().id(), new double[] { box.x(), box.y() });
        }
        for (LaidOutGraph.EdgePath path : laidOut.paths()) {
            routes.put(path.edge().id(), new Route(path.edge().from(), path.edge().to(), path.points()));
        }
    }

    // ---- what the canvas draws ----

    /**
     * The level shown with its boxes where they were placed (a level shown for the first time is
     * laid out automatically; a node added otherwise, say by opening a file, goes right of the
     * rest), channels routed as last laid out or, once an end moved, straight.
     */
    public LaidOutGraph graph() {
        Graph graph = currentGraph();
        if (graph.size() > 0 && graph.nodes().stream().noneMatch(n -> positions.containsKey(n.id()))) {
            autoLayout();
        }
        double right = 0;
        for (GraphNode node : graph.nodes()) {
            double[] p = positions.get(node.id());
            if (p != null) {
                right = Math.max(right, p[0] + node.width());
            }
        }
        Map<String, LaidOutGraph.Box> boxes = new LinkedHashMap<>();
        double nextY = MARGIN;
        double width = 0;
        double height = 0;
        for (GraphNode node : graph.nodes()) {
            double[] p = positions.get(node.id());
            if (p == null) {
                p = new double[] { right + 60, nextY };
                nextY += node.height() + 30;
                positions.put(node.id(), p);
            }
            boxes.put(node.id(), new LaidOutGraph.Box(node, p[0], p[1], node.width(), node.height()));
            width = Math.max(width, p[0] + node.width() + MARGIN);
            height = Math.max(height, p[1] + node.height() + MARGIN);
        }
        List<LaidOutGraph.EdgePath> paths = new ArrayList<>();
        Map<String, List<GraphEdge>> between = new HashMap<>();
        for (GraphEdge edge : graph.edges()) {
            between.computeIfAbsent(pairKey(edge), k -> new ArrayList<>()).add(edge);
        }
        for (GraphEdge edge : graph.edges()) {
            Route route = routes.get(edge.id());
            double[] points = route != null && route.from().equals(edge.from()) && route.to().equals(edge.to()) ? route.points()
                    : straight(edge, boxes, between.get(pairKey(edge)));
            paths.add(new LaidOutGraph.EdgePath(edge, points));
            for (int i = 0; i + 1 < points.length; i += 2) {
                width = Math.max(width, points[i] + MARGIN);
                height = Math.max(height, points[i + 1] + MARGIN);
            }
        }
        return new LaidOutGraph(graph, boxes, paths, width, height);
    }

    private static String pairKey(GraphEdge edge) {
        return edge.from().compareTo(edge.to()) < 0 ? edge.from() + " " + edge.to() : edge.to() + " " + edge.from();
    }

    /** A straight route between two boxes' borders, shifted sideways when several edges join the same two boxes. */
    private static double[] straight(GraphEdge edge, Map<String, LaidOutGraph.Box> boxes, List<GraphEdge> parallel) {
        LaidOutGraph.Box a = boxes.get(edge.from());
        LaidOutGraph.Box b = boxes.get(edge.to());
        double ax = a.x() + a.width() / 2;
        double ay = a.y() + a.height() / 2;
        double bx = b.x() + b.width() / 2;
        double by = b.y() + b.height() / 2;
        // Shift perpendicular to the pair's direction taken one fixed way, so opposite edges part.
        boolean forward = edge.from().compareTo(edge.to()) < 0;
        double dx = forward ? bx - ax : ax - bx;
        double dy = forward ? by - ay : ay - by;
        double length = Math.hypot(dx, dy);
        if (length > 0 && parallel.size() > 1) {
            double shift = (parallel.indexOf(edge) - (parallel.size() - 1) / 2.0) * PARALLEL;
            double nx = -dy / length * shift;
            double ny = dx / length * shift;
            ax += nx;
            ay += ny;
            bx += nx;
            by += ny;
        }
        double ex = bx - ax;
        double ey = by - ay;
        double leave = exit(a, ex, ey);
        double enter = exit(b, ex, ey);
        if (leave + enter >= 1) {
            return new double[] { ax, ay, bx, by }; // overlapping boxes: centre to centre
        }
        return new double[] { ax + leave * ex, ay + leave * ey, bx - enter * ex, by - enter * ey };
    }

    /** How far along (dx, dy), as a fraction, a line from a box's centre leaves the box. */
    private static double exit(LaidOutGraph.Box box, double dx, double dy) {
        double tx = dx == 0 ? Double.MAX_VALUE : box.width() / 2 / Math.abs(dx);
        double ty = dy == 0 ? Double.MAX_VALUE : box.height() / 2 / Math.abs(dy);
        return Math.min(tx, ty);
    }

    /** The nodes and edges of the level shown, without positions. */
    private Graph currentGraph() {
        Graph graph = new Graph();
        if (opened == null) {
            for (Node node : ion().getNodes()) {
                graph.add(graphNode(node));
            }
            for (Channel channel : ion().getChannels()) {
                if (channel.getFrom() != null && channel.getTo() != null && graph.contains(id(channel.getFrom()))
                        && graph.contains(id(channel.getTo()))) {
                    graph.connect(new GraphEdge(id(channel), id(channel.getFrom()), id(channel.getTo()), edgeKind(channel),
                            orNoName(channel.getName())));
                }
            }
        } else {
            for (Component component : opened.getComponents()) {
                graph.add(graphNode(component));
            }
            for (Component component : opened.getComponents()) {
                for (Component input : component.getInputs()) {
                    if (input.eContainer() == opened) {
                        graph.connect(new GraphEdge(inputId(input, component), id(input), id(component), EdgeKind.COMPONENT_INPUT, ""));
                    }
                }
            }
        }
        return graph;
    }

    private GraphNode graphNode(EObject element) {
        if (element instanceof PipelineNode pipeline) {
            NodeKind kind = !pipeline.isSetRole() ? NodeKind.PIPELINE : switch (pipeline.getRole()) {
                case TRAINING, ENSEMBLE_MEMBER -> NodeKind.TRAINING_PIPELINE;
                case INFERENCE -> NodeKind.INFERENCE_PIPELINE;
                case CONTROL -> NodeKind.CONTROL_PIPELINE;
            };
            String what = literal(pipeline.isSetRole(), pipeline.getRole()) + " · " + literal(pipeline.isSetEngine(), pipeline.getEngine())
                    + " · " + literal(pipeline.isSetMode(), pipeline.getMode());
            return box(id(pipeline), kind, orNoName(pipeline.getName()), what);
        }
        if (element instanceof PolicyNode policy) {
            return box(id(policy), NodeKind.POLICY_NODE, orNoName(policy.getName()), policyText(policy.getPolicy()));
        }
        Component component = (Component) element;
        return box(id(component), NodeKind.COMPONENT, orNoName(component.getName()), literal(component.isSetKind(), component.getKind()));
    }

    /** A box wide enough for its name in bold (the names are what a designer reads and clicks). */
    private static GraphNode box(String id, NodeKind kind, String label, String sublabel) {
        double width = Math.min(280, Math.max(120, Math.max(label.length() * 8.2, sublabel.length() * 7) + 24));
        return new GraphNode(id, kind, label, sublabel, List.of(), width, GraphNode.HEIGHT);
    }

    private static String policyText(Policy policy) {
        if (policy instanceof HumanApproval h) {
            return "human approval · " + h.getApprovalsRequired() + " × " + (h.getApproverRole() == null ? "?" : h.getApproverRole());
        }
        if (policy instanceof ThresholdCheck t) {
            return "threshold · " + (t.getStatistic() == null ? "?" : t.getStatistic()) + " "
                    + literal(t.isSetComparison(), t.getComparison()) + " " + (t.isSetValue() ? number(t.getValue()) : "?");
        }
        if (policy instanceof AutomaticApproval) {
            return "automatic approval";
        }
        if (policy instanceof CustomPolicy) {
            return "custom policy";
        }
        return "policy ?";
    }

    private static EdgeKind edgeKind(Channel channel) {
        return channelKind(channel.isSetMessage() ? channel.getMessage() : MessageType.MODEL);
    }

    /** How a channel carrying such messages is drawn. */
    static EdgeKind channelKind(MessageType message) {
        return switch (message) {
            case MODEL -> EdgeKind.MODEL_CHANNEL;
            case EVENT -> EdgeKind.EVENT_CHANNEL;
            case STATISTIC -> EdgeKind.STATISTIC_CHANNEL;
        };
    }

    /** What each box and edge of the level shown is marked with: the worst of its problems (a pipeline also carries its components'). */
    public Map<String, Badge> badges() {
        Map<String, Badge> badges = new HashMap<>();
        for (DesignMarker marker : markers()) {
            EObject element = marker.elementId() == null ? null : element(marker.elementId());
            String target = null;
            if (opened == null && (element instanceof Node || element instanceof Channel)) {
                target = marker.elementId();
            } else if (opened == null && element instanceof Component c && c.eContainer() instanceof PipelineNode p) {
                target = id(p);
            } else if (opened != null && element instanceof Component c && c.eContainer() == opened) {
                target = marker.elementId();
            }
            if (target != null) {
                badges.merge(target, marker.severity(), (x, y) -> x == Badge.ERROR || y == Badge.ERROR ? Badge.ERROR : Badge.WARNING);
            }
        }
        return badges;
    }

    /** The validator's problems for the whole ION, errors first, each on the element it concerns. */
    public List<DesignMarker> markers() {
        if (markers == null) {
            List<DesignMarker> fresh = new ArrayList<>();
            for (Marker m : editor.validate()) {
                EObject element = m.element();
                boolean whole = element == null || element == ion();
                fresh.add(new DesignMarker(whole ? null : id(element), m.severity() == Severity.ERROR ? Badge.ERROR : Badge.WARNING,
                        where(element), m.message()));
            }
            fresh.sort(Comparator.comparing(m -> m.severity() == Badge.ERROR ? 0 : 1));
            markers = List.copyOf(fresh);
        }
        return markers;
    }

    /** Goes to the element a marker concerns: its level, and selects it. */
    public void show(DesignMarker marker) {
        EObject element = marker.elementId() == null ? null : element(marker.elementId());
        if (element instanceof Component c && c.eContainer() instanceof PipelineNode pipeline) {
            if (opened != pipeline) {
                openPipeline(id(pipeline));
            }
            select(marker.elementId());
        } else if (element instanceof Node || element instanceof Channel) {
            if (opened != null) {
                backToIon();
            }
            select(marker.elementId());
        } else {
            selection = null;
        }
    }

    /** One line on the whole: nodes, channels, errors and warnings. */
    public String summary() {
        long errors = markers().stream().filter(m -> m.severity() == Badge.ERROR).count();
        long warnings = markers().size() - errors;
        String problems = errors + warnings == 0 ? "valid" : plural(errors, "error") + ", " + plural(warnings, "warning");
        return plural(ion().getNodes().size(), "node") + ", " + plural(ion().getChannels().size(), "channel") + ": " + problems;
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    // ---- the properties form ----

    /** The rows of the properties form for the selection (the ION itself when nothing is selected). */
    public List<Property> properties() {
        Component[] input = selection == null ? null : input(selection);
        return sheet.rows(ion(), input == null ? selectedElement() : null, input);
    }

    /**
     * Changes one property of the selection (the ION when nothing is selected), as one command.
     * An unchanged value changes nothing; a blank parameter value removes the parameter.
     *
     * @throws IllegalArgumentException when the value does not fit (not a number, not a choice),
     *         saying why; nothing changes then
     */
    public void setProperty(String key, String value) {
        sheet.set(ion(), selectedElement(), properties(), key, value);
    }

    /** Whether the selection takes parameters (a pipeline or a component): the form then offers to add one. */
    public boolean selectionTakesParameters() {
        return PropertySheet.takesParameters(selectedElement());
    }

    /**
     * Adds a parameter to the selected pipeline or component: a value that reads as a number or
     * true/false is one; quote it to keep it text.
     */
    public void addParameter(String key, String value) {
        sheet.addParameter(selectedElement(), properties(), key, value);
    }

    // ---- ids ----

    /** The designer's id of a node, channel or component (stable across undo and redo). */
    public String idOf(EObject element) {
        return id(element);
    }

    /** The node, channel or component with that id, while it is part of the ION; else null. */
    public EObject element(String id) {
        EObject element = id == null ? null : elements.get(id);
        return element != null && isPartOfIon(element) ? element : null;
    }

    /** The id of the edge that makes {@code from} an input of {@code to}. */
    public String inputId(Component from, Component to) {
        return INPUT_PREFIX + id(from) + ">" + id(to);
    }

    private Component[] input(String id) {
        if (!id.startsWith(INPUT_PREFIX)) {
            return null;
        }
        String[] ends = id.substring(INPUT_PREFIX.length()).split(">", 2);
        if (ends.length == 2 && element(ends[0]) instanceof Component from && element(ends[1]) instanceof Component to
                && to.getInputs().contains(from)) {
            return new Component[] { from, to };
        }
        return null;
    }

    private String id(EObject element) {
        return ids.computeIfAbsent(element, e -> {
            String id = "e" + ++lastId;
            elements.put(id, e);
            return id;
        });
    }

    private boolean isPartOfIon(EObject element) {
        return EcoreUtil.getRootContainer(element) == ion();
    }

    private String where(EObject element) {
        if (element instanceof Node n) {
            return "node " + orNoName(n.getName());
        }
        if (element instanceof Channel c) {
            return "channel " + orNoName(c.getName());
        }
        if (element instanceof Component c && c.eContainer() instanceof Node n) {
            return "component " + orNoName(n.getName()) + " / " + orNoName(c.getName());
        }
        return "ION";
    }

    private static String literal(boolean set, Enumerator value) {
        return set && value != null ? value.getLiteral() : "?";
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String orNoName(String name) {
        return name == null || name.isBlank() ? "(no name)" : name;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
