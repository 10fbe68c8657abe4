package org.iongov.ui.model.designer;

import static org.iongov.ui.model.designer.IonDesigner.blankToNull;
import static org.iongov.ui.model.designer.IonDesigner.number;
import static org.iongov.ui.model.designer.IonDesigner.orNoName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Component;
import org.iongov.model.CustomPolicy;
import org.iongov.model.HumanApproval;
import org.iongov.model.Ion;
import org.iongov.model.ModelReference;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.Policy;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.iongov.model.ThresholdCheck;
import org.iongov.model.edit.IonEditor;
import org.iongov.model.edit.NodeTemplate;

/**
 * The designer's properties form without widgets: the rows an element shows (its attributes,
 * its code, schedule and uploaded model, its policy's settings, its parameters) and each row's
 * edit as one {@link IonEditor} command. Parameter values are typed by how they read: a number
 * or true/false is one, anything else (or anything in double quotes) is text.
 */
final class PropertySheet {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    /** The policy kinds, as the JSON format names them. */
    private static final Map<String, NodeTemplate> POLICY_KINDS = new LinkedHashMap<>();

    static {
        POLICY_KINDS.put("automatic-approval", NodeTemplate.AUTOMATIC_APPROVAL);
        POLICY_KINDS.put("threshold-check", NodeTemplate.THRESHOLD_CHECK);
        POLICY_KINDS.put("human-approval", NodeTemplate.HUMAN_APPROVAL);
        POLICY_KINDS.put("custom-policy", NodeTemplate.CUSTOM_POLICY);
    }

    private final IonEditor editor;

    PropertySheet(IonEditor editor) {
        this.editor = editor;
    }

    /**
     * The rows for an element.
     *
     * @param element a node, channel or component; null for the ION itself (or an input edge)
     * @param input the ends of the input edge shown, or null
     */
    List<Property> rows(Ion ion, EObject element, Component[] input) {
        List<Property> rows = new ArrayList<>();
        if (input != null) {
            rows.add(readOnly("from", "Input", "runs first", orNoName(input[0].getName())));
            rows.add(readOnly("to", "Input", "runs after", orNoName(input[1].getName())));
            return rows;
        }
        if (element == null) {
            rows.add(text("name", "ION", "Name", ion.getName()));
            rows.add(text("version", "ION", "Version", ion.getVersion()));
            rows.add(text("description", "ION", "Description", ion.getDescription()));
        } else if (element instanceof PipelineNode p) {
            rows.add(text("name", "Pipeline", "Name", p.getName()));
            rows.add(attribute(p, "role", "Pipeline", "Role"));
            rows.add(attribute(p, "engine", "Pipeline", "Engine"));
            rows.add(attribute(p, "mode", "Pipeline", "Mode"));
            rows.add(text("description", "Pipeline", "Description", p.getDescription()));
            rows.add(readOnly("components", "Pipeline", "Components",
                    p.getComponents().size() + " (double-click the node to edit them)"));
            Schedule schedule = p.getSchedule();
            rows.add(text("schedule.cron", "Schedule", "Cron", schedule == null ? null : schedule.getCron()));
            rows.add(text("schedule.interval", "Schedule", "Interval", schedule == null ? null : schedule.getInterval()));
            code(rows, p.getCode());
            ModelReference model = p.getModel();
            rows.add(text("model.uri", "Uploaded model", "URI", model == null ? null : model.getUri()));
            rows.add(text("model.digest", "Uploaded model", "Digest", model == null ? null : model.getDigest()));
            rows.add(text("model.format", "Uploaded model", "Format", model == null ? null : model.getFormat()));
            parameters(rows, p.getParameters());
        } else if (element instanceof PolicyNode n) {
            rows.add(text("name", "Policy", "Name", n.getName()));
            String kind = POLICY_KINDS.entrySet().stream().filter(e -> n.getPolicy() != null && e.getValue() == templateOf(n.getPolicy()))
                    .map(Map.Entry::getKey).findFirst().orElse("");
            rows.add(new Property("policy", "Policy", "Kind", kind, List.copyOf(POLICY_KINDS.keySet()), true));
            rows.add(text("description", "Policy", "Description", n.getDescription()));
            Policy policy = n.getPolicy();
            if (policy instanceof ThresholdCheck t) {
                rows.add(attribute(t, "statistic", "Threshold check", "Statistic"));
                rows.add(attribute(t, "comparison", "Threshold check", "Comparison"));
                rows.add(attribute(t, "value", "Threshold check", "Value"));
            } else if (policy instanceof HumanApproval h) {
                rows.add(attribute(h, "approverRole", "Human approval", "Approver role"));
                rows.add(attribute(h, "approvalsRequired", "Human approval", "Approvals required"));
                rows.add(attribute(h, "separationOfDuties", "Human approval", "Separation of duties"));
            } else if (policy instanceof CustomPolicy c) {
                code(rows, c.getCode());
            }
        } else if (element instanceof Channel c) {
            rows.add(text("name", "Channel", "Name", c.getName()));
            rows.add(attribute(c, "message", "Channel", "Message"));
            rows.add(text("description", "Channel", "Description", c.getDescription()));
            rows.add(readOnly("from", "Channel", "From", c.getFrom() == null ? "" : orNoName(c.getFrom().getName())));
            rows.add(readOnly("to", "Channel", "To", c.getTo() == null ? "" : orNoName(c.getTo().getName())));
        } else if (element instanceof Component c) {
            rows.add(text("name", "Component", "Name", c.getName()));
            rows.add(attribute(c, "kind", "Component", "Kind"));
            rows.add(text("description", "Component", "Description", c.getDescription()));
            rows.add(readOnly("inputs", "Component", "Runs after",
                    String.join(", ", c.getInputs().stream().map(i -> orNoName(i.getName())).toList())));
            parameters(rows, c.getParameters());
        }
        return rows;
    }

