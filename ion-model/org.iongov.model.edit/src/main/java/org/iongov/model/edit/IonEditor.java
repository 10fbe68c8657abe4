package org.iongov.model.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.iongov.internal.model.edit.RecordedChange;
import org.iongov.model.Channel;
import org.iongov.model.CodeReference;
import org.iongov.model.Component;
import org.iongov.model.ComponentKind;
import org.iongov.model.Ion;
import org.iongov.model.IonFactory;
import org.iongov.model.MessageType;
import org.iongov.model.Node;
import org.iongov.model.Parameter;
import org.iongov.model.ParameterType;
import org.iongov.model.PipelineNode;
import org.iongov.model.PolicyNode;
import org.iongov.model.Schedule;
import org.iongov.model.json.IonJson;
import org.iongov.model.json.IonJsonException;
import org.iongov.model.validation.IonValidator;
import org.iongov.model.validation.Problem;

/**
 * An editing session on one ION, as the designer drives it: add nodes from the palette, connect
 * them with channels, edit a pipeline's component DAG (level 1), set properties, delete, undo and
 * redo on an EMF command stack, validate into markers on the elements, and write JSON. Every
 * change is one command; a refused edit throws {@link IllegalArgumentException} with a message
 * for the user and changes nothing.
 */
public final class IonEditor {

    private static final Pattern ELEMENT_TOKEN = Pattern.compile("^@(\\d+)");

    private final Ion ion;
    private final BasicCommandStack commands = new BasicCommandStack() {
        @Override
        protected void handleError(Exception exception) {
            // run() rethrows it to the caller; the stack only drops the failed command
        }
    };
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private IonEditor(Ion ion) {
        this.ion = ion;
        if (ion.eResource() == null) {
            // Change recording needs a root that is not itself an orphan: a resource holds the ION.
            new org.eclipse.emf.ecore.resource.impl.ResourceImpl(org.eclipse.emf.common.util.URI.createURI("memory:/ion")).getContents()
                    .add(ion);
        }
        commands.addCommandStackListener(event -> listeners.forEach(Runnable::run));
    }

    /** A new, empty ION. */
    public static IonEditor newIon(String name, String version) {
        Ion ion = IonFactory.eINSTANCE.createIon();
        ion.setName(name);
        ion.setVersion(version);
        return new IonEditor(ion);
    }

    /** An ION read from its JSON definition. */
    public static IonEditor open(String json) throws IonJsonException {
        return new IonEditor(IonJson.parse(json));
    }

    /** The model being edited; change it only through this editor, so undo knows. */
    public Ion ion() {
        return ion;
    }

    /** Called after every change, undo and redo. */
    public void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    // ---- level 2: nodes and channels ----

    /** Adds a node from the palette, named after its kind (numbered when the name is taken). */
    public Node add(NodeTemplate template) {
        Node node = template.create(uniqueName(template.baseName(), names(ion.getNodes())));
        run("Add " + template.label().toLowerCase(java.util.Locale.ROOT), () -> ion.getNodes().add(node));
        return node;
    }

    /** Connects two nodes with a channel carrying {@code type}, named after its sender. */
    public Channel connect(Node from, Node to, MessageType type) {
        requireNode(from);
        requireNode(to);
        Objects.requireNonNull(type, "type");
        if (from == to) {
            throw new IllegalArgumentException("a channel connects two different nodes: '" + from.getName() + "' cannot send to itself");
        }
        for (Channel existing : ion.getChannels()) {
            if (existing.getFrom() == from && existing.getTo() == to && existing.getMessage() == type) {
                throw new IllegalArgumentException("'" + from.getName() + "' already sends " + type.getLiteral() + " messages to '"
                        + to.getName() + "' on channel '" + existing.getName() + "'");
            }
        }
        Channel channel = IonFactory.eINSTANCE.createChannel();
        channel.setName(uniqueName(from.getName() + "-" + type.getLiteral(), names(ion.getChannels())));
        channel.setFrom(from);
        channel.setTo(to);
        channel.setMessage(type);
        run("Connect " + from.getName() + " to " + to.getName(), () -> ion.getChannels().add(channel));
        return channel;
    }

    // ---- level 1: a pipeline's components ----

