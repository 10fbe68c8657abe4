package org.iongov.internal.ui.designer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.iongov.ui.model.designer.Property;

/**
 * The properties of the element selected in the designer: a text field or a drop-down per
 * property under its group's heading, and for pipelines and components a row to add a
 * parameter. A text is committed with Enter or when it loses focus, a choice when it is made;
 * each commit is one edit through the designer (so one undo step).
 */
public final class PropertiesForm {

    private final ScrolledComposite scroll;
    private final Composite body;
    private final BiConsumer<String, String> onSet;
    private final BiConsumer<String, String> onAddParameter;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private Object shownFor;
    private List<String> shownKeys = List.of();
    private Text newKey;
    private Text newValue;
    private Button add;
    /** True while fields are disposed or filled in, so that losing focus then commits nothing. */
    private boolean updating;

    /**
     * @param onSet told (key, text) when a property is committed
     * @param onAddParameter told (key, value) when a parameter is added
     */
    public PropertiesForm(Composite parent, BiConsumer<String, String> onSet, BiConsumer<String, String> onAddParameter) {
        this.onSet = onSet;
        this.onAddParameter = onAddParameter;
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        scroll.setContent(body);
        scroll.addListener(SWT.Resize, e -> resize());
    }

    public Control control() {
        return scroll;
    }

    /**
     * Shows the rows of an element: rebuilt when another element is shown or its rows changed,
     * else the values are filled in where they are.
     *
     * @param element what the rows belong to
     * @param parameters whether it takes parameters (a row to add one)
     */
    public void show(Object element, List<Property> rows, boolean parameters) {
        List<String> keys = rows.stream().map(Property::key).toList();
        updating = true;
        try {
            if (!Objects.equals(element, shownFor) || !keys.equals(shownKeys) || parameters != (add != null)) {
                rebuild(rows, parameters);
                shownFor = element;
                shownKeys = keys;
            } else {
                for (Property row : rows) {
                    fill(fields.get(row.key()), row);
                }
            }
        } finally {
            updating = false;
        }
    }

    private void rebuild(List<Property> rows, boolean parameters) {
        for (Control child : body.getChildren()) {
            child.dispose();
        }
        fields.clear();
        add = null;
        newKey = null;
        newValue = null;
        String group = null;
        for (Property row : rows) {
            if (!row.group().equals(group)) {
                group = row.group();
                heading(group);
            }
            Label label = new Label(body, SWT.NONE);
            label.setText(row.label());
            label.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
            Control field = field(row);
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            field.setData(row.key());
            fill(field, row);
            fields.put(row.key(), field);
        }
        if (parameters) {
            heading("Add a parameter");
            newKey = new Text(body, SWT.BORDER);
            newKey.setMessage("name");
            newKey.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
            newValue = new Text(body, SWT.BORDER);
            newValue.setMessage("value: 42, true, text or \"42\"");
            newValue.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            newValue.addListener(SWT.DefaultSelection, e -> addParameter());
            new Label(body, SWT.NONE);
            add = new Button(body, SWT.PUSH);
            add.setText("Add parameter");
            add.addListener(SWT.Selection, e -> addParameter());
        }
        resize();
    }

    private void heading(String text) {
        Label heading = new Label(body, SWT.NONE);
        heading.setText(text);
        heading.setFont(JFaceResources.getBannerFont());
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        data.verticalIndent = 6;
        heading.setLayoutData(data);
    }

    private Control field(Property row) {
        if (!row.editable()) {
            return new Text(body, SWT.READ_ONLY | SWT.WRAP);
        }
        if (!row.choices().isEmpty()) {
            Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
            combo.addListener(SWT.Selection, e -> commit(row.key(), combo.getText()));
            return combo;
        }
        Text text = new Text(body, SWT.BORDER);
        text.addListener(SWT.DefaultSelection, e -> commit(row.key(), text.getText()));
        text.addListener(SWT.FocusOut, e -> {
            if (!text.getText().equals(text.getData("shown"))) {
                commit(row.key(), text.getText());
            }
        });
        return text;
    }

    private static void fill(Control field, Property row) {
        if (field instanceof Combo combo) {
            List<String> items = row.value().isEmpty() ? concat("", row.choices()) : row.choices();
            if (!List.of(combo.getItems()).equals(items)) {
                combo.setItems(items.toArray(String[]::new));
            }
            combo.select(items.indexOf(row.value()));
        } else if (field instanceof Text text && !text.getText().equals(row.value())) {
            text.setText(row.value());
        }
        field.setData("shown", row.value());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private void commit(String key, String value) {
        if (updating) {
            return;
        }
        Control field = fields.get(key);
        if (field != null && Objects.equals(value, field.getData("shown"))) {
            return;
        }
        if (field != null) {
            field.setData("shown", value); // committed once, even if Enter is followed by losing focus
        }
        onSet.accept(key, value);
    }

    private void addParameter() {
        if (updating || newKey == null) {
            return;
        }
        onAddParameter.accept(newKey.getText(), newValue.getText());
    }

    /** Empties the new parameter's fields (after it was added). */
    public void clearNewParameter() {
        if (newKey != null) {
            newKey.setText("");
            newValue.setText("");
        }
    }

    private void resize() {
        body.layout(true, true);
        int width = scroll.getClientArea().width;
        scroll.setMinSize(body.computeSize(Math.max(200, width), SWT.DEFAULT));
    }

    // ---- for tests ----

    /** The text field or drop-down of a property shown now, or null. */
    public Control field(String key) {
        return fields.get(key);
    }

    public Text newParameterKey() {
        return newKey;
    }

    public Text newParameterValue() {
        return newValue;
    }

    public Button addParameterButton() {
        return add;
    }
}
