package org.iongov.internal.ui.audit;

import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.iongov.internal.ui.WorkbenchConnections;
import org.iongov.ui.model.audit.AuditExportPresenter;
import org.iongov.ui.model.audit.AuditExportPresenter.Request;
import org.iongov.ui.model.audit.AuditExportPresenter.Result;
import org.osgi.framework.FrameworkUtil;

/**
 * Writes an audit report in the background: {@link AuditExportPresenter#export} in an Eclipse job,
 * its steps shown on the job's monitor and on the one a dialog shows, stopped by either.
 * A choice the person can fix (an ION without instances, a folder that is not there) ends the
 * job normally with {@link #failure()} saying it; anything else is an error with its cause.
 */
final class AuditExportJob extends Job {

    private final AuditExportPresenter presenter;
    private final Request request;
    private volatile IProgressMonitor shown = new NullProgressMonitor();
    private volatile Result result;
    private volatile String failure;

    AuditExportJob(AuditExportPresenter presenter, Request request) {
        super("Exporting the audit report to " + request.file());
        this.presenter = presenter;
        this.request = request;
        setUser(true);
    }

    /** Also shows progress on this monitor (a dialog's), and stops when it is cancelled. */
    void showProgressOn(IProgressMonitor monitor) {
        shown = monitor;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), AuditExportPresenter.STEPS);
        try {
            result = presenter.export(request, new AuditExportPresenter.Progress() {
                @Override
                public void step(String what) {
                    progress.subTask(what);
                    progress.worked(1);
                    shown.subTask(what);
                    shown.worked(1);
                }

                @Override
                public boolean cancelled() {
                    return monitor.isCanceled() || shown.isCanceled();
                }
            });
            return Status.OK_STATUS;
        } catch (CancellationException e) {
            return Status.CANCEL_STATUS;
        } catch (IllegalArgumentException | IllegalStateException e) {
            failure = e.getMessage();
            return Status.OK_STATUS;
        } catch (RuntimeException e) {
            failure = "The export failed: " + e;
            return new Status(IStatus.ERROR, FrameworkUtil.getBundle(AuditExportJob.class).getSymbolicName(), failure, e);
        } finally {
            monitor.done();
        }
    }

    /** A switch of connection closes the store this export reads only once the export is done. */
    @Override
    public boolean belongsTo(Object family) {
        return family == WorkbenchConnections.STORE_READERS;
    }

    /** What was written, null until the job succeeded. */
    Result result() {
        return result;
    }

    /** Why nothing was written, in the person's terms; null when it was, or when the export was cancelled. */
    String failure() {
        return failure;
    }
}
