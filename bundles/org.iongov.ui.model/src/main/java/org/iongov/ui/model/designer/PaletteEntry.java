package org.iongov.ui.model.designer;

import java.util.Locale;
import java.util.Objects;

import org.iongov.model.ComponentKind;
import org.iongov.model.MessageType;
import org.iongov.model.edit.NodeTemplate;
import org.iongov.ui.model.graph.EdgeKind;
import org.iongov.ui.model.graph.NodeKind;

/**
 * One entry of the designer's palette: a tool that selects, places a node or component, or
 * connects two of them.
 *
 * @param id stable, for tests and drag-and-drop (e.g. {@code node:TRAINING}, {@code channel:model})
 * @param label what the palette shows
 * @param group the heading it is listed under
 * @param tool what it does on the canvas
 * @param template the node it places ({@link Tool#ADD_NODE})
 * @param message what the channel it draws carries ({@link Tool#CONNECT_CHANNEL})
 * @param component the kind of component it places ({@link Tool#ADD_COMPONENT})
 */
public record PaletteEntry(String id, String label, String group, Tool tool, NodeTemplate template, MessageType message,
        ComponentKind component) {

    /** What a palette entry does on the canvas. */
    public enum Tool {
        /** Click selects, drag moves. */
        SELECT,
        /** Click (or drop) places a node of the ION. */
        ADD_NODE,
        /** Click one node, then another: a channel between them. */
        CONNECT_CHANNEL,
        /** Click (or drop) places a component in the open pipeline. */
        ADD_COMPONENT,
        /** Click one component, then another: the first becomes an input of the second. */
        CONNECT_COMPONENTS
    }

    public static final String SELECT_ID = "select";
    public static final String INPUT_ID = "input";

    public PaletteEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tool, "tool");
    }

    static PaletteEntry select() {
        return new PaletteEntry(SELECT_ID, "Select", "Tools", Tool.SELECT, null, null, null);
    }

    static PaletteEntry node(NodeTemplate template) {
        return new PaletteEntry("node:" + template.name(), template.label(), template.isPipeline() ? "Pipelines" : "Policies",
                Tool.ADD_NODE, template, null, null);
    }

    static PaletteEntry channel(MessageType message) {
        String literal = message.getLiteral();
        return new PaletteEntry("channel:" + literal, Character.toUpperCase(literal.charAt(0)) + literal.substring(1) + " channel",
                "Channels", Tool.CONNECT_CHANNEL, null, message, null);
    }

    static PaletteEntry component(ComponentKind kind) {
        String words = kind.getLiteral().replace('-', ' ');
        return new PaletteEntry("component:" + kind.getLiteral(), Character.toUpperCase(words.charAt(0)) + words.substring(1),
                "Components", Tool.ADD_COMPONENT, null, null, kind);
    }

    static PaletteEntry input() {
        return new PaletteEntry(INPUT_ID, "Input (runs after)", "Connections", Tool.CONNECT_COMPONENTS, null, null, null);
    }

    /** Whether it places something where the canvas is clicked. */
    public boolean places() {
        return tool == Tool.ADD_NODE || tool == Tool.ADD_COMPONENT;
    }

    /** Whether it joins two things clicked one after the other. */
    public boolean connects() {
        return tool == Tool.CONNECT_CHANNEL || tool == Tool.CONNECT_COMPONENTS;
    }

    /** The kind of box it places (its colour), or null when it places none. */
    public NodeKind nodeKind() {
        if (tool == Tool.ADD_COMPONENT) {
            return NodeKind.COMPONENT;
        }
        if (tool != Tool.ADD_NODE) {
            return null;
        }
        return switch (template) {
            case TRAINING, ENSEMBLE_MEMBER -> NodeKind.TRAINING_PIPELINE;
            case INFERENCE -> NodeKind.INFERENCE_PIPELINE;
            case CONTROL -> NodeKind.CONTROL_PIPELINE;
            default -> NodeKind.POLICY_NODE;
        };
    }

    /** The kind of edge it draws (its colour), or null when it draws none. */
    public EdgeKind edgeKind() {
        return switch (tool) {
            case CONNECT_CHANNEL -> IonDesigner.channelKind(message);
            case CONNECT_COMPONENTS -> EdgeKind.COMPONENT_INPUT;
            default -> null;
        };
    }

    /** What the canvas hint says while it is armed. */
    public String hint() {
        return switch (tool) {
            case SELECT -> "Click to select, drag to move, double-click a pipeline to edit its components.";
            case ADD_NODE, ADD_COMPONENT -> "Click the canvas where the " + label.toLowerCase(Locale.ROOT) + " goes.";
            case CONNECT_CHANNEL -> "Click the sending node, then the receiving node (" + message.getLiteral() + " messages).";
            case CONNECT_COMPONENTS -> "Click the component that runs first, then the one that runs after it.";
        };
    }
}
