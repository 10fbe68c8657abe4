package org.iongov.store.derby;

import java.util.List;

/**
 * One step of the store's schema history. Migrations are applied in version order, each in its
 * own transaction, and recorded in {@code IONGOV_SCHEMA}; a published migration never changes.
 */
record Migration(int version, String description, List<String> statements) {

    Migration {
        if (version < 1) {
            throw new IllegalArgumentException("schema versions start at 1, got " + version);
        }
        statements = List.copyOf(statements);
    }
}