    /** Adds a component of the given kind to a pipeline node. */
    public Component addComponent(PipelineNode node, ComponentKind kind) {
        requireNode(node);
        Component component = IonFactory.eINSTANCE.createComponent();
        component.setName(uniqueName(kind.getLiteral(), names(node.getComponents())));
        component.setKind(kind);
        run("Add component " + component.getName(), () -> node.getComponents().add(component));
        return component;
    }

    /** Makes {@code from} an input of {@code to}, in the same pipeline; level 1 stays acyclic. */
    public void connect(Component from, Component to) {
        if (from.eContainer() == null || from.eContainer() != to.eContainer() || EcoreUtil.getRootContainer(from) != ion) {
            throw new IllegalArgumentException("components can only be connected within one pipeline node of this ION");
        }
        if (from == to) {
            throw new IllegalArgumentException("component '" + from.getName() + "' cannot be its own input");
        }
        if (to.getInputs().contains(from)) {
            throw new IllegalArgumentException("'" + from.getName() + "' is already an input of '" + to.getName() + "'");
        }
        if (reaches(to, from)) {
            throw new IllegalArgumentException("'" + from.getName() + "' -> '" + to.getName()
                    + "' would make a cycle: a pipeline's components form a DAG");
        }
        run("Connect " + from.getName() + " to " + to.getName(), () -> to.getInputs().add(from));
    }

    /** Removes {@code from} from the inputs of {@code to} (the edge {@code from -> to}). */
    public void disconnect(Component from, Component to) {
        requireOwn(to);
        if (!to.getInputs().contains(from)) {
            throw new IllegalArgumentException("'" + from.getName() + "' is not an input of '" + to.getName() + "'");
        }
        run("Disconnect " + from.getName() + " from " + to.getName(), () -> to.getInputs().remove(from));
    }

    /** Whether {@code target} is downstream of (or is) {@code start}: {@code start} is an input, directly or not, of it. */
    private static boolean reaches(Component start, Component target) {
        Deque<Component> next = new ArrayDeque<>(List.of(start));
        Set<Component> seen = new HashSet<>();
        PipelineNode node = (PipelineNode) start.eContainer();
        while (!next.isEmpty()) {
            Component c = next.poll();
            if (c == target) {
                return true;
            }
            if (seen.add(c)) {
                for (Component other : node.getComponents()) {
                    if (other.getInputs().contains(c)) {
                        next.add(other);
                    }
                }
            }
        }
        return false;
    }

    // ---- properties ----

    /**
     * Sets an attribute by its name (as the properties form shows it), converting text to the
     * attribute's type (numbers, booleans, enumeration literals such as {@code streaming} or
     * {@code >=}); null or blank unsets it.
     */
    public void set(EObject element, String attribute, Object value) {
        requireOwn(element);
        EStructuralFeature feature = element.eClass().getEStructuralFeature(attribute);
        if (!(feature instanceof EAttribute a) || a.isMany()) {
            throw new IllegalArgumentException(element.eClass().getName() + " has no property '" + attribute + "'");
        }
        Object converted = convert(a, value);
        boolean unset = converted == null;
        run("Set " + attribute, () -> {
            if (unset) {
                element.eUnset(a);
            } else {
                element.eSet(a, converted);
            }
        });
    }

    /** Gives a pipeline its code reference (replacing any). */
    public void setCode(PipelineNode node, String uri, String commit, String entryPoint) {
        requireNode(node);
        CodeReference code = IonFactory.eINSTANCE.createCodeReference();
        code.setUri(uri);
        code.setCommit(commit);
        code.setEntryPoint(entryPoint);
        run("Set code of " + node.getName(), () -> node.setCode(code));
    }

