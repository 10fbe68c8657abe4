package org.iongov.internal.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;

/** Where an investigator starts from a prediction, model, run or dataset and follows its lineage. */
public final class LineageExplorerPart {

    static final String HINT = "Enter a prediction, model, run or dataset id to trace where it came from and what used it.";

    private Text search;
    private Label message;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Lineage");
        search = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        search.setMessage("prediction, model, run or dataset id");
        search.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        message = PartHeader.message(parent, HINT);
        search.addListener(SWT.DefaultSelection, e -> lookUp(search.getText().trim()));
    }

    /** Nothing that lineage traces is recorded by this store version yet, so any id is unknown. */
    void lookUp(String id) {
        message.setText(id.isEmpty() ? HINT : "No prediction, model, run or dataset '" + id + "' is recorded in this store.");
        message.getParent().layout(true, true);
    }

    public Text search() {
        return search;
    }

    public String message() {
        return message.getText();
    }
}
