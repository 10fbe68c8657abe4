package org.iongov.internal.ui;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.iongov.core.store.GovernanceStore;
import org.iongov.ui.model.connections.ConnectionsPresenter;
import org.iongov.ui.model.connections.ConnectionsPresenter.Opened;
import org.osgi.framework.FrameworkUtil;

/**
 * The workbench's active connection: puts the store it opened into the application context,
 * where every part reads it (parts follow a switch by method injection), and closes the store
 * it replaces once the jobs that were reading it are done. Connecting and closing run under one
 * scheduling rule, so a store is never reopened while its previous instance is still closing.
 */
public final class WorkbenchConnections {

    /** Connecting and closing run one at a time, in the order asked for. */
    static final ISchedulingRule SWITCHING = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    /**
     * The family of jobs that read the store in use (every part's, and the audit export's): a
     * switch closes the previous store only once they are done.
     */
    public static final Object STORE_READERS = PartJobs.FAMILY;

    private final IEclipseContext context;
    private final ConnectionsPresenter presenter;
    private Opened current;

    WorkbenchConnections(IEclipseContext context, ConnectionsPresenter presenter, Opened initial) {
        this.context = context;
        this.presenter = presenter;
        publish(initial);
    }

    public ConnectionsPresenter presenter() {
        return presenter;
    }

    /** The connection every part reads through now (UI thread). */
    public Opened current() {
        return current;
    }

    /**
     * Makes an opened connection the one every part reads through (UI thread): the parts re-read
     * through the new store, the previous store is closed in the background once what was reading
     * it has finished.
     */
    public void activate(Opened next) {
        Opened previous = current;
        publish(next);
        if (previous != null && previous.store() != next.store()) {
            closeLater(previous);
        }
    }

    private void publish(Opened next) {
        current = next;
        context.set(GovernanceStore.class, next.store());
        context.set(ActiveConnection.class, new ActiveConnection(next.entry().id(), next.entry().name(), next.summary()));
    }

    private static void closeLater(Opened previous) {
        Job[] reading = Job.getJobManager().find(STORE_READERS);
        Job close = Job.create("Closing " + previous.entry().name(), monitor -> {
            try {
                for (Job job : reading) {
                    job.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                previous.store().close();
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                return new Status(IStatus.WARNING, FrameworkUtil.getBundle(WorkbenchConnections.class).getSymbolicName(),
                        "closing " + previous.entry().name() + " failed: " + e.getMessage(), e);
            }
        });
        close.setRule(SWITCHING);
        close.schedule();
    }

    /** At shutdown: closes the store in use. */
    void close() {
        if (current != null) {
            current.store().close();
        }
    }
}
