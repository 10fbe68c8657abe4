package org.iongov.internal.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

import jakarta.annotation.PostConstruct;

/** Models parked by a human-approval policy, waiting for an operator's decision. */
public final class ApprovalQueuePart {

    static final String EMPTY_MESSAGE = "No models are waiting for approval.";
    static final String[] COLUMNS = { "Model", "ION", "Policy", "Produced by run", "Waiting since" };

    private Table table;
    private Label message;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "Approval queue");
        message = PartHeader.message(parent, EMPTY_MESSAGE);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String column : COLUMNS) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column);
            c.setWidth(110);
        }
    }

    public Table table() {
        return table;
    }

    public String message() {
        return message.getText();
    }
}
