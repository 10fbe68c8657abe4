package org.iongov.internal.ui;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.iongov.core.store.GovernanceStore;
import org.iongov.internal.ui.graph.GraphCanvas;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageExplorerPresenter;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.lineage.LineageExplorerPresenter.Match;
import org.iongov.ui.model.lineage.LineageExplorerPresenter.Refusal;
import org.iongov.ui.model.lineage.LineageExplorerPresenter.Search;
import org.iongov.ui.model.lineage.LineageGraph;
import org.iongov.ui.model.lineage.LineageView;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Where an investigator starts from a prediction, model, run or dataset and follows its lineage:
 * a search box, the provenance graph laid out left to right, and the details of the selected
 * node. Double-clicking a model opens its page; other nodes are traced from. A thin shell over
 * {@link LineageExplorerPresenter}: every store read and layout runs in an Eclipse {@link Job};
 * the UI thread only draws the result.
 */
public final class LineageExplorerPart {

    static final String HINT = "Enter a prediction, model, run or dataset id to trace where it came from and what used it.";
    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.lineage";
    /** Event topic other views post an id to, to trace it here (show the part first). */
    public static final String TOPIC_TRACE = "org/iongov/ui/lineage/trace";
    static final String[] DETAIL_COLUMNS = { "Property", "Value" };

    @Inject
    EPartService parts;
    @Inject
    EModelService models;
    @Inject
    MApplication application;

