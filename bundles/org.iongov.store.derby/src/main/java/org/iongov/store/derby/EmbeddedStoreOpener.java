package org.iongov.store.derby;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;
import org.iongov.core.store.StoreInfo;
import org.iongov.core.store.StoreInfo.StoreMode;

/**
 * Opens an embedded store folder. The folder is IonGov's; Derby's database lives in its
 * {@code db} sub-folder, so a new, empty folder can be named as a store.
 */
final class EmbeddedStoreOpener {

    static final String DATABASE_FOLDER = "db";
    /** Connections per open store: enough for concurrent HTTP requests on 2 cores. */
    static final int POOL_SIZE = 4;

    private EmbeddedStoreOpener() {
    }

    static DerbyGovernanceStore open(Path requested, SchemaMigrations migrations) {
        Path folder = requested.toAbsolutePath().normalize();
        prepareFolder(folder);
        Path database = folder.resolve(DATABASE_FOLDER);
        routeDerbyLog(folder);
        String url = "jdbc:derby:" + database;
        Connection connection;
        try {
            connection = new EmbeddedDriver().connect(url + ";create=true", new Properties());
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(folder, e);
        }
        try {
            int version = migrations.upgrade(connection, folder.toString());
            ConnectionPool pool = new ConnectionPool(connection, () -> new EmbeddedDriver().connect(url, new Properties()),
                    POOL_SIZE);
            return new DerbyGovernanceStore(new StoreInfo(folder.toString(), StoreMode.EMBEDDED, version), url, pool,
                    Clock.systemUTC());
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            DerbyGovernanceStore.shutdownEmbedded(url);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(Reason.FAILED, "store " + folder + " could not be upgraded: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // the database shutdown that follows releases it anyway
        }
    }

    private static void prepareFolder(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new StoreException(Reason.NOT_WRITABLE, "cannot create store folder " + folder + ": no parent folder exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new StoreException(Reason.NOT_WRITABLE, "cannot use store folder " + folder + ": " + existing
                    + " is a file, not a folder");
        }
        if (existing.equals(folder) && !Files.isDirectory(folder.resolve(DATABASE_FOLDER)) && !isEmpty(folder)) {
            throw new StoreException(Reason.NOT_A_STORE, "folder " + folder
                    + " is not an IonGov store (it holds other files and no '" + DATABASE_FOLDER
                    + "' database): name a new or empty folder");
        }
        try {
            Files.createDirectories(folder);
            // Permission bits lie for root and for some file systems: write a file to be sure.
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StoreException(Reason.NOT_WRITABLE, "store folder " + folder + " is not writable ("
                    + describe(e) + "): choose a folder you can write to with --store DIR", e);
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new StoreException(Reason.NOT_WRITABLE, "cannot read store folder " + folder + " (" + describe(e) + ")", e);
        }
    }

    /** Derby writes derby.log into the working directory unless told otherwise. */
    private static void routeDerbyLog(Path folder) {
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
        }
    }

    private static StoreException translate(Path folder, SQLException e) {
        java.util.Set<String> states = sqlStates(e, new java.util.HashSet<>());
        if (states.contains("XSDB6")) {
            return new StoreException(Reason.LOCKED, "store " + folder
                    + " is in use by another process (a running IonGov server, workbench or demo): stop it, or name another folder with --store DIR",
                    e);
        }
        if (states.contains("XBM0J") || (states.contains("XJ041") && hasNoDatabaseMarker(folder))) {
            return new StoreException(Reason.NOT_A_STORE, "folder " + folder.resolve(DATABASE_FOLDER)
                    + " is not a Derby database: name a new or empty folder as the store", e);
        }
        return new StoreException(Reason.FAILED, "cannot open store " + folder + ": " + e.getMessage(), e);
    }

    /** Derby reports the real reason in the cause chain or in the next-exception chain. */
    private static java.util.Set<String> sqlStates(Throwable t, java.util.Set<String> into) {
        for (Throwable cause = t; cause != null && into.size() < 50; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (sql.getSQLState() != null && !into.add(sql.getSQLState())) {
                    continue;
                }
                if (sql.getNextException() != null) {
                    sqlStates(sql.getNextException(), into);
                }
            }
        }
        return into;
    }

    private static boolean hasNoDatabaseMarker(Path folder) {
        return !Files.exists(folder.resolve(DATABASE_FOLDER).resolve("service.properties"));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
