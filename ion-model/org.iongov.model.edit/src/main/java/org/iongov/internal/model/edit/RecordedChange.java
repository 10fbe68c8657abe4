package org.iongov.internal.model.edit;

import org.eclipse.emf.common.command.AbstractCommand;
import org.eclipse.emf.common.notify.Notifier;
import org.eclipse.emf.ecore.change.ChangeDescription;
import org.eclipse.emf.ecore.change.util.ChangeRecorder;

/**
 * A command that runs a change to a model and records what it did, so that undo and redo are the
 * recorded changes applied backwards and forwards: no hand-written inverse per operation.
 */
public final class RecordedChange extends AbstractCommand {

    private final Notifier root;
    private final Runnable change;
    private ChangeDescription recorded;

    /** @param root what to record: the resource holding the model (or an object in one) */
    public RecordedChange(String label, Notifier root, Runnable change) {
        super(label);
        this.root = root;
        this.change = change;
    }

    @Override
    protected boolean prepare() {
        return true;
    }

    @Override
    public void execute() {
        ChangeRecorder recorder = new ChangeRecorder(java.util.List.of(root));
        try {
            change.run();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            recorded = recorder.endRecording();
            recorder.dispose();
        }
        if (failure != null) {
            recorded.apply(); // back to where it started: a failed change leaves nothing half done
            throw failure;
        }
    }

    /** Why the change failed (it then changed nothing and is not on the stack), or null. */
    public RuntimeException failure() {
        return failure;
    }

    private RuntimeException failure;

    @Override
    public void undo() {
        recorded.applyAndReverse();
    }

    @Override
    public void redo() {
        recorded.applyAndReverse();
    }
}
