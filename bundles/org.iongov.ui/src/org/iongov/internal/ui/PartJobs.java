package org.iongov.internal.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Control;
import org.osgi.framework.FrameworkUtil;

/**
 * A part's background work: each step reads the store in an Eclipse {@link Job}, one at a time in
 * the order asked for, then hands its result to the UI thread, unless the part was closed
 * meanwhile. A step that fails unexpectedly is logged with its cause and reported in words.
 */
final class PartJobs {

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
    /** Steps asked for and not yet shown (read and written on the UI thread only). */
    private int pending;

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
        pending++;
        Job job = Job.create(what, monitor -> {
            T result = null;
            String failure = null;
            IStatus status = Status.OK_STATUS;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = what + " failed: " + e.getMessage();
                status = new Status(IStatus.ERROR, FrameworkUtil.getBundle(PartJobs.class).getSymbolicName(), failure, e);
            }
            T finalResult = result;
            String finalFailure = failure;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    pending--;
                    if (owner.isDisposed()) {
                        return; // the part closed meanwhile
                    }
                    if (finalFailure != null) {
                        failed.accept(finalFailure);
                    } else {
                        show.accept(finalResult);
                    }
                });
            }
            return status;
        });
        job.setRule(serial);
        job.schedule();
    }

    /** Whether a step asked for is still running or not yet shown. */
    boolean busy() {
        return pending > 0;
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
