package org.iongov.ui.model.designer;

import java.util.List;

/**
 * One row of the designer's properties form.
 *
 * @param key what {@link IonDesigner#setProperty(String, String)} takes, e.g. {@code name},
 *        {@code code.uri}, {@code approvalsRequired}, {@code parameter.seed}
 * @param group the heading it is shown under
 * @param label what the form calls it
 * @param value its value as text ("" when not set)
 * @param choices the values it can take (a drop-down), or empty for free text
 * @param editable false for what is shown only (a channel's ends, a component's inputs)
 */
public record Property(String key, String group, String label, String value, List<String> choices, boolean editable) {

    public Property {
        value = value == null ? "" : value;
        choices = List.copyOf(choices);
    }

    /** A parameter's key, when this row is a parameter, else null. */
    public String parameter() {
        return key.startsWith(IonDesigner.PARAMETER) ? key.substring(IonDesigner.PARAMETER.length()) : null;
    }
}