    private GovernanceStore store;
    private LineageExplorerPresenter presenter;
    private final GraphLayout layout = new GraphLayout();
    private PartJobs jobs;
    private Text search;
    private Label message;
    private GraphCanvas canvas;
    private Table details;
    private Button expandUpstream;
    private Button expandDownstream;
    private Button collapseUpstream;
    private Button collapseDownstream;
    private LineageView view = LineageView.EMPTY;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (presenter == null) {
            return; // the controls are made next, with this store
        }
        // Another connection: what was traced belongs to the previous store.
        jobs.restart();
        presenter = new LineageExplorerPresenter(newStore);
        view = LineageView.EMPTY;
        canvas.setGraph(LaidOutGraph.EMPTY);
        showDetails(null);
        setMessage(HINT);
    }

    @PostConstruct
    void createControls(Composite parent) {
        presenter = new LineageExplorerPresenter(store);
        jobs = new PartJobs(parent);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Lineage");

        Composite searchRow = new Composite(parent, SWT.NONE);
        GridLayout searchLayout = new GridLayout(2, false);
        searchLayout.marginWidth = 0;
        searchLayout.marginHeight = 0;
        searchRow.setLayout(searchLayout);
        searchRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        search = new Text(searchRow, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        search.setMessage("prediction, model, run or dataset id");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.DefaultSelection, e -> lookUp(search.getText()));
        Button trace = new Button(searchRow, SWT.PUSH);
        trace.setText("Trace");
        trace.addListener(SWT.Selection, e -> lookUp(search.getText()));

        message = PartHeader.message(parent, HINT);

        Composite actions = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.marginLeft = 0;
        row.center = true;
        actions.setLayout(row);
        expandUpstream = button(actions, "Expand upstream", () -> expand(true));
        expandDownstream = button(actions, "Expand downstream", () -> expand(false));
        collapseUpstream = button(actions, "Collapse upstream", () -> collapse(true));
        collapseDownstream = button(actions, "Collapse downstream", () -> collapse(false));
        button(actions, "Fit", () -> canvas.fitToView()).setToolTipText("Show the whole graph (key 0); zoom with Ctrl+wheel or +/-");

        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas = new GraphCanvas(sash, SWT.BORDER);
        canvas.addSelectionListener(this::showDetails);
        canvas.addOpenListener(this::open);
        canvas.setMenu(contextMenu());
        details = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        details.setHeaderVisible(true);
        details.setLinesVisible(true);
        for (String column : DETAIL_COLUMNS) {
            TableColumn c = new TableColumn(details, SWT.NONE);
            c.setText(column);
            c.setWidth(column.equals("Value") ? 320 : 120);
        }
        sash.setWeights(7, 3);
        showDetails(null);
    }

    @Focus
    void focus() {
        search.setFocus();
    }

    /** Traces an id sent by another view ({@link #TOPIC_TRACE}). */
    @Inject
    @Optional
    void traceRequested(@UIEventTopic(TOPIC_TRACE) String id) {
        if (search != null && !search.isDisposed() && id != null) {
            search.setText(id);
            lookUp(id);
        }
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private Menu contextMenu() {
        Menu menu = new Menu(canvas);
        MenuItem up = item(menu, "Expand upstream", () -> expand(true));
        MenuItem down = item(menu, "Expand downstream", () -> expand(false));
        MenuItem collapseUp = item(menu, "Collapse upstream", () -> collapse(true));
        MenuItem collapseDown = item(menu, "Collapse downstream", () -> collapse(false));
        new MenuItem(menu, SWT.SEPARATOR);
        MenuItem page = item(menu, "Open model page", () -> open(selectedNode()));
        MenuItem trace = item(menu, "Trace from here", () -> trace(selectedNode()));
        item(menu, "Fit to view", () -> canvas.fitToView());
        menu.addListener(SWT.Show, e -> {
            GraphNode node = selectedNode();
            String id = node == null ? null : node.id();
            up.setEnabled(view.canExpand(id, true));
            down.setEnabled(view.canExpand(id, false));
            collapseUp.setEnabled(view.canCollapse(id, true));
            collapseDown.setEnabled(view.canCollapse(id, false));
            page.setEnabled(node != null && node.kind() == NodeKind.MODEL);
            trace.setEnabled(node != null && isStart(node.kind()) && !node.id().equals(view.root()));
        });
        return menu;
    }

    private static MenuItem item(Menu menu, String text, Runnable action) {
        MenuItem item = new MenuItem(menu, SWT.PUSH);
        item.setText(text);
        item.addListener(SWT.Selection, e -> action.run());
        return item;
    }

    // ---- actions (each a job) ----

    /** Finds what the text names and shows its lineage. */
    void lookUp(String text) {
        String id = text == null ? "" : text.trim();
        if (id.isEmpty()) {
            setMessage(HINT);
            return;
        }
        run("Tracing '" + id + "'", false, p -> {
            Search found = p.search(id);
            if (found.matches().isEmpty()) {
                throw new Refusal(found.message());
            }
            Match first = found.matches().get(0);
            p.open(first.kind(), first.id());
            return found.message();
        });
    }

    /** Double-click: a model's page opens; a prediction, run or dataset is traced from. */
    private void open(GraphNode node) {
        if (node != null && node.kind() == NodeKind.MODEL) {
            new ModelPages(parts, models, application).open(LineageGraph.recordId(node.id()));
        } else {
            trace(node);
        }
    }

    /** Starts over from a node: predictions, models, runs and datasets can be starts. */
    void trace(GraphNode node) {
        if (node == null || !isStart(node.kind())) {
            return;
        }
        String id = LineageGraph.recordId(node.id());
        search.setText(id);
        run("Tracing " + node.kind().label() + " '" + id + "'", false, p -> {
            p.open(node.kind(), id);
            return "Lineage of " + node.kind().label() + " " + id + ".";
        });
    }

    private static boolean isStart(NodeKind kind) {
        return kind == NodeKind.PREDICTION || kind == NodeKind.MODEL || kind == NodeKind.RUN || kind == NodeKind.DATASET;
    }

    private void expand(boolean upstream) {
        GraphNode node = selectedNode();
        if (node == null) {
            return;
        }
        String direction = upstream ? "upstream" : "downstream";
        run("Expanding " + direction + " of " + node.label(), true, p -> (upstream ? p.expandUpstream(node.id()) : p.expandDownstream(node.id()))
                ? "Expanded " + direction + " of " + node.kind().label() + " " + node.label() + "."
                : "Nothing more is recorded " + direction + " of " + node.kind().label() + " " + node.label() + ".");
    }

    private void collapse(boolean upstream) {
        GraphNode node = selectedNode();
        if (node == null) {
            return;
        }
        String direction = upstream ? "upstream" : "downstream";
        run("Collapsing " + direction + " of " + node.label(), true, p -> p.collapse(node.id(), upstream)
                ? "Collapsed " + direction + " of " + node.kind().label() + " " + node.label() + "."
                : "Nothing " + direction + " of " + node.kind().label() + " " + node.label() + " can be hidden: it leads to the start.");
    }

    /**
     * Runs a step of the presenter in a job, lays the result out there too, then shows it on the UI
     * thread. A step the presenter refuses in the user's terms ({@link Refusal}) leaves the graph as
     * it was and says why; any other failure leaves it too, and is reported as the error it is.
     *
     * @param inPlace whether the step changes the graph around the selection (expand, collapse): the
     *     zoom stays and the selected node stays where it is drawn; else the new graph is fitted
     */
    private void run(String what, boolean inPlace, Function<LineageExplorerPresenter, String> step) {
        setMessage(what + "…");
        LineageExplorerPresenter asked = presenter;
        jobs.run(what, () -> {
            try {
                String said = step.apply(asked);
                return new Step(said, asked.view(layout));
            } catch (Refusal e) {
                return new Step(e.getMessage(), null);
            }
        }, done -> {
            if (done.view() != null) {
                show(done.view(), inPlace);
            }
            setMessage(done.message());
        }, this::setMessage);
    }

    /** What a step says, and the view to show (null when it was refused). */
    private record Step(String message, LineageView view) {
    }

    private void show(LineageView shown, boolean inPlace) {
        String selected = canvas.selection();
        view = shown;
        if (inPlace && selected != null && shown.layout().box(selected) != null) {
            canvas.updateGraph(shown.layout(), shown.expandableUpstream(), shown.expandableDownstream(), selected);
            canvas.select(selected);
            return;
        }
        canvas.setGraph(shown.layout(), shown.expandableUpstream(), shown.expandableDownstream());
        String keep = selected != null && shown.layout().box(selected) != null ? selected : shown.root();
        canvas.select(keep);
        if (keep != null) {
            canvas.reveal(keep);
        }
    }

    private void showDetails(GraphNode node) {
        details.removeAll();
        if (node != null) {
            for (GraphNode.Detail d : LineageExplorerPresenter.details(node)) {
                new TableItem(details, SWT.NONE).setText(new String[] { d.name(), d.value() });
            }
        }
        String id = node == null ? null : node.id();
        expandUpstream.setEnabled(view.canExpand(id, true));
        expandDownstream.setEnabled(view.canExpand(id, false));
        collapseUpstream.setEnabled(view.canCollapse(id, true));
        collapseDownstream.setEnabled(view.canCollapse(id, false));
    }

    private GraphNode selectedNode() {
        String id = canvas.selection();
        return id == null || view.layout().box(id) == null ? null : view.layout().box(id).node();
    }

    private void setMessage(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    // ---- for tests and other views ----

    public Text search() {
        return search;
    }

    public String message() {
        return message.getText();
    }

    public GraphCanvas canvas() {
        return canvas;
    }

    public Table details() {
        return details;
    }

    /** The buttons that expand and collapse the selection: upstream, downstream, collapse upstream, collapse downstream. */
    public List<Button> expandCollapseButtons() {
        return List.of(expandUpstream, expandDownstream, collapseUpstream, collapseDownstream);
    }

    /** What is shown now. */
    public LineageView view() {
        return view;
    }

    /** Whether a step asked for is still being computed or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }
}
