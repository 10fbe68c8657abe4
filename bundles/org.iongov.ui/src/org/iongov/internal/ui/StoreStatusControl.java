package org.iongov.internal.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.iongov.core.store.GovernanceStore;

import jakarta.annotation.PostConstruct;

/** The status line: which store the workbench is on, and its schema version. */
public final class StoreStatusControl {

    private Label label;

    @PostConstruct
    void createControls(Composite parent, GovernanceStore store) {
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        label = new Label(box, SWT.NONE);
        label.setText(store.info().summary());
        label.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        label.setToolTipText("The governance store this workbench reads and writes");
    }

    public String text() {
        return label.getText();
    }
}
