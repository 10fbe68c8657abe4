package org.iongov.core.store;

/**
 * Describes an open store.
 *
 * @param location where the store lives: a folder for an embedded store, a JDBC URL otherwise
 * @param mode embedded or remote
 * @param schemaVersion the schema version the store has now (after migrations at open)
 */
public record StoreInfo(String location, StoreMode mode, int schemaVersion) {

    /** How the store is reached. */
    public enum StoreMode {
        /** Derby runs inside this process on a local folder. */
        EMBEDDED,
        /** Derby runs as a network server elsewhere. */
        REMOTE
    }

    /** One line for status bars and logs, e.g. {@code embedded store /home/a/.iongov/store, schema v1}. */
    public String summary() {
        return mode.name().toLowerCase(java.util.Locale.ROOT) + " store " + location + ", schema v" + schemaVersion;
    }
}
