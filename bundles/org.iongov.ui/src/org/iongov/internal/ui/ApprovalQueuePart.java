package org.iongov.internal.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.approval.ApprovalQueuePresenter;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.DecisionRow;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.Outcome;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.Property;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.QueueRow;
import org.iongov.ui.model.approval.ApprovalQueuePresenter.Review;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Models parked by a human-approval policy, waiting for an operator's decision: the queue, the
 * selected model's review (training statistics beside the model in production, its data and
 * whether it changed, its training run), Approve / Reject with a comment, and the decisions
 * people took. A thin shell over {@link ApprovalQueuePresenter}: every store read and decision
 * runs in a job; refusals of the policy are shown in words under the buttons.
 */
public final class ApprovalQueuePart {

    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.approvals";
    static final String EMPTY_MESSAGE = ApprovalQueuePresenter.queueMessage(0);
    static final String NO_SELECTION = "Select a waiting model to review its training beside the model in production.";
    static final String[] PROPERTY_COLUMNS = { "Training run", "Value" };

    private GovernanceStore store;
    @Inject
    WorkbenchUser user;
    @Inject
    EPartService parts;
    @Inject
    IEventBroker events;
    @Inject
    EModelService models;
    @Inject
    MApplication application;

    private ApprovalQueuePresenter presenter;
    private PartJobs jobs;
    private Label message;
    private Table queue;
    private Label summary;
    private Table metrics;
    private Table data;
    private Table training;
    private Text comment;
    private Button approve;
    private Button reject;
    private Button modelPage;
    private Label outcome;
    private Table history;
    private Review review;
    private boolean lastRefused;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (presenter == null) {
            return; // the controls are made next, with this store
        }
        jobs.restart();
        presenter = new ApprovalQueuePresenter(newStore, Clock.systemUTC(), user.name(), user.role(), ZoneId.systemDefault());
        setOutcome("", false);
        showReview(null);
        refresh();
    }

    @PostConstruct
    void createControls(Composite parent) {
        presenter = new ApprovalQueuePresenter(store, Clock.systemUTC(), user.name(), user.role(), ZoneId.systemDefault());
        parent.setLayout(new GridLayout(3, false));
        Label title = PartHeader.title(parent, "Approval queue");
        ((GridData) title.getLayoutData()).horizontalSpan = 3;
        message = PartHeader.message(parent, EMPTY_MESSAGE);
        modelPage = new Button(parent, SWT.PUSH);
        modelPage.setText("Open model page");
        modelPage.setToolTipText("The selected model's page: its lineage, approvals, uses and metrics");
        modelPage.setLayoutData(new GridData(SWT.END, SWT.TOP, false, false));
        modelPage.addListener(SWT.Selection, e -> openModelPage());
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.setLayoutData(new GridData(SWT.END, SWT.TOP, false, false));
        refresh.addListener(SWT.Selection, e -> refresh());
        jobs = new PartJobs(parent);

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        queue = Tables.create(sash, ApprovalQueuePresenter.QUEUE_COLUMNS, SWT.SINGLE);
        queue.setToolTipText("Select a model to review it; double-click to trace its lineage");
        queue.addListener(SWT.Selection, e -> {
            setOutcome("", false);
            modelPage.setEnabled(selectedPending() != null);
            showSelected();
        });
        queue.addListener(SWT.DefaultSelection, e -> traceSelected());

        Composite reviewArea = new Composite(sash, SWT.NONE);
        reviewArea.setLayout(new GridLayout(3, false));
        summary = new Label(reviewArea, SWT.WRAP);
        GridData summaryData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        summaryData.widthHint = 300;
        summary.setLayoutData(summaryData);
        summary.setText(NO_SELECTION);
        metrics = Tables.create(reviewArea, ApprovalQueuePresenter.METRIC_COLUMNS, SWT.SINGLE);
        data = Tables.create(reviewArea, ApprovalQueuePresenter.DATA_COLUMNS, SWT.SINGLE);
        training = Tables.create(reviewArea, List.of(PROPERTY_COLUMNS), SWT.SINGLE);
        // The data table has four columns of locations and digests: it gets the most room.
        int[] widths = { 330, 520, 300 };
        List<Table> reviewTables = List.of(metrics, data, training);
        for (int i = 0; i < widths.length; i++) {
            GridData layout = (GridData) reviewTables.get(i).getLayoutData();
            layout.minimumHeight = reviewTables.get(i).getItemHeight() * 4 + reviewTables.get(i).getHeaderHeight();
            layout.widthHint = widths[i];
        }

        Composite decide = new Composite(reviewArea, SWT.NONE);
        decide.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        GridLayout decideLayout = new GridLayout(4, false);
        decideLayout.marginWidth = 0;
        decide.setLayout(decideLayout);
        Label as = new Label(decide, SWT.NONE);
        as.setText("Comment (deciding as " + user.name() + ", " + user.role() + "):");
        comment = new Text(decide, SWT.BORDER | SWT.SINGLE);
        comment.setMessage("why you approve or reject (required to reject)");
        comment.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        approve = new Button(decide, SWT.PUSH);
        approve.setText("Approve");
        approve.addListener(SWT.Selection, e -> decide(true));
        reject = new Button(decide, SWT.PUSH);
        reject.setText("Reject");
        reject.addListener(SWT.Selection, e -> decide(false));
        outcome = new Label(reviewArea, SWT.WRAP);
        GridData outcomeData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        outcomeData.widthHint = 300;
        outcome.setLayoutData(outcomeData);
        outcome.setFont(JFaceResources.getBannerFont());

        Composite historyArea = new Composite(sash, SWT.NONE);
        GridLayout historyLayout = new GridLayout(1, false);
        historyLayout.marginWidth = 0;
        historyArea.setLayout(historyLayout);
        new Label(historyArea, SWT.NONE).setText("Decisions taken (newest first)");
        history = Tables.create(historyArea, ApprovalQueuePresenter.HISTORY_COLUMNS, SWT.SINGLE);
        sash.setWeights(25, 55, 20);
        showReview(null);
        refresh();
    }

    @Focus
    void focus() {
        queue.setFocus();
    }

    // ---- actions (each a job) ----

    /** Re-reads the queue and the decisions taken; keeps the selected model selected while it waits. */
    public void refresh() {
        String selected = selectedModel();
        jobs.run("Reading the approval queue", () -> new Snapshot(presenter.queue(), presenter.history()), snapshot -> {
            Tables.fill(queue, snapshot.queue().stream().map(QueueRow::cells).toList(),
                    snapshot.queue().stream().map(QueueRow::pending).toList(), 70, 360);
            Tables.fill(history, snapshot.history().stream().map(DecisionRow::cells).toList(), snapshot.history(), 70, 360);
            setMessage(ApprovalQueuePresenter.queueMessage(snapshot.queue().size()));
            TableItem keep = selected == null ? null
                    : java.util.Arrays.stream(queue.getItems()).filter(i -> i.getText(0).equals(selected)).findFirst().orElse(null);
            if (keep != null) {
                queue.setSelection(keep);
                showSelected();
            } else {
                showReview(null);
            }
        }, this::setMessage);
    }

    private record Snapshot(List<QueueRow> queue, List<DecisionRow> history) {
    }

    private void showSelected() {
        PendingApproval waiting = selectedPending();
        if (waiting == null) {
            showReview(null);
            return;
        }
        jobs.run("Reviewing model " + waiting.modelId(), () -> presenter.review(waiting), this::showReview, this::setOutcomeRefused);
    }

    private void decide(boolean approving) {
        PendingApproval waiting = review == null ? null : review.pending();
        if (waiting == null) {
            return;
        }
        String text = comment.getText();
        approve.setEnabled(false);
        reject.setEnabled(false);
        setOutcome((approving ? "Approving " : "Rejecting ") + waiting.modelId() + "…", false);
        jobs.run((approving ? "Approving model " : "Rejecting model ") + waiting.modelId(), () -> presenter.decide(waiting, approving, text),
                (Outcome result) -> {
                    setOutcome(result.message(), !result.accepted());
                    if (result.accepted()) {
                        comment.setText("");
                    }
                    refresh();
                }, failure -> {
                    setOutcomeRefused(failure);
                    refresh();
                });
    }

    /** Shows the selected model's lineage in the lineage explorer. */
    void traceSelected() {
        PendingApproval p = selectedPending();
        if (p != null) {
            parts.showPart(LineageExplorerPart.ID, PartState.ACTIVATE);
            events.post(LineageExplorerPart.TOPIC_TRACE, p.modelId());
        }
    }

    /** Opens the selected model's page. */
    void openModelPage() {
        PendingApproval p = selectedPending();
        if (p != null) {
            new ModelPages(parts, models, application).open(p.modelId());
        }
    }

    private void showReview(Review shown) {
        review = shown;
        boolean any = shown != null;
        modelPage.setEnabled(selectedPending() != null);
        summary.setText(any ? shown.summary() : NO_SELECTION);
        Tables.fill(metrics, any ? shown.metrics().stream().map(m -> m.cells()).toList() : List.of(), any ? shown.metrics() : List.of(),
                70, 360);
        Tables.fill(data, any ? shown.data().stream().map(d -> d.cells()).toList() : List.of(), any ? shown.data() : List.of(), 70, 360);
        List<Property> properties = any ? shown.training() : List.of();
        Tables.fill(training, properties.stream().map(p -> List.of(p.name(), p.value())).toList(), properties, 70, 360);
        approve.setEnabled(any);
        reject.setEnabled(any);
        summary.getParent().layout(true, true);
    }

    private void setMessage(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    private void setOutcomeRefused(String text) {
        setOutcome(text, true);
    }

    private void setOutcome(String text, boolean refused) {
        lastRefused = refused;
        outcome.setText(text);
        outcome.setForeground(refused ? outcome.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
        outcome.getParent().layout(true, true);
    }

    private PendingApproval selectedPending() {
        TableItem[] selected = queue.getSelection();
        return selected.length == 1 && selected[0].getData() instanceof PendingApproval p ? p : null;
    }

    private String selectedModel() {
        PendingApproval p = selectedPending();
        return p == null ? null : p.modelId();
    }

    // ---- for tests ----

    public Table table() {
        return queue;
    }

    public String message() {
        return message.getText();
    }

    /** The review shown, null when no model is selected. */
    public Review review() {
        return review;
    }

    public Table metrics() {
        return metrics;
    }

    public Table data() {
        return data;
    }

    public Table training() {
        return training;
    }

    public Table history() {
        return history;
    }

    public Text comment() {
        return comment;
    }

    public Button approveButton() {
        return approve;
    }

    public Button rejectButton() {
        return reject;
    }

    public Button modelPageButton() {
        return modelPage;
    }

    /** What came of the last decision, or why it was refused. */
    public String outcome() {
        return outcome.getText();
    }

    /** Whether the last decision was refused. */
    public boolean refused() {
        return lastRefused;
    }

    /** Whether a read or decision asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }
}
