package org.iongov.core.store;

import java.util.List;

/**
 * The governance store: where every ION definition, run, message, statistic, model and approval
 * is kept. Implementations are opened through a {@link GovernanceStoreProvider} and must be
 * closed to release the store (an embedded store is locked while open).
 */
public interface GovernanceStore extends AutoCloseable {

    /** Where the store lives and which schema it has. */
    StoreInfo info();

    /**
     * Stores a new version of the ION definition with this name; versions count up from 1 per
     * name.
     *
     * @param name the ION's name
     * @param definitionJson the definition as uploaded
     * @return the stored record, with its version and upload time
     */
    IonDefinitionRecord addIonDefinition(String name, String definitionJson);

    /** All stored ION definitions, by name then version. */
    List<IonDefinitionRecord> ionDefinitions();

    /** Releases the store. Idempotent. */
    @Override
    void close();
}
