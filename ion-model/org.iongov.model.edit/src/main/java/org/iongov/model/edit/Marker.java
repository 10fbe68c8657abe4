package org.iongov.model.edit;

import org.eclipse.emf.ecore.EObject;
import org.iongov.model.validation.Severity;

/**
 * A validation problem placed on the graph element it concerns, for the designer to mark.
 *
 * @param element the node, channel, component, or the ION itself
 * @param severity error or warning
 * @param message what is wrong, in the user's terms
 */
public record Marker(EObject element, Severity severity, String message) {
}
