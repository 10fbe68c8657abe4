package org.iongov.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.iongov.core.store.StoreException;
import org.osgi.framework.FrameworkUtil;

/**
 * A part's background work: each step reads the store in an Eclipse {@link Job}, one at a time in
 * the order asked for, then hands its result to the UI thread, unless the part was closed
 * meanwhile or {@link #restart() started over} (the workbench switched to another store). A step
 * that fails is logged with its cause and reported in words: a store that cannot be reached or
 * refuses is said as such, anything else as the internal error it is.
 */
final class PartJobs {

    /** The family every part's job belongs to: what a store switch waits for before closing the store they read. */
    static final Object FAMILY = new Object();
    private static final String BUNDLE = FrameworkUtil.getBundle(PartJobs.class).getSymbolicName();

    /** Jobs of one part run one at a time. */
    private final ISchedulingRule serial = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };
    private final Control owner;
    /** Bumped by {@link #restart()}: results of older steps are dropped (UI thread only). */
    private int generation;
    /** Steps asked for and not yet shown (read and written on the UI thread only). */
    private final List<Job> scheduled = new ArrayList<>();

    PartJobs(Control owner) {
        this.owner = owner;
    }

    /**
     * @param what the job's name, as the progress view shows it
     * @param work runs in the job
     * @param show gets the result on the UI thread
     * @param failed gets "what failed: why" on the UI thread when the work threw
     */
    <T> void run(String what, Supplier<T> work, Consumer<T> show, Consumer<String> failed) {
        var display = owner.getDisplay();
        int asked = generation;
        Job job = new Job(what) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return step(this, asked, work, show, failed, what, display);
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setRule(serial);
        scheduled.add(job);
        job.schedule();
    }

    private <T> IStatus step(Job job, int asked, Supplier<T> work, Consumer<T> show, Consumer<String> failed, String what, Display display) {
        T result = null;
        String failure = null;
        IStatus status = Status.OK_STATUS;
        try {
            result = work.get();
        } catch (StoreException e) {
            // Unreachable, refused, unavailable: in the user's terms already.
            failure = what + " failed: " + e.getMessage();
            status = new Status(IStatus.ERROR, BUNDLE, failure, e);
        } catch (RuntimeException e) {
            failure = what + " failed on an internal error (a bug, logged with its cause): " + e;
            status = new Status(IStatus.ERROR, BUNDLE, failure, e);
        }
        T finalResult = result;
        String finalFailure = failure;
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                scheduled.remove(job);
                if (owner.isDisposed() || asked != generation) {
                    return; // the part closed, or started over on another store, meanwhile
                }
                if (finalFailure != null) {
                    failed.accept(finalFailure);
                } else {
                    show.accept(finalResult);
                }
            });
        }
        return status;
    }

    /**
     * Forgets the steps asked for so far: those not started are cancelled, and what the others
     * find is not shown. For when the part starts over on another store.
     */
    void restart() {
        generation++;
        for (Job job : List.copyOf(scheduled)) {
            // Cancelled before it ran, a job never reports back: it is done here.
            if (job.cancel()) {
                scheduled.remove(job);
            }
        }
    }

    /** Whether a step asked for is still running or not yet shown. */
    boolean busy() {
        return !scheduled.isEmpty();
    }

    /**
     * Runs an action on the UI thread once the steps asked for so far are shown (at once when
     * none is pending), unless the part was closed meanwhile: a request from another view then
     * starts from what the part has read rather than racing its first reads.
     */
    void whenIdle(Runnable action) {
        if (owner.isDisposed()) {
            return;
        }
        if (busy()) {
            owner.getDisplay().timerExec(50, () -> whenIdle(action));
            return;
        }
        action.run();
    }
}
