package org.iongov.internal.ui.audit;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.wizard.Wizard;
import org.iongov.ui.model.audit.AuditExportPresenter;
import org.iongov.ui.model.audit.AuditExportPresenter.Request;
import org.iongov.ui.model.audit.AuditExportPresenter.Result;

/**
 * File > Export Audit Report…: asks for the window, ION, format and file, then writes the report
 * in an {@link AuditExportJob} whose progress the dialog shows (Stop cancels it). The wizard
 * stays open afterwards, saying where the report was written or why it was not, so that another
 * format or window can follow; Close closes it.
 */
public final class AuditExportWizard extends Wizard {

    private AuditExportPresenter presenter;
    private final AuditExportPage page;
    private Result written;

    public AuditExportWizard(AuditExportPresenter presenter, Path folder) {
        this.presenter = presenter;
        this.page = new AuditExportPage(presenter, folder);
        setWindowTitle("Export Audit Report");
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        addPage(page);
    }

    @Override
    public boolean performFinish() {
        Request request;
        try {
            request = page.request();
        } catch (IllegalArgumentException e) {
            page.setErrorMessage(e.getMessage());
            return false;
        }
        AuditExportJob job = new AuditExportJob(presenter, request);
        try {
            getContainer().run(true, true, monitor -> {
                monitor.beginTask(job.getName(), AuditExportPresenter.STEPS);
                job.showProgressOn(monitor);
                job.schedule();
                try {
                    job.join(0, monitor);
                } catch (OperationCanceledException e) {
                    // Stop pressed: the job stops at its next step and writes nothing.
                    job.cancel();
                    job.join();
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            page.showOutcome(null, null, "The export failed: " + e.getCause(), false);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            page.showOutcome(null, null, null, true);
            return false;
        }
        written = job.result();
        page.showOutcome(written == null ? null : written.file(), written == null ? null : written.message(), job.failure(),
                written == null && job.failure() == null);
        return false;
    }

    /** Exports from another store from now on (the workbench switched connections); the page re-reads its IONs. */
    void useStore(AuditExportPresenter newPresenter) {
        presenter = newPresenter;
        page.useStore(newPresenter);
    }

    /** What the last export wrote, null before one succeeded. */
    public Result written() {
        return written;
    }

    AuditExportPage page() {
        return page;
    }
}
