package org.iongov.internal.ui;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The title and explanatory line every IonGov part starts with. */
final class PartHeader {

    private PartHeader() {
    }

    static Label title(Composite parent, String text) {
        Label title = new Label(parent, SWT.NONE);
        title.setText(text);
        title.setFont(JFaceResources.getHeaderFont());
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return title;
    }

    /** A wrapping line of text; what a part says when it has nothing to show yet. */
    static Label message(Composite parent, String text) {
        Label message = new Label(parent, SWT.WRAP);
        message.setText(text);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.widthHint = 300;
        message.setLayoutData(data);
        return message;
    }
}
