package org.iongov.internal.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Chart;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Grouping;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.PlotSeries;
import org.iongov.ui.model.statistics.StatisticsTimelinePresenter.Selection;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartProgressEvent;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.swt.ChartComposite;
import org.jfree.data.xy.DefaultXYDataset;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * A statistic across runs and time (accuracy per training run, latency of an inference pipeline,
 * drift): pick an ION instance, a node (or all) and a statistic; each node (or run) is one line,
 * reduced to the chart's pixel width by the presenter. JFreeChart draws it on SWT: drag a
 * rectangle or turn the mouse wheel to zoom, hover a line for its value, right-click for more.
 * Every store read runs in a job.
 */
public final class StatisticsTimelinePart {

    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.statistics";
    static final String EMPTY_MESSAGE = "No statistics are recorded in this store yet.";
    static final String ALL_NODES = "all nodes";
    /** Event topic other views post a {@link ShowRun} to, to show a run's statistics here (show the part first). */
    public static final String TOPIC_SHOW_RUN = "org/iongov/ui/statistics/showRun";

    /**
     * A run whose statistic to show: one line per run of its node, so that the run is seen among
     * the others.
     */
    public record ShowRun(String instanceId, String node, String runId, String statistic) {
    }

    private GovernanceStore store;

    private StatisticsTimelinePresenter presenter;
    private PartJobs jobs;
    private Label message;
    private InstanceCombo instance;
    private Combo node;
    private Combo statistic;
    private Combo grouping;
    private ChartComposite chartComposite;
    private Chart shown;
    private int draws;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (presenter == null) {
            return; // the controls are made next, with this store
        }
        jobs.restart();
        presenter = new StatisticsTimelinePresenter(newStore);
        loadInstances();
    }

    @PostConstruct
    void createControls(Composite parent) {
        presenter = new StatisticsTimelinePresenter(store);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Statistics timeline");
        message = PartHeader.message(parent, EMPTY_MESSAGE);
        jobs = new PartJobs(parent);

        Composite choices = new Composite(parent, SWT.NONE);
        choices.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout row = new GridLayout(9, false);
        row.marginWidth = 0;
        choices.setLayout(row);
        instance = new InstanceCombo(choices, 220, this::instanceChosen);
        node = combo(choices, "Node", 150);
        statistic = combo(choices, "Statistic", 180);
        grouping = combo(choices, "One line per", 60);
        for (Grouping g : Grouping.values()) {
            grouping.add(g.label());
        }
        grouping.select(0);
        Button reset = new Button(choices, SWT.PUSH);
        reset.setText("Reset zoom");
        reset.addListener(SWT.Selection, e -> chartComposite.restoreAutoBounds());
        node.addListener(SWT.Selection, e -> nodeChosen());
        statistic.addListener(SWT.Selection, e -> draw());
        grouping.addListener(SWT.Selection, e -> draw());

        JFreeChart chart = chart(new DefaultXYDataset(), "value");
        // Drawn at its real size (no scaling), no "save as" (jfreechart-swt 1.0 saves through an API JFreeChart 1.5 renamed).
        chartComposite = new ChartComposite(parent, SWT.BORDER, chart, 600, 400, 100, 80, 8000, 6000, true, true, false, true, true, true);
        chartComposite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chartComposite.setDomainZoomable(true);
        chartComposite.setRangeZoomable(true);
        chartComposite.setDisplayToolTips(true);
        // The wheel zooms time around the pointer, through JFreeChart's own zoom (its canvas gets the mouse).
        plotCanvas().addListener(SWT.MouseVerticalWheel, e -> {
            if (e.count > 0) {
                chartComposite.zoomInDomain(e.x, e.y);
            } else if (e.count < 0) {
                chartComposite.zoomOutDomain(e.x, e.y);
            }
        });
        chartComposite.addListener(SWT.Resize, e -> {
            // Wider than what was read for: read again, so each pixel column still has its points.
            if (shown != null && chartComposite.getClientArea().width > shown.width() * 5 / 4) {
                draw();
            }
        });
        loadInstances();
    }

    @Focus
    void focus() {
        instance.setFocus();
    }

    /** Shows a run's statistic sent by another view ({@link #TOPIC_SHOW_RUN}), once this part's own reads are shown. */
    @Inject
    @Optional
    void showRunRequested(@UIEventTopic(TOPIC_SHOW_RUN) ShowRun request) {
        if (chartComposite != null && !chartComposite.isDisposed() && request != null) {
            jobs.whenIdle(() -> showRun(request));
        }
    }

    /** Chooses the run's instance, node and statistic, one line per run, reading the choices afresh, and draws it. */
    public void showRun(ShowRun request) {
        setMessage("Reading the statistics of run " + request.runId() + "…");
        jobs.run("Reading the statistics of run " + request.runId(), () -> new RunChoices(presenter.instances(),
                presenter.nodes(request.instanceId()), presenter.statisticNames(request.instanceId(), request.node())), choices -> {
                    instance.offer(choices.instances());
                    if (!instance.select(request.instanceId())) {
                        setMessage("No ION instance '" + request.instanceId() + "' is recorded in this store.");
                        return;
                    }
                    node.removeAll();
                    node.add(ALL_NODES);
                    choices.nodes().forEach(node::add);
                    node.select(Math.max(0, choices.nodes().indexOf(request.node()) + 1));
                    statistic.removeAll();
                    choices.statistics().forEach(statistic::add);
                    if (choices.statistics().isEmpty()) {
                        setMessage("No run of " + request.node() + " in " + request.instanceId() + " reported statistics.");
                        show(null);
                        return;
                    }
                    statistic.select(Math.max(0, choices.statistics().indexOf(request.statistic())));
                    grouping.select(Grouping.RUN.ordinal());
                    draw();
                }, this::setMessage);
    }

    private record RunChoices(List<IonInstanceRecord> instances, List<String> nodes, List<String> statistics) {
    }

    private static Combo combo(Composite parent, String label, int width) {
        new Label(parent, SWT.NONE).setText(label);
        Combo combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = width;
        combo.setLayoutData(data);
        return combo;
    }

    private JFreeChart chart(DefaultXYDataset dataset, String valueLabel) {
        JFreeChart chart = ChartFactory.createTimeSeriesChart(null, "time", valueLabel, dataset, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: {2} at {1}",
                new SimpleDateFormat("yyyy-MM-dd HH:mm:ss.SSS"), new DecimalFormat("0.####")));
        renderer.setDefaultStroke(new BasicStroke(1.2f));
        renderer.setAutoPopulateSeriesStroke(false);
        plot.setRenderer(renderer);
        chart.addProgressListener(event -> {
            if (event.getType() == ChartProgressEvent.DRAWING_FINISHED) {
                draws++;
            }
        });
        return chart;
    }

    // ---- steps (each a job) ----

    /** Re-reads the instances and draws the chosen statistic again. */
    public void refresh() {
        loadInstances();
    }

    private void loadInstances() {
        instance.load(jobs, presenter::instances, this::instanceChosen, EMPTY_MESSAGE, this::setMessage);
    }

    private void instanceChosen() {
        String id = instance.selected();
        if (id == null) {
            return;
        }
        jobs.run("Reading the nodes of " + id, () -> presenter.nodes(id), nodes -> {
            String keep = node.getSelectionIndex() > 0 ? node.getText() : null;
            node.removeAll();
            node.add(ALL_NODES);
            nodes.forEach(node::add);
            node.select(keep != null && nodes.contains(keep) ? nodes.indexOf(keep) + 1 : 0);
            nodeChosen();
        }, this::setMessage);
    }

    private void nodeChosen() {
        String id = instance.selected();
        String nodeName = selectedNode();
        jobs.run("Reading statistic names", () -> presenter.statisticNames(id, nodeName), names -> {
            String keep = statistic.getText();
            statistic.removeAll();
            names.forEach(statistic::add);
            if (names.isEmpty()) {
                setMessage("No run of " + (nodeName == null ? id : nodeName + " in " + id) + " reported statistics.");
                show(null);
                return;
            }
            statistic.select(Math.max(0, names.indexOf(keep)));
            draw();
        }, this::setMessage);
    }

    /** Reads the chosen statistic and draws it, reduced to the chart's width. */
    void draw() {
        String id = instance.selected();
        String name = statistic.getText();
        if (id == null || name.isEmpty()) {
            return;
        }
        Selection selection = new Selection(id, selectedNode(), name, Grouping.values()[Math.max(0, grouping.getSelectionIndex())], null);
        int width = chartWidth();
        setMessage("Reading " + name + "…");
        jobs.run("Reading statistic " + name, () -> presenter.load(selection, width), loaded -> {
            show(loaded);
            setMessage(loaded.summary());
        }, this::setMessage);
    }

    /** Puts a loaded chart into JFreeChart's dataset (the UI thread's share of the work). */
    void show(Chart chart) {
        shown = chart;
        DefaultXYDataset dataset = new DefaultXYDataset();
        if (chart != null) {
            for (PlotSeries s : chart.series()) {
                dataset.addSeries(s.key(), new double[][] { s.x(), s.y() });
            }
        }
        chartComposite.setChart(chart(dataset, chart == null ? "value" : chart.selection().statistic()));
    }

    private String selectedNode() {
        return node.getSelectionIndex() <= 0 ? null : node.getText();
    }

    private void setMessage(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    // ---- for tests ----

    /** The pixel width series are reduced to: the chart's width on screen (the screen's before it is laid out). */
    public int chartWidth() {
        int width = chartComposite.getClientArea().width;
        return width > 0 ? width : chartComposite.getDisplay().getPrimaryMonitor().getBounds().width;
    }

    public String message() {
        return message.getText();
    }

    /** What the presenter loaded for the chart now drawn, null before. */
    public Chart shown() {
        return shown;
    }

    /** The chart as JFreeChart holds it. */
    public JFreeChart chart() {
        return chartComposite.getChart();
    }

    public ChartComposite chartComposite() {
        return chartComposite;
    }

    /** The canvas JFreeChart draws on and takes the mouse from. */
    public Control plotCanvas() {
        for (Control child : chartComposite.getChildren()) {
            if (child instanceof Canvas) {
                return child;
            }
        }
        return chartComposite;
    }

    /** How often JFreeChart finished drawing a chart of this part. */
    public int draws() {
        return draws;
    }

    /** Chooses what to draw, as a person would with the combos, then draws it. */
    public void choose(String instanceId, String nodeName, String statisticName, Grouping oneLinePer) {
        instance.select(instanceId);
        int n = nodeName == null ? 0 : node.indexOf(nodeName);
        node.select(Math.max(0, n));
        if (statistic.indexOf(statisticName) < 0) {
            statistic.add(statisticName);
        }
        statistic.select(statistic.indexOf(statisticName));
        grouping.select(oneLinePer.ordinal());
        draw();
    }

    public Combo instanceCombo() {
        return instance.combo();
    }

    public Combo statisticCombo() {
        return statistic;
    }

    /** Whether a read asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }
}
