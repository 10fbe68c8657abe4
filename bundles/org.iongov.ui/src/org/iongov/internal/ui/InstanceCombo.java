package org.iongov.internal.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.iongov.core.metadata.IonInstanceRecord;

/** The timelines' choice of an ION instance: a labelled combo, filled in a job, that keeps its choice across refreshes. */
final class InstanceCombo {

    private final Combo combo;
    private List<IonInstanceRecord> instances = List.of();

    /** @param chosen runs when a person picks an instance */
    InstanceCombo(Composite parent, int widthHint, Runnable chosen) {
        new Label(parent, SWT.NONE).setText("ION instance");
        combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, false, false);
        data.widthHint = widthHint;
        combo.setLayoutData(data);
        combo.addListener(SWT.Selection, e -> chosen.run());
    }

    /**
     * Reads the instances in a job and offers them, keeping the one chosen (else the first);
     * then runs {@code chosen}, or says {@code none} when there is no instance.
     */
    void load(PartJobs jobs, Supplier<List<IonInstanceRecord>> read, Runnable chosen, String none, Consumer<String> say) {
        String keep = selected();
        jobs.run("Reading ION instances", read, found -> {
            offer(found);
            if (found.isEmpty()) {
                say.accept(none);
                return;
            }
            combo.select(0);
            select(keep);
            chosen.run();
        }, say);
    }

    /** Offers these instances (read in a job), none chosen. */
    void offer(List<IonInstanceRecord> found) {
        instances = found;
        combo.removeAll();
        found.forEach(i -> combo.add(label(i)));
    }

    /** How an instance is offered: its id and its ION's name. */
    static String label(IonInstanceRecord instance) {
        return instance.id() + "  (" + instance.ionName() + ")";
    }

    /** The chosen instance's id, null when none is. */
    String selected() {
        int i = combo.getSelectionIndex();
        return i < 0 || i >= instances.size() ? null : instances.get(i).id();
    }

    /** Chooses an instance offered; false when it is not. */
    boolean select(String instanceId) {
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).id().equals(instanceId)) {
                combo.select(i);
                return true;
            }
        }
        return false;
    }

    Combo combo() {
        return combo;
    }

    void setFocus() {
        combo.setFocus();
    }
}