    private static void code(List<Property> rows, CodeReference code) {
        rows.add(text("code.uri", "Code", "URI", code == null ? null : code.getUri()));
        rows.add(text("code.commit", "Code", "Commit", code == null ? null : code.getCommit()));
        rows.add(text("code.digest", "Code", "Digest", code == null ? null : code.getDigest()));
        rows.add(text("code.entryPoint", "Code", "Entry point", code == null ? null : code.getEntryPoint()));
    }

    private static void parameters(List<Property> rows, List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            rows.add(text(IonDesigner.PARAMETER + parameter.getKey(), "Parameters", parameter.getKey(), parameterText(parameter)));
        }
    }

    private static Property text(String key, String group, String label, String value) {
        return new Property(key, group, label, value, List.of(), true);
    }

    private static Property readOnly(String key, String group, String label, String value) {
        return new Property(key, group, label, value, List.of(), false);
    }

    /** A row for a model attribute: enumerations and booleans as a choice, defaults shown. */
    private static Property attribute(EObject owner, String name, String group, String label) {
        EAttribute attribute = (EAttribute) owner.eClass().getEStructuralFeature(name);
        Object value = owner.eGet(attribute);
        boolean shown = owner.eIsSet(attribute) || attribute.getDefaultValueLiteral() != null;
        String text = !shown || value == null ? "" : value instanceof Enumerator e ? e.getLiteral()
                : value instanceof Double d ? number(d) : value.toString();
        List<String> choices = List.of();
        if (attribute.getEAttributeType() instanceof EEnum e) {
            choices = e.getELiterals().stream().map(EEnumLiteral::getLiteral).toList();
        } else if (attribute.getEAttributeType().getInstanceClass() == boolean.class) {
            choices = List.of("true", "false");
        }
        return new Property(name, group, label, text, choices, true);
    }

    /** Changes one row's value (see {@link IonDesigner#setProperty(String, String)}). */
    void set(Ion ion, EObject element, List<Property> rows, String key, String value) {
        Property row = rows.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the selection has no property '" + key + "'"));
        if (!row.editable()) {
            throw new IllegalArgumentException(row.label() + " is shown, not edited here");
        }
        String text = value == null ? "" : value.strip();
        if (text.equals(row.value())) {
            return;
        }
        EObject owner = element == null ? ion : element;
        if (row.parameter() != null) {
            if (text.isEmpty()) {
                List<?> parameters = (List<?>) owner.eGet(owner.eClass().getEStructuralFeature("parameters"));
                parameters.stream().map(Parameter.class::cast).filter(p -> row.parameter().equals(p.getKey())).findFirst()
                        .ifPresent(editor::delete);
            } else {
                setParameter(owner, row.parameter(), text);
            }
            return;
        }
        if (key.startsWith("code.") || key.startsWith("model.")) {
            EObject holder = owner instanceof PolicyNode n ? n.getPolicy() : owner;
            int dot = key.indexOf('.');
            editor.setReferenceField(holder, key.substring(0, dot), key.substring(dot + 1), text);
            return;
        }
        if (key.startsWith("schedule.") && owner instanceof PipelineNode p) {
            Schedule s = p.getSchedule();
            boolean cron = key.equals("schedule.cron");
            // A schedule is a cron expression or an interval: giving one replaces the other.
            String newCron = cron ? blankToNull(text) : text.isEmpty() && s != null ? s.getCron() : null;
            String newInterval = !cron ? blankToNull(text) : text.isEmpty() && s != null ? s.getInterval() : null;
            editor.setSchedule(p, newCron, newInterval);
            return;
        }
        if (key.equals("policy") && owner instanceof PolicyNode n) {
            NodeTemplate kind = POLICY_KINDS.get(text);
            if (kind == null) {
                throw new IllegalArgumentException("'" + text + "' is not a policy kind; the kinds are " + POLICY_KINDS.keySet());
            }
            editor.setPolicy(n, kind);
            return;
        }
        if (owner instanceof PolicyNode n && n.getPolicy() != null && n.getPolicy().eClass().getEStructuralFeature(key) != null) {
            editor.set(n.getPolicy(), key, text);
            return;
        }
        editor.set(owner, key, text);
    }

    /** Whether an element takes parameters: a pipeline or a component. */
    static boolean takesParameters(EObject element) {
        return element instanceof PipelineNode || element instanceof Component;
    }

    /** Adds a parameter (see {@link IonDesigner#addParameter(String, String)}). */
    void addParameter(EObject element, List<Property> rows, String key, String value) {
        if (!takesParameters(element)) {
            throw new IllegalArgumentException("only pipelines and components have parameters: select one first");
        }
        String name = key == null ? "" : key.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        if (rows.stream().anyMatch(p -> name.equals(p.parameter()))) {
            throw new IllegalArgumentException("'" + name + "' is already a parameter here: change its value instead");
        }
        setParameter(element, name, value == null ? "" : value.strip());
    }

    private void setParameter(EObject owner, String key, String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            editor.setParameter(owner, key, text.substring(1, text.length() - 1), ParameterType.STRING);
        } else if (text.equals("true") || text.equals("false")) {
            editor.setParameter(owner, key, text, ParameterType.BOOLEAN);
        } else if (NUMBER.matcher(text).matches()) {
            editor.setParameter(owner, key, text, ParameterType.NUMBER);
        } else {
            editor.setParameter(owner, key, text, ParameterType.STRING);
        }
    }

    /** A parameter as the form shows it: text that would read as a number or boolean is quoted. */
    static String parameterText(Parameter parameter) {
        String value = parameter.getValue() == null ? "" : parameter.getValue();
        boolean ambiguous = value.equals("true") || value.equals("false") || NUMBER.matcher(value).matches()
                || value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return parameter.getType() == ParameterType.STRING && ambiguous ? "\"" + value + "\"" : value;
    }

    private static NodeTemplate templateOf(Policy policy) {
        if (policy instanceof HumanApproval) {
            return NodeTemplate.HUMAN_APPROVAL;
        }
        if (policy instanceof ThresholdCheck) {
            return NodeTemplate.THRESHOLD_CHECK;
        }
        if (policy instanceof CustomPolicy) {
            return NodeTemplate.CUSTOM_POLICY;
        }
        return NodeTemplate.AUTOMATIC_APPROVAL;
    }
}
