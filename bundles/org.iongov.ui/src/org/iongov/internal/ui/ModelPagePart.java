package org.iongov.internal.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.iongov.core.store.GovernanceStore;
import org.iongov.internal.ui.graph.GraphCanvas;
import org.iongov.ui.model.graph.GraphLayout;
import org.iongov.ui.model.graph.GraphNode;
import org.iongov.ui.model.graph.LaidOutGraph;
import org.iongov.ui.model.graph.NodeKind;
import org.iongov.ui.model.lineage.LineageGraph;
import org.iongov.ui.model.modelpage.ModelPagePresenter;
import org.iongov.ui.model.modelpage.ModelPagePresenter.Match;
import org.iongov.ui.model.modelpage.ModelPagePresenter.ModelPage;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * One model's page (the paper's Figure 6): who it is, its training statistics and data, what each
 * policy node decided on it and who approved or rejected it, where it was deployed and used, its
 * lineage graph, and links to the lineage explorer, the statistics timeline and the ION timeline.
 * One part per model, made from a part descriptor by {@link ModelPages}; a page made without a
 * model asks for one. A thin shell over {@link ModelPagePresenter}: every read runs in a job.
 */
public final class ModelPagePart {

    static final String HINT = "Enter a model id (or its beginning) to see its lineage, approvals, uses and metrics.";
    static final String LINK_LINEAGE = "lineage";
    static final String LINK_STATISTICS = "statistics";
    static final String LINK_TIMELINE = "timeline";

    @Inject
    MPart part;
    @Inject
    EPartService parts;
    @Inject
    EModelService models;
    @Inject
    MApplication application;
    @Inject
    IEventBroker events;

