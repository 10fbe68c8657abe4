package org.iongov.internal.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The status line: which connection the workbench reads through (the embedded store or a
 * server), its store and schema; follows every switch. Said from what connecting found out, so
 * drawing it never asks a remote server anything on the UI thread.
 */
public final class StoreStatusControl {

    private Label label;
    private ActiveConnection active;

    @PostConstruct
    void createControls(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        label = new Label(box, SWT.NONE);
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label.setToolTipText("The connection this workbench reads and writes through: switch it in the Connections view");
        show();
    }

    @Inject
    void connectionChanged(ActiveConnection now) {
        active = now;
        show();
    }

    private void show() {
        if (label != null && !label.isDisposed() && active != null) {
            label.setText(active.statusText());
            label.getParent().getParent().layout(true, true);
        }
    }

    public String text() {
        return label.getText();
    }
}
