package org.iongov.internal.ui.designer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.iongov.core.store.IonDefinitionRecord;

/**
 * Picks one of the ION definitions kept in the store (read beforehand, off the UI thread): by
 * name, newest version first. It does not block: the workbench goes on while it is open, and
 * the definition picked is handed on when Open is pressed or a row double-clicked.
 */
public final class StoredDefinitionsDialog {

    /** The dialog's title (tests find it by this). */
    public static final String TITLE = "Open an ION definition from the store";
    private static final DateTimeFormatter UPLOADED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Shell shell;
    private final Table table;
    private final List<IonDefinitionRecord> rows;

    private StoredDefinitionsDialog(Shell parent, List<IonDefinitionRecord> definitions, Consumer<IonDefinitionRecord> onOpen) {
        rows = definitions.stream().sorted(Comparator.comparing(IonDefinitionRecord::name)
                .thenComparing(Comparator.comparingInt(IonDefinitionRecord::version).reversed())).toList();
        shell = new Shell(parent, SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
        shell.setText(TITLE);
        shell.setLayout(new GridLayout(1, false));
        Label message = new Label(shell, SWT.WRAP);
        message.setText(rows.isEmpty() ? "No ION definitions in this store yet."
                : rows.size() + (rows.size() == 1 ? " ION definition" : " ION definitions") + " in this store. Pick one to open it.");
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new Table(shell, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 260;
        table.setLayoutData(tableData);
        for (String[] column : new String[][] { { "Name", "260" }, { "Version", "70" }, { "Uploaded", "160" } }) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        for (IonDefinitionRecord d : rows) {
            new TableItem(table, SWT.NONE).setText(new String[] { d.name(), Integer.toString(d.version()), UPLOADED.format(d.uploadedAt()) });
        }
        Composite buttons = new Composite(shell, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        Button open = new Button(buttons, SWT.PUSH);
        open.setText("Open");
        open.setEnabled(false);
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.addListener(SWT.Selection, e -> shell.close());
        Runnable openSelected = () -> {
            int index = table.getSelectionIndex();
            if (index >= 0) {
                shell.close();
                onOpen.accept(rows.get(index));
            }
        };
        table.addListener(SWT.Selection, e -> open.setEnabled(table.getSelectionIndex() >= 0));
        table.addListener(SWT.DefaultSelection, e -> openSelected.run());
        open.addListener(SWT.Selection, e -> openSelected.run());
        shell.setDefaultButton(open);
        shell.pack();
        shell.setSize(Math.max(540, shell.getSize().x), Math.max(380, shell.getSize().y));
    }

    /** Opens the dialog over {@code parent}; {@code onOpen} gets the definition picked. */
    public static Shell open(Shell parent, List<IonDefinitionRecord> definitions, Consumer<IonDefinitionRecord> onOpen) {
        StoredDefinitionsDialog dialog = new StoredDefinitionsDialog(parent, definitions, onOpen);
        dialog.shell.open();
        return dialog.shell;
    }
}
