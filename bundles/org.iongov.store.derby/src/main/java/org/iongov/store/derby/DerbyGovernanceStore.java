package org.iongov.store.derby;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;
import org.iongov.core.store.StoreInfo;
import org.iongov.core.store.StoreInfo.StoreMode;

/** A governance store on an embedded Derby database. Thread-safe: calls are serialised. */
final class DerbyGovernanceStore implements GovernanceStore {

    private final Path folder;
    private final String url;
    private final int schemaVersion;
    private Connection connection;

    DerbyGovernanceStore(Path folder, String url, Connection connection, int schemaVersion) {
        this.folder = folder;
        this.url = url;
        this.connection = connection;
        this.schemaVersion = schemaVersion;
    }

    @Override
    public StoreInfo info() {
        return new StoreInfo(folder.toString(), StoreMode.EMBEDDED, schemaVersion);
    }

    @Override
    public synchronized IonDefinitionRecord addIonDefinition(String name, String definitionJson) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionJson, "definitionJson");
        Connection c = open();
        // Derby keeps microseconds at most; truncate so what we return equals what we read back.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            int version;
            try (PreparedStatement max = c.prepareStatement(
                    "SELECT COALESCE(MAX(VERSION), 0) FROM ION_DEFINITION WHERE NAME = ?")) {
                max.setString(1, name);
                try (ResultSet rs = max.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1) + 1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO ION_DEFINITION (NAME, VERSION, UPLOADED_AT, DEFINITION) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, name);
                insert.setInt(2, version);
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setString(4, definitionJson);
                insert.executeUpdate();
            }
            c.commit();
            return new IonDefinitionRecord(name, version, now, definitionJson);
        } catch (SQLException e) {
            rollbackQuietly(c, e);
            throw failure("store ION definition '" + name + "'", e);
        }
    }

    @Override
    public synchronized List<IonDefinitionRecord> ionDefinitions() {
        Connection c = open();
        List<IonDefinitionRecord> result = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT NAME, VERSION, UPLOADED_AT, DEFINITION FROM ION_DEFINITION ORDER BY NAME, VERSION");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                result.add(new IonDefinitionRecord(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4)));
            }
            c.commit();
            return result;
        } catch (SQLException e) {
            throw failure("read ION definitions", e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            shutdownQuietly(url, connection);
            connection = null;
        }
    }

    private Connection open() {
        if (connection == null) {
            throw new IllegalStateException("store " + folder + " is closed");
        }
        return connection;
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException(Reason.FAILED, "could not " + action + " in store " + folder + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c, SQLException original) {
        try {
            c.rollback();
        } catch (SQLException rollbackFailure) {
            original.addSuppressed(rollbackFailure);
        }
    }

    /** Closes the connection and shuts the database down, which releases Derby's lock on the folder. */
    static void shutdownQuietly(String url, Connection connection) {
        try {
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // The shutdown below releases the database whatever state the connection was in.
        }
        try {
            new EmbeddedDriver().connect(url + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // Derby reports a successful database shutdown as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                System.getLogger(DerbyGovernanceStore.class.getName()).log(System.Logger.Level.WARNING,
                        "Derby shutdown of " + url + " failed", expected);
            }
        }
    }
}
