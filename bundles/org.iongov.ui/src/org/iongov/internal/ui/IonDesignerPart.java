package org.iongov.internal.ui;

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
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The ION designer's place: for now the ION definitions kept in the store, newest versions last, read in a job. */
public final class IonDesignerPart {

    static final String EMPTY_MESSAGE = "No ION definitions in this store yet.";
    private static final DateTimeFormatter UPLOADED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private GovernanceStore store;
    private PartJobs jobs;
    private Table table;
    private Label message;

    /** The store to read: at creation, and again whenever the workbench switches connections. */
    @Inject
    void useStore(GovernanceStore newStore) {
        store = newStore;
        if (jobs != null) {
            jobs.restart();
            refresh();
        }
    }

    @PostConstruct
    void createControls(Composite parent) {
        jobs = new PartJobs(parent);
        parent.setLayout(new GridLayout(1, false));
        PartHeader.title(parent, "ION definitions");
        message = PartHeader.message(parent, EMPTY_MESSAGE);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] column : new String[][] { { "Name", "220" }, { "Version", "70" }, { "Uploaded", "160" } }) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        refresh();
    }

    /** Re-reads the store (in a job). */
    public void refresh() {
        GovernanceStore reading = store;
        jobs.run("Reading ION definitions", reading::ionDefinitions, this::show, this::setMessage);
    }

    private void show(List<IonDefinitionRecord> definitions) {
        table.removeAll();
        for (IonDefinitionRecord definition : definitions) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { definition.name(), Integer.toString(definition.version()),
                    UPLOADED.format(definition.uploadedAt()) });
        }
        setMessage(definitions.isEmpty() ? EMPTY_MESSAGE
                : definitions.size() + (definitions.size() == 1 ? " ION definition" : " ION definitions") + " in this store.");
    }

    private void setMessage(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }

    /** Whether a read asked for is still running or not yet shown. */
    public boolean busy() {
        return jobs.busy();
    }

    public Table table() {
        return table;
    }

    public String message() {
        return message.getText();
    }
}