    /**
     * Sets one field of a reference a node holds: {@code code} of a pipeline or a custom policy
     * ({@code uri}, {@code commit}, {@code digest}, {@code entryPoint}), {@code model} of a pipeline
     * ({@code uri}, {@code digest}, {@code format}). The reference is created when there is none;
     * blank unsets the field, and a reference left with no field set is removed. One command, as a
     * properties form edits one field at a time.
     */
    public void setReferenceField(EObject owner, String reference, String field, String value) {
        requireOwn(owner);
        if (!(owner.eClass().getEStructuralFeature(reference) instanceof EReference r) || !r.isContainment() || r.isMany()) {
            throw new IllegalArgumentException(owner.eClass().getName() + " has no '" + reference + "'");
        }
        EObject existing = (EObject) owner.eGet(r);
        EObject target = existing != null ? existing : EcoreUtil.create(r.getEReferenceType());
        if (!(target.eClass().getEStructuralFeature(field) instanceof EAttribute a) || a.isMany()) {
            throw new IllegalArgumentException(reference + " has no field '" + field + "'");
        }
        Object converted = convert(a, value);
        if (existing == null && converted == null) {
            return; // clearing a field of a reference that is not there: nothing to do
        }
        run("Set " + reference + " " + field, () -> {
            if (converted == null) {
                target.eUnset(a);
            } else {
                target.eSet(a, converted);
            }
            boolean empty = target.eClass().getEAllAttributes().stream().noneMatch(target::eIsSet);
            if (empty) {
                owner.eUnset(r);
            } else if (existing == null) {
                owner.eSet(r, target);
            }
        });
    }

    /**
     * Changes a policy node's kind to that of a policy template (its defaults), keeping the node,
     * its name and its channels.
     */
    public void setPolicy(PolicyNode node, NodeTemplate kind) {
        requireNode(node);
        if (kind.isPipeline()) {
            throw new IllegalArgumentException("'" + kind.label() + "' is a pipeline, not a policy");
        }
        org.iongov.model.Policy policy = ((PolicyNode) kind.create(node.getName())).getPolicy();
        run("Make " + node.getName() + " a " + kind.label().toLowerCase(java.util.Locale.ROOT), () -> node.setPolicy(policy));
    }

    /** Gives a pipeline a schedule: a cron expression or an ISO-8601 interval (null removes it). */
    public void setSchedule(PipelineNode node, String cron, String interval) {
        requireNode(node);
        Schedule schedule = cron == null && interval == null ? null : IonFactory.eINSTANCE.createSchedule();
        if (schedule != null) {
            schedule.setCron(cron);
            schedule.setInterval(interval);
        }
        run("Set schedule of " + node.getName(), () -> node.setSchedule(schedule));
    }

    /** Sets a parameter of a pipeline node or component (replacing one of the same key). */
    public void setParameter(EObject owner, String key, String value, ParameterType type) {
        requireOwn(owner);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        EStructuralFeature feature = owner.eClass().getEStructuralFeature("parameters");
        if (feature == null) {
            throw new IllegalArgumentException(owner.eClass().getName() + " has no parameters");
        }
        @SuppressWarnings("unchecked")
        List<Parameter> parameters = (List<Parameter>) owner.eGet(feature);
        Parameter parameter = IonFactory.eINSTANCE.createParameter();
        parameter.setKey(key);
        parameter.setValue(value);
        parameter.setType(type);
        run("Set parameter " + key, () -> {
            parameters.removeIf(p -> key.equals(p.getKey()));
            parameters.add(parameter);
        });
    }

    // ---- deleting ----

    /**
     * Deletes an element: a node with the channels to and from it, a component (and its place in
     * other components' inputs), a channel, a parameter.
     */
    public void delete(EObject element) {
        requireOwn(element);
        if (element == ion) {
            throw new IllegalArgumentException("the ION itself cannot be deleted");
        }
        String what = element instanceof Node n ? "node " + n.getName() : element instanceof Channel c ? "channel " + c.getName()
                : element instanceof Component c ? "component " + c.getName() : element.eClass().getName();
        run("Delete " + what, () -> {
            if (element instanceof Node node) {
                ion.getChannels().removeIf(c -> c.getFrom() == node || c.getTo() == node);
            }
            if (element instanceof Component component && component.eContainer() instanceof PipelineNode node) {
                node.getComponents().forEach(c -> c.getInputs().remove(component));
            }
            EcoreUtil.remove(element);
        });
    }

    // ---- undo, redo, saving ----

    public boolean canUndo() {
        return commands.canUndo();
    }

    public boolean canRedo() {
        return commands.canRedo();
    }

    /** What undo would undo, for the menu ("Undo Add training pipeline"), or null. */
    public String undoLabel() {
        Command c = commands.getUndoCommand();
        return c == null ? null : c.getLabel();
    }

