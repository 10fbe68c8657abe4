package org.iongov.ui.model.designer;

import org.iongov.ui.model.graph.Badge;

/**
 * A validation problem as the designer lists it.
 *
 * @param elementId the designer's id of the node, channel or component it concerns, or null for
 *        the ION as a whole
 * @param severity error or warning
 * @param element where, in words: {@code node train}, {@code channel candidate-model},
 *        {@code component train / read-history}, {@code ION}
 * @param message the model's message
 */
public record DesignMarker(String elementId, Badge severity, String element, String message) {
}
