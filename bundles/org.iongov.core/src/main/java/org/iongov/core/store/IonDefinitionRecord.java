package org.iongov.core.store;

import java.time.Instant;

/**
 * One stored version of an ION definition.
 *
 * @param name the ION's name
 * @param version 1 for the first upload of that name, then counting up
 * @param uploadedAt when the store received it
 * @param definitionJson the definition as uploaded
 */
public record IonDefinitionRecord(String name, int version, Instant uploadedAt, String definitionJson) {
}
