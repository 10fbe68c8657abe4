package org.iongov.internal.ui.audit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.iongov.core.store.GovernanceStore;
import org.iongov.report.ReportFormat;
import org.iongov.ui.model.audit.AuditExportPresenter;

import jakarta.inject.Inject;

/** The audit export wizard's dialog: Finish reads Export, Cancel reads Close (the dialog stays open after an export). */
public final class AuditExportDialog extends WizardDialog {

    private final AuditExportWizard wizard;
    private GovernanceStore store;
    /** The context whose store the dialog follows while it is open; null when it follows none. */
    private IEclipseContext following;

    private AuditExportDialog(Shell parent, AuditExportWizard wizard, GovernanceStore store) {
        super(parent, wizard);
        this.wizard = wizard;
        this.store = store;
    }

    /** The export of a store's audit report, offering a file in the user's home folder. */
    public static AuditExportDialog of(Shell parent, GovernanceStore store) {
        return new AuditExportDialog(parent, new AuditExportWizard(presenter(store), Path.of(System.getProperty("user.home"))), store);
    }

    /**
     * The export of the store a context holds (the workbench's application context): while the
     * dialog is open, a switch of connection makes it export from the new store, as the parts
     * follow it.
     */
    public static AuditExportDialog following(Shell parent, IEclipseContext context) {
        AuditExportDialog dialog = of(parent, context.get(GovernanceStore.class));
        dialog.following = context;
        ContextInjectionFactory.inject(dialog, context);
        return dialog;
    }

    private static AuditExportPresenter presenter(GovernanceStore store) {
        return new AuditExportPresenter(store, Clock.systemUTC(), ZoneId.systemDefault());
    }

    /** The store to export from: at opening, and again whenever the workbench switches connections. */
    @Inject
    void useStore(@Optional GovernanceStore newStore) {
        if (newStore == null || newStore == store) {
            return; // no store while the dialog is let go of, or the one it already reads
        }
        store = newStore;
        wizard.useStore(presenter(newStore));
    }

    @Override
    public boolean close() {
        boolean closed = super.close();
        if (closed && following != null) {
            ContextInjectionFactory.uninject(this, following);
            following = null;
        }
        return closed;
    }

    /** Wide enough for a path and the message saying where the report went, not as wide as the page's longest line. */
    @Override
    protected Point getInitialSize() {
        Point computed = super.getInitialSize();
        return new Point(Math.min(computed.x, 780), Math.max(computed.y, 540));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.FINISH_ID).setText("Export");
        getButton(IDialogConstants.CANCEL_ID).setText("Close");
    }

    // ---- for tests: the person's choices and the Export button ----

    /** Fills the page as a person would. */
    public void choose(String from, String to, String ion, ReportFormat format, String file) {
        AuditExportPage page = wizard.page();
        page.fromField().setText(from);
        page.toField().setText(to);
        page.ionCombo().select(Math.max(0, page.ionCombo().indexOf(ion)));
        page.choose(format);
        page.fileField().setText(file);
    }

    /** Presses Export; returns when the export ended (the dialog runs the event loop meanwhile). */
    public void export() {
        finishPressed();
    }

    public Button exportButton() {
        return getButton(IDialogConstants.FINISH_ID);
    }

    /** What the page's message line says now (an error when there is one). */
    public String pageMessage() {
        AuditExportPage page = wizard.page();
        return page.getErrorMessage() != null ? page.getErrorMessage() : page.getMessage();
    }

    /** How the last export went, in full (where, how large, what it holds; or why not). */
    public String outcome() {
        return wizard.page().outcome();
    }

    public boolean pageHasError() {
        return wizard.page().getErrorMessage() != null;
    }

    /** Whether the IONs offered were read. */
    public boolean ionsRead() {
        return wizard.page().ionsRead();
    }

    public java.util.List<String> ionsOffered() {
        return java.util.List.of(wizard.page().ionCombo().getItems());
    }

    public AuditExportWizard wizard() {
        return wizard;
    }
}