    public String redoLabel() {
        Command c = commands.getRedoCommand();
        return c == null ? null : c.getLabel();
    }

    public void undo() {
        commands.undo();
    }

    public void redo() {
        commands.redo();
    }

    /** Whether there are changes since it was opened or last saved. */
    public boolean isDirty() {
        return commands.isSaveNeeded();
    }

    /** The JSON definition of the ION as it stands (the server's upload format). */
    public String toJson() {
        return IonJson.write(ion);
    }

    /** Marks the current state as saved. */
    public void saved() {
        commands.saveIsDone();
    }

    // ---- validation ----

    /**
     * The model's problems, each on the graph element it belongs to: a node, a channel, a
     * component, or the ION itself for what concerns the whole.
     */
    public List<Marker> validate() {
        Map<EObject, String> tokens = new IdentityHashMap<>();
        Map<Integer, EObject> elements = new HashMap<>();
        tokens.put(ion, "@0");
        elements.put(0, ion);
        int n = 1;
        for (var it = ion.eAllContents(); it.hasNext(); n++) {
            EObject e = it.next();
            tokens.put(e, "@" + n);
            elements.put(n, e);
        }
        List<Marker> markers = new ArrayList<>();
        for (Problem problem : new IonValidator().validate(ion, e -> tokens.getOrDefault(e, "@0"))) {
            Matcher m = ELEMENT_TOKEN.matcher(problem.path());
            EObject element = m.find() ? elements.getOrDefault(Integer.parseInt(m.group(1)), ion) : ion;
            markers.add(new Marker(graphElement(element), problem.severity(), problem.message()));
        }
        return markers;
    }

    /** The node, channel, component or ION a (possibly nested) element belongs to. */
    private EObject graphElement(EObject element) {
        for (EObject e = element; e != null; e = e.eContainer()) {
            if (e instanceof Component || e instanceof Node || e instanceof Channel || e instanceof Ion) {
                return e;
            }
        }
        return ion;
    }

    // ---- helpers ----

    private void run(String label, Runnable change) {
        RecordedChange command = new RecordedChange(label, ion.eResource(), change);
        commands.execute(command);
        if (command.failure() != null) {
            throw command.failure();
        }
    }

    private void requireNode(Node node) {
        if (node == null || node.eContainer() != ion) {
            throw new IllegalArgumentException("node " + (node == null ? "null" : "'" + node.getName() + "'") + " is not part of this ION");
        }
    }

    private void requireOwn(EObject element) {
        if (element == null || EcoreUtil.getRootContainer(element) != ion) {
            throw new IllegalArgumentException("that element is not part of this ION");
        }
    }

    private static Set<String> names(List<? extends EObject> named) {
        Set<String> names = new HashSet<>();
        for (EObject e : named) {
            EStructuralFeature f = e.eClass().getEStructuralFeature("name");
            if (f != null && e.eGet(f) != null) {
                names.add((String) e.eGet(f));
            }
        }
        return names;
    }

    static String uniqueName(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 2;; i++) {
            if (!taken.contains(base + "-" + i)) {
                return base + "-" + i;
            }
        }
    }

    private static Object convert(EAttribute attribute, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        EDataType type = attribute.getEAttributeType();
        Class<?> target = type.getInstanceClass();
        if (type instanceof EEnum e) {
            if (target.isInstance(value)) {
                return value;
            }
            String text = value.toString().trim();
            for (EEnumLiteral literal : e.getELiterals()) {
                if (literal.getLiteral().equals(text) || literal.getName().equals(text)) {
                    return literal.getInstance();
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of " + e.getELiterals().stream().map(EEnumLiteral::getLiteral)
                    .toList() + " for " + attribute.getName());
        }
        if (target.isInstance(value) || target.isPrimitive() && !(value instanceof String)) {
            return value;
        }
        String text = value.toString().trim();
        try {
            if (target == int.class || target == Integer.class) {
                return Integer.valueOf(text);
            }
            if (target == double.class || target == Double.class) {
                return Double.valueOf(text);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(attribute.getName() + " must be a number, not '" + text + "'");
        }
        if (target == boolean.class || target == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw new IllegalArgumentException(attribute.getName() + " must be true or false, not '" + text + "'");
            }
            return Boolean.valueOf(text);
        }
        return text;
    }
}