    private GovernanceStore store;
    private ModelPagePresenter presenter;
    private final GraphLayout layout = new GraphLayout();
    private PartJobs jobs;
    private Text search;
    private Label summary;
    private Link links;
    private Table identity;
    private Table metrics;
    private Table data;
    private Table decisions;
    private Table uses;
    private GraphCanvas graph;
    private ModelPage page;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (presenter == null) {
            return; // the controls are made next, with this store
        }
        // Another connection: what was shown came from the previous store; the same model is read from the new one.
        jobs.restart();
        presenter = new ModelPagePresenter(newStore, Clock.systemUTC(), ZoneId.systemDefault());
        page = null;
        for (Table table : List.of(identity, metrics, data, decisions, uses)) {
            table.removeAll();
        }
        graph.setGraph(LaidOutGraph.EMPTY);
        showLinks();
        String modelId = part.getPersistedState().get(ModelPages.MODEL_KEY);
        if (modelId == null) {
            setSummary(HINT);
        } else {
            load(modelId);
        }
    }

    @PostConstruct
    void createControls(Composite parent) {
        presenter = new ModelPagePresenter(store, Clock.systemUTC(), ZoneId.systemDefault());
        jobs = new PartJobs(parent);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Model page");

        Composite searchRow = new Composite(parent, SWT.NONE);
        GridLayout searchLayout = new GridLayout(3, false);
        searchLayout.marginWidth = 0;
        searchLayout.marginHeight = 0;
        searchRow.setLayout(searchLayout);
        searchRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        search = new Text(searchRow, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        search.setMessage("model id or its beginning");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addListener(SWT.DefaultSelection, e -> find(search.getText()));
        Button open = new Button(searchRow, SWT.PUSH);
        open.setText("Open");
        open.addListener(SWT.Selection, e -> find(search.getText()));
        Button refresh = new Button(searchRow, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> refresh());

        summary = PartHeader.message(parent, HINT);
        links = new Link(parent, SWT.NONE);
        links.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        links.addListener(SWT.Selection, e -> follow(e.text));

        SashForm columns = new SashForm(parent, SWT.HORIZONTAL);
        columns.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm left = new SashForm(columns, SWT.VERTICAL);
        identity = section(left, "Model and training run", ModelPagePresenter.IDENTITY_COLUMNS);
        metrics = section(left, "Training statistics", ModelPagePresenter.METRIC_COLUMNS);
        data = section(left, "Data", ModelPagePresenter.DATA_COLUMNS);
        left.setWeights(55, 20, 25);
        SashForm right = new SashForm(columns, SWT.VERTICAL);
        decisions = section(right, "Approvals and rejections (per ION instance and policy node)", ModelPagePresenter.DECISION_COLUMNS);
        uses = section(right, "Where it is deployed and used", ModelPagePresenter.USE_COLUMNS);
        Composite lineageArea = sectionArea(right, "Lineage (double-click a model for its page, anything else to trace it; 0 fits)");
        graph = new GraphCanvas(lineageArea, SWT.BORDER);
        graph.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        graph.addOpenListener(this::openNode);
        right.setWeights(28, 20, 52);
        columns.setWeights(40, 60);
        showLinks();

        String modelId = part.getPersistedState().get(ModelPages.MODEL_KEY);
        if (modelId != null) {
            search.setText(modelId);
            load(modelId);
        }
    }

    @Focus
    void focus() {
        if (page == null) {
            search.setFocus();
        } else {
            decisions.setFocus();
        }
    }

    private static Composite sectionArea(Composite parent, String title) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 2;
        area.setLayout(layout);
        Label heading = new Label(area, SWT.NONE);
        heading.setText(title);
        heading.setFont(JFaceResources.getBannerFont());
        return area;
    }

    private static Table section(Composite parent, String title, List<String> columns) {
        Composite area = sectionArea(parent, title);
        return Tables.create(area, columns, SWT.SINGLE);
    }

    // ---- reading (jobs) ----

    /** Finds the model a text names: this page shows it when it has none yet, else its own page opens. */
    void find(String text) {
        String id = text == null ? "" : text.strip();
        if (id.isEmpty()) {
            setSummary(HINT);
            return;
        }
        setSummary("Looking for model '" + id + "'…");
        jobs.run("Looking for model '" + id + "'", () -> presenter.find(id), matches -> {
            if (matches.isEmpty()) {
                setSummary("No model '" + id + "' is recorded in this store.");
                return;
            }
            Match newest = matches.get(0);
            String note = matches.size() > 1 ? matches.size() + " models start with '" + id + "'; showing the newest, " + newest.modelId()
                    + "." : null;
            if (page == null || page.modelId().equals(newest.modelId())) {
                ModelPages.label(part, newest.modelId());
                search.setText(newest.modelId());
                load(newest.modelId(), note);
            } else {
                // This page keeps its model; the one found gets its own page.
                search.setText(page.modelId());
                setSummary(page.summary());
                pages().open(newest.modelId());
            }
        }, this::setSummary);
    }

    /** Reads the model's page again. */
    public void refresh() {
        String modelId = part.getPersistedState().get(ModelPages.MODEL_KEY);
        if (modelId != null) {
            load(modelId);
        }
    }

    private void load(String modelId) {
        load(modelId, null);
    }

    private void load(String modelId, String note) {
        setSummary("Reading model " + modelId + "…");
        jobs.run("Reading model " + modelId, () -> {
            try {
                return new Loaded(presenter.load(modelId, layout), null);
            } catch (IllegalArgumentException e) {
                return new Loaded(null, e.getMessage()); // no such model: said in the summary, not an error
            }
        }, loaded -> {
            if (loaded.page() == null) {
                setSummary(loaded.refusal());
            } else {
                show(loaded.page(), note);
            }
        }, this::setSummary);
    }

    /** A page read, or why there is none. */
    private record Loaded(ModelPage page, String refusal) {
    }

    private void show(ModelPage loaded, String note) {
        page = loaded;
        setSummary(loaded.summary() + (note == null ? "" : " " + note));
        Tables.fill(identity, loaded.identity().stream().map(p -> List.of(p.name(), p.value())).toList(), null, 60, 420);
        Tables.fill(metrics, loaded.metrics().stream().map(m -> m.cells()).toList(), null, 60, 420);
        Tables.fill(data, loaded.data().stream().map(d -> d.cells()).toList(), null, 60, 420);
        Tables.fill(decisions, loaded.decisions().stream().map(d -> d.cells()).toList(), null, 60, 420);
        Tables.fill(uses, loaded.uses().stream().map(u -> u.cells()).toList(), null, 60, 420);
        // At a readable zoom around the model (key 0 fits the whole graph).
        graph.setGraph(loaded.lineage().layout());
        graph.select(loaded.lineage().root());
        graph.reveal(loaded.lineage().root());
        showLinks();
    }

    private void showLinks() {
        if (page == null) {
            links.setText("");
            return;
        }
        StringBuilder text = new StringBuilder("Open: <a href=\"" + LINK_LINEAGE + "\">lineage explorer</a>");
        if (page.training() != null && page.training().statistic() != null) {
            text.append("  ·  <a href=\"" + LINK_STATISTICS + "\">training statistics of run ").append(page.training().runId())
                    .append("</a>");
        }
        if (!page.instances().isEmpty()) {
            text.append("  ·  <a href=\"" + LINK_TIMELINE + "\">ION timeline of ").append(page.instances().get(0)).append("</a>");
        }
        links.setText(text.toString());
        links.getParent().layout(true, true);
    }

    // ---- links ----

    /** Follows one of the page's links ({@link #LINK_LINEAGE}, {@link #LINK_STATISTICS}, {@link #LINK_TIMELINE}). */
    void follow(String link) {
        if (page == null || link == null) {
            return;
        }
        switch (link) {
            case LINK_LINEAGE -> trace(page.modelId());
            case LINK_STATISTICS -> {
                var run = page.training();
                if (run != null && run.statistic() != null) {
                    parts.showPart(StatisticsTimelinePart.ID, PartState.ACTIVATE);
                    events.post(StatisticsTimelinePart.TOPIC_SHOW_RUN,
                            new StatisticsTimelinePart.ShowRun(run.instanceId(), run.node(), run.runId(), run.statistic()));
                }
            }
            case LINK_TIMELINE -> {
                if (!page.instances().isEmpty()) {
                    parts.showPart(IonTimelinePart.ID, PartState.ACTIVATE);
                    events.post(IonTimelinePart.TOPIC_SHOW, page.instances().get(0));
                }
            }
            default -> {
                // not one of ours
            }
        }
    }

    private void trace(String id) {
        parts.showPart(LineageExplorerPart.ID, PartState.ACTIVATE);
        events.post(LineageExplorerPart.TOPIC_TRACE, id);
    }

    /** Double-click in the graph: another model's page, or the lineage explorer on a prediction, run or dataset. */
    private void openNode(GraphNode node) {
        if (node == null) {
            return;
        }
        String id = LineageGraph.recordId(node.id());
        if (node.kind() == NodeKind.MODEL) {
            if (page == null || !id.equals(page.modelId())) {
                pages().open(id);
            }
        } else if (node.kind() == NodeKind.PREDICTION || node.kind() == NodeKind.RUN || node.kind() == NodeKind.DATASET) {
            trace(id);
        }
    }

    private ModelPages pages() {
        return new ModelPages(parts, models, application);
    }

    private void setSummary(String text) {
        summary.setText(text);
        summary.getParent().layout(true, true);
    }

    // ---- for tests ----

    /** The model shown, null before one is. */
    public ModelPage page() {
        return page;
    }

    public String summary() {
        return summary.getText();
    }

    public Text search() {
        return search;
    }

    public Link links() {
        return links;
    }

    public Table identity() {
        return identity;
    }

    public Table metrics() {
        return metrics;
    }

    public Table data() {
        return data;
    }

    public Table decisions() {
        return decisions;
    }

    public Table uses() {
        return uses;
    }

    public GraphCanvas graph() {
        return graph;
    }

    /** A property of the identity table, as shown. */
    public String property(String name) {
        for (TableItem item : identity.getItems()) {
            if (item.getText(0).equals(name)) {
                return item.getText(1);
            }
        }
        return null;
    }

    /** Whether a read asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }
}
