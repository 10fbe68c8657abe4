package org.iongov.core.store;

import java.nio.file.Path;

/**
 * Opens governance stores. The Derby implementation registers itself as an OSGi service in the
 * workbench and through {@link java.util.ServiceLoader} in a plain JVM.
 */
public interface GovernanceStoreProvider {

    /**
     * Opens the embedded store in this folder, creating it (and the folder) when missing, and
     * upgrading its schema when it was made by an older version.
     *
     * @throws StoreException when the folder cannot be used: not writable, locked by another
     *     process, not a store, or made by a newer version
     */
    GovernanceStore openEmbedded(Path folder) throws StoreException;

    /**
     * Opens a store in a database reached through its network server, e.g.
     * {@code jdbc:derby://db-host:1527/iongov;create=true}, upgrading its schema when needed.
     *
     * @throws StoreException when the URL is not one this provider serves, the server cannot be
     *     reached, or the database was made by a newer version
     */
    GovernanceStore openUrl(String jdbcUrl) throws StoreException;
}
