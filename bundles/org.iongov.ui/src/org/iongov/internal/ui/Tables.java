package org.iongov.internal.ui;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** Tables as the parts show them: headers, lines, whole-row selection, columns sized to what they hold. */
final class Tables {

    private Tables() {
    }

    /** A table filling its cell, with these column headers. */
    static Table create(Composite parent, List<String> columns, int style) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | style);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String column : columns) {
            TableColumn c = new TableColumn(table, SWT.NONE);
            c.setText(column);
            c.setWidth(110);
        }
        return table;
    }

    /**
     * Replaces the rows (each item's data from {@code data}, when given), then sizes each column
     * to its contents between {@code minWidth} and {@code maxWidth} pixels.
     */
    static void fill(Table table, List<List<String>> rows, List<?> data, int minWidth, int maxWidth) {
        table.setRedraw(false);
        try {
            table.removeAll();
            for (int i = 0; i < rows.size(); i++) {
                TableItem item = new TableItem(table, SWT.NONE);
                item.setText(rows.get(i).toArray(String[]::new));
                if (data != null) {
                    item.setData(data.get(i));
                }
            }
            for (TableColumn c : table.getColumns()) {
                c.pack();
                c.setWidth(Math.min(Math.max(c.getWidth(), minWidth), maxWidth));
            }
        } finally {
            table.setRedraw(true);
        }
    }
}
