package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;

/** The store's schema history, and the code that brings a store up to its latest version. */
final class SchemaMigrations {

    static final Migration V1_ION_DEFINITIONS = new Migration(1, "ION definitions, versioned as uploaded", List.of(
            "CREATE TABLE ION_DEFINITION ("
                    + " ID BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " NAME VARCHAR(200) NOT NULL,"
                    + " VERSION INT NOT NULL,"
                    + " UPLOADED_AT TIMESTAMP NOT NULL,"
                    + " DEFINITION CLOB NOT NULL,"
                    + " CONSTRAINT ION_DEFINITION_NAME_VERSION UNIQUE (NAME, VERSION))"));

    /** Every migration this version of IonGov knows, oldest first. */
    static final SchemaMigrations ALL = new SchemaMigrations(List.of(V1_ION_DEFINITIONS));

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " has version " + migrations.get(i).version());
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    int latestVersion() {
        return migrations.size();
    }

    /**
     * Applies the missing migrations and returns the resulting schema version.
     *
     * @param storeName how the store is named in messages
     */
    int upgrade(Connection connection, String storeName) throws SQLException {
        ensureSchemaTable(connection);
        int current = currentVersion(connection);
        if (current > latestVersion()) {
            throw new StoreException(Reason.NEWER_SCHEMA, "store " + storeName + " has schema v" + current
                    + " but this IonGov knows only up to v" + latestVersion() + ": use a newer IonGov to open it");
        }
        for (Migration migration : migrations.subList(current, migrations.size())) {
            apply(connection, migration);
        }
        return latestVersion();
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(VERSION) FROM IONGOV_SCHEMA")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void ensureSchemaTable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "IONGOV_SCHEMA", null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("CREATE TABLE IONGOV_SCHEMA ("
                    + " VERSION INT NOT NULL PRIMARY KEY,"
                    + " DESCRIPTION VARCHAR(500) NOT NULL,"
                    + " APPLIED_AT TIMESTAMP NOT NULL)");
        }
        connection.commit();
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : migration.statements()) {
                st.executeUpdate(sql);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO IONGOV_SCHEMA (VERSION, DESCRIPTION, APPLIED_AT) VALUES (?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw new SQLException("schema migration v" + migration.version() + " (" + migration.description() + ") failed: "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }
}
