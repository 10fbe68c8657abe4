package org.iongov.internal.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.policy.ModelPropagation;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.store.GovernanceStore;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Models parked by a human-approval policy, waiting for an operator's decision. */
public final class ApprovalQueuePart {

    static final String EMPTY_MESSAGE = "No models are waiting for approval.";
    static final String[] COLUMNS = { "Model", "ION instance", "Policy", "Approvals", "Waiting since" };
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    GovernanceStore store;

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
        refresh();
    }

    /** Re-reads the models waiting at human-approval policy nodes. */
    public void refresh() {
        List<PendingApproval> pending = new ModelPropagation(store, Clock.systemUTC()).pending(null);
        table.removeAll();
        for (PendingApproval p : pending) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { p.modelId(), p.instanceId(), p.policyNode(), p.approvals() + " of " + p.required(),
                    WHEN.format(p.waitingSince()) });
            item.setData(p);
        }
        message.setText(pending.isEmpty() ? EMPTY_MESSAGE
                : pending.size() + (pending.size() == 1 ? " model is" : " models are") + " waiting for approval.");
        message.getParent().layout(true, true);
    }

    public Table table() {
        return table;
    }

    public String message() {
        return message.getText();
    }
}
