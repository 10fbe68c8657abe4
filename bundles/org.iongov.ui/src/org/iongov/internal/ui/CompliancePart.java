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
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.compliance.Violation;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.compliance.CompliancePresenter;
import org.iongov.ui.model.compliance.CompliancePresenter.Check;
import org.iongov.ui.model.compliance.CompliancePresenter.Window;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The compliance policies' results over a window of the store (pass or fail, subjects checked,
 * violations), each violation (policy, subject, deployment, problem, since when), and whether the
 * governance ledger verifies. The part checks when it opens (recording nothing); Check now runs
 * the check again and records the violations as events, as {@code ./iongov audit check} does.
 * Double-click a violation of a model to open the model's page. A thin shell over
 * {@link CompliancePresenter}: every check runs in a job.
 */
public final class CompliancePart {

    /** The part's id in the application model. */
    public static final String ID = "org.iongov.ui.part.compliance";
    static final String FIRST_MESSAGE = "Checking the compliance policies…";

    @Inject
    EPartService parts;
    @Inject
    EModelService models;
    @Inject
    MApplication application;
    @Inject
    IEventBroker events;

    private GovernanceStore store;
    private CompliancePresenter presenter;
    private PartJobs jobs;
    private Label message;
    private Combo window;
    private Button checkNow;
    private Label ledger;
    private Table results;
    private Table violations;
    private Label detail;
    private Check shown;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (presenter == null) {
            return; // the controls are made next, with this store
        }
        // Another connection: its policies are checked afresh (recording nothing, as when the part opens).
        jobs.restart();
        presenter = new CompliancePresenter(newStore, Clock.systemUTC(), ZoneId.systemDefault());
        shown = null;
        results.removeAll();
        violations.removeAll();
        ledger.setText("");
        showSelectedViolation();
        check(false);
    }

    @PostConstruct
    void createControls(Composite parent) {
        presenter = new CompliancePresenter(store, Clock.systemUTC(), ZoneId.systemDefault());
        jobs = new PartJobs(parent);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Compliance");
        message = PartHeader.message(parent, FIRST_MESSAGE);

        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout rowLayout = new GridLayout(3, false);
        rowLayout.marginWidth = 0;
        row.setLayout(rowLayout);
        new Label(row, SWT.NONE).setText("Window");
        window = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        for (Window w : Window.values()) {
            window.add(w.label());
        }
        window.select(0);
        window.addListener(SWT.Selection, e -> check(false));
        checkNow = new Button(row, SWT.PUSH);
        checkNow.setText("Check now");
        checkNow.setToolTipText("Run the policies again and record their violations as compliance-violation events");
        checkNow.addListener(SWT.Selection, e -> check(true));

        ledger = new Label(parent, SWT.WRAP);
        GridData ledgerData = new GridData(SWT.FILL, SWT.TOP, true, false);
        ledgerData.widthHint = 300;
        ledger.setLayoutData(ledgerData);
        ledger.setFont(JFaceResources.getBannerFont());

        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        results = section(sash, "Policies", CompliancePresenter.RESULT_COLUMNS);
        violations = section(sash, "Violations (double-click one of a model for its page)", CompliancePresenter.VIOLATION_COLUMNS);
        violations.addListener(SWT.DefaultSelection, e -> openSelectedModel());
        violations.addListener(SWT.Selection, e -> showSelectedViolation());
        detail = new Label(violations.getParent(), SWT.WRAP);
        GridData detailData = new GridData(SWT.FILL, SWT.TOP, true, false);
        detailData.widthHint = 300;
        detail.setLayoutData(detailData);
        sash.setWeights(30, 70);
        check(false);
    }

    @Focus
    void focus() {
        checkNow.setFocus();
    }

    private static Table section(Composite parent, String title, List<String> columns) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        area.setLayout(layout);
        new Label(area, SWT.NONE).setText(title);
        return Tables.create(area, columns, SWT.SINGLE);
    }

    // ---- checking (jobs) ----

    /**
     * Runs the policies over the chosen window and verifies the ledger, in a job.
     *
     * @param record whether to record the violations (Check now)
     */
    public void check(boolean record) {
        Window chosen = Window.values()[Math.max(0, window.getSelectionIndex())];
        checkNow.setEnabled(false);
        setMessage((record ? "Checking and recording" : "Checking") + " the compliance policies over " + chosen.label() + "…");
        jobs.run(record ? "Checking compliance and recording violations" : "Checking compliance", () -> presenter.check(chosen, record),
                this::show, failure -> {
                    checkNow.setEnabled(true);
                    setMessage(failure);
                });
    }

    private void show(Check check) {
        shown = check;
        checkNow.setEnabled(true);
        Tables.fill(results, check.results().stream().map(r -> r.cells()).toList(), check.results(), 60, 520);
        for (TableItem item : results.getItems()) {
            if (!"PASS".equals(item.getText(1))) {
                item.setForeground(1, item.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        Tables.fill(violations, check.violations().stream().map(v -> v.cells()).toList(),
                check.violations().stream().map(v -> v.violation()).toList(), 60, 520);
        showSelectedViolation();
        ledger.setText(check.ledgerStatus());
        ledger.setForeground(ledger.getDisplay().getSystemColor(check.ledger().intact() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_RED));
        setMessage(check.summary());
    }

    /** The selected violation in full: its problem (long for a table cell), where and since when. */
    private void showSelectedViolation() {
        TableItem[] selected = violations.getSelection();
        if (selected.length == 1 && selected[0].getData() instanceof Violation v) {
            detail.setText(v.policyId() + ": " + v.message() + (selected[0].getText(2).equals(CompliancePresenter.NONE) ? ""
                    : " (" + selected[0].getText(2) + ")"));
        } else {
            detail.setText("");
        }
        detail.getParent().layout(true, true);
    }

    /** Opens the page of the model a selected violation is about. */
    void openSelectedModel() {
        TableItem[] selected = violations.getSelection();
        if (selected.length == 1 && selected[0].getData() instanceof Violation v && "model".equals(v.subjectKind())) {
            new ModelPages(parts, models, application).open(v.subjectId());
        } else if (selected.length == 1 && selected[0].getData() instanceof Violation v && v.runId() != null) {
            parts.showPart(LineageExplorerPart.ID, PartState.ACTIVATE);
            events.post(LineageExplorerPart.TOPIC_TRACE, v.runId());
        }
    }

    private void setMessage(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    // ---- for tests ----

    /** What the last check found, null before it is shown. */
    public Check shown() {
        return shown;
    }

    public String message() {
        return message.getText();
    }

    public String ledgerStatus() {
        return ledger.getText();
    }

    public Table results() {
        return results;
    }

    public Table violations() {
        return violations;
    }

    /** The selected violation in full. */
    public String violationDetail() {
        return detail.getText();
    }

    public Button checkNowButton() {
        return checkNow;
    }

    public Combo windowCombo() {
        return window;
    }

    /** Whether a check asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }
}
