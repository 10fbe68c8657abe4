package org.iongov.internal.ui;

import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** One lane per ION node, its runs over time, and the messages between them. */
public final class IonTimelinePart {

    static final String EMPTY_MESSAGE = "No runs are recorded in this store yet.";

    private Label message;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "ION timeline");
        message = PartHeader.message(parent, EMPTY_MESSAGE);
    }

    public String message() {
        return message.getText();
    }
}
