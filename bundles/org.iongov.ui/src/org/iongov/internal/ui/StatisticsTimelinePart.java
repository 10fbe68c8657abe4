package org.iongov.internal.ui;

import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** Statistics across runs and time (accuracy per training run, prediction histograms, drift). */
public final class StatisticsTimelinePart {

    static final String EMPTY_MESSAGE = "No statistics are recorded in this store yet.";

    private Label message;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Statistics timeline");
        message = PartHeader.message(parent, EMPTY_MESSAGE);
    }

    public String message() {
        return message.getText();
    }
}
