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


    /**
     * Both levels of metadata. Times are epoch milliseconds (BIGINT): compact, and time buckets
     * for downsampling are plain integer arithmetic. Every table's ID is the producer-chosen
     * record id, whose uniqueness makes ingest idempotent.
     */
    static final Migration V2_METADATA = new Migration(2, "ION instances, runs, messages, statistics, models, datasets, predictions, events, logs, tokens", List.of(
            // Records are appended and (but for run ends and receipts) never updated: keep no
            // free space in table pages for rows to grow into.
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageReservedSpace', '0')",
            "CREATE TABLE ION_INSTANCE (ID VARCHAR(200) NOT NULL PRIMARY KEY, ION_NAME VARCHAR(200) NOT NULL,"
                    + " ION_VERSION INT NOT NULL, CREATED_AT BIGINT NOT NULL, DESCRIPTION VARCHAR(4000))",
            "CREATE TABLE NODE_RUN (ID VARCHAR(200) NOT NULL PRIMARY KEY, INSTANCE_ID VARCHAR(200) NOT NULL,"
                    + " NODE VARCHAR(200) NOT NULL, NODE_KIND VARCHAR(16) NOT NULL, STARTED_AT BIGINT NOT NULL,"
                    + " HOST VARCHAR(255), ENGINE VARCHAR(64), ENGINE_VERSION VARCHAR(64), AGENT VARCHAR(200),"
                    + " CODE_URI VARCHAR(2000), CODE_VERSION VARCHAR(200), CONFIGURATION CLOB,"
                    + " STATUS VARCHAR(16) NOT NULL, ENDED_AT BIGINT, STARTED_BY VARCHAR(200))",
            "CREATE INDEX NODE_RUN_INSTANCE ON NODE_RUN (INSTANCE_ID, NODE, STARTED_AT)",
            "CREATE INDEX NODE_RUN_STARTED ON NODE_RUN (STARTED_AT)",
            "CREATE TABLE RUN_END (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL,"
                    + " ENDED_AT BIGINT NOT NULL, STATUS VARCHAR(16) NOT NULL)",
            "CREATE TABLE COMPONENT_RUN (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL,"
                    + " COMPONENT VARCHAR(200) NOT NULL, STARTED_AT BIGINT NOT NULL, ENDED_AT BIGINT, STATUS VARCHAR(16) NOT NULL)",
            "CREATE INDEX COMPONENT_RUN_RUN ON COMPONENT_RUN (RUN_ID)",
            // A statistic's run, component and name live once in its series; each point is then
            // small, and the covering (SERIES, T, VAL) index answers range queries on its own.
            "CREATE TABLE STAT_SERIES (ID INT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL,"
                    + " COMPONENT VARCHAR(200) NOT NULL, NAME VARCHAR(200) NOT NULL,"
                    + " CONSTRAINT STAT_SERIES_KEY UNIQUE (RUN_ID, NAME, COMPONENT))",
            "CREATE INDEX STAT_SERIES_NAME ON STAT_SERIES (NAME)",
            "CREATE TABLE STATISTIC (ID VARCHAR(200) NOT NULL PRIMARY KEY, SERIES INT NOT NULL, T BIGINT NOT NULL, VAL DOUBLE)",
            "CREATE INDEX STATISTIC_SERIES_T ON STATISTIC (SERIES, T, VAL)",
            "CREATE TABLE STATISTIC_STRUCTURED (ID VARCHAR(200) NOT NULL PRIMARY KEY, VALUE_JSON CLOB NOT NULL)",
            "CREATE TABLE SIGNATURE (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL,"
                    + " COMPONENT VARCHAR(200), TARGET VARCHAR(16) NOT NULL, FEATURE VARCHAR(200) NOT NULL,"
                    + " T BIGINT NOT NULL, HISTOGRAM BLOB NOT NULL)",
            "CREATE INDEX SIGNATURE_RUN ON SIGNATURE (RUN_ID, FEATURE, T)",
            "CREATE TABLE MESSAGE (ID VARCHAR(200) NOT NULL PRIMARY KEY, INSTANCE_ID VARCHAR(200) NOT NULL,"
                    + " CHANNEL VARCHAR(200) NOT NULL, MESSAGE_TYPE VARCHAR(16) NOT NULL, SENDER_RUN_ID VARCHAR(200) NOT NULL,"
                    + " RECEIVER_RUN_ID VARCHAR(200), SENT_AT BIGINT NOT NULL, RECEIVED_AT BIGINT, MODEL_ID VARCHAR(200),"
                    + " PAYLOAD CLOB)",
            "CREATE INDEX MESSAGE_MODEL ON MESSAGE (MODEL_ID)",
            "CREATE INDEX MESSAGE_SENDER ON MESSAGE (SENDER_RUN_ID)",
            "CREATE INDEX MESSAGE_RECEIVER ON MESSAGE (RECEIVER_RUN_ID)",
            "CREATE TABLE MESSAGE_RECEIPT (ID VARCHAR(200) NOT NULL PRIMARY KEY, MESSAGE_ID VARCHAR(200) NOT NULL,"
                    + " RECEIVER_RUN_ID VARCHAR(200) NOT NULL, RECEIVED_AT BIGINT NOT NULL)",
            "CREATE TABLE MODEL (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL, NAME VARCHAR(200),"
                    + " FORMAT VARCHAR(16) NOT NULL, SHA256 CHAR(64) NOT NULL, SIZE BIGINT NOT NULL, CREATED_AT BIGINT NOT NULL,"
                    + " BYTES BLOB, LOCATION VARCHAR(2000), METADATA CLOB)",
            "CREATE INDEX MODEL_RUN ON MODEL (RUN_ID)",
            "CREATE INDEX MODEL_SHA256 ON MODEL (SHA256)",
            "CREATE TABLE DATASET (ID VARCHAR(200) NOT NULL PRIMARY KEY, URI VARCHAR(2000) NOT NULL, SIZE BIGINT NOT NULL,"
                    + " DIGEST VARCHAR(200), SCHEMA_JSON CLOB, RECORDED_AT BIGINT NOT NULL)",
            "CREATE TABLE DATASET_USE (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL,"
                    + " DATASET_ID VARCHAR(200) NOT NULL, DIRECTION VARCHAR(8) NOT NULL, T BIGINT NOT NULL)",
            "CREATE INDEX DATASET_USE_RUN ON DATASET_USE (RUN_ID)",
            "CREATE INDEX DATASET_USE_DATASET ON DATASET_USE (DATASET_ID)",
            "CREATE TABLE PREDICTION (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL, T BIGINT NOT NULL,"
                    + " MODEL_IDS VARCHAR(2000) NOT NULL, INPUT_DIGEST VARCHAR(128), INPUT_JSON CLOB, OUTPUT_JSON VARCHAR(8000) NOT NULL)",
            "CREATE INDEX PREDICTION_RUN ON PREDICTION (RUN_ID, T)",
            "CREATE INDEX PREDICTION_T ON PREDICTION (T)",
            "CREATE TABLE EVENT (ID VARCHAR(200) NOT NULL PRIMARY KEY, INSTANCE_ID VARCHAR(200), RUN_ID VARCHAR(200),"
                    + " T BIGINT NOT NULL, TYPE VARCHAR(64) NOT NULL, SEVERITY VARCHAR(8) NOT NULL, MESSAGE VARCHAR(4000) NOT NULL,"
                    + " DETAILS CLOB)",
            "CREATE INDEX EVENT_T ON EVENT (T)",
            "CREATE INDEX EVENT_RUN ON EVENT (RUN_ID)",
            "CREATE INDEX EVENT_INSTANCE ON EVENT (INSTANCE_ID, T)",
            "CREATE TABLE LOG_LINE (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL, T BIGINT NOT NULL,"
                    + " LEVEL VARCHAR(16) NOT NULL, MESSAGE BLOB NOT NULL)",
            "CREATE INDEX LOG_LINE_RUN ON LOG_LINE (RUN_ID, T)",
            "CREATE TABLE SEARCH_RESULT (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL,"
                    + " PARAMETERS CLOB NOT NULL, METRIC VARCHAR(200) NOT NULL, VAL DOUBLE, CHOSEN SMALLINT NOT NULL)",
            "CREATE INDEX SEARCH_RESULT_RUN ON SEARCH_RESULT (RUN_ID)",
            "CREATE TABLE RUN_CONTEXT (ID VARCHAR(200) NOT NULL PRIMARY KEY, RUN_ID VARCHAR(200) NOT NULL, HOST VARCHAR(255),"
                    + " ENGINE VARCHAR(64), ENGINE_VERSION VARCHAR(64), LIBRARIES CLOB, T BIGINT NOT NULL)",
            "CREATE INDEX RUN_CONTEXT_RUN ON RUN_CONTEXT (RUN_ID)",
            "CREATE TABLE HUMAN_ACTION (ID VARCHAR(200) NOT NULL PRIMARY KEY, ACTOR VARCHAR(200) NOT NULL,"
                    + " ROLE VARCHAR(32) NOT NULL, ACTION VARCHAR(32) NOT NULL, SUBJECT_TYPE VARCHAR(32) NOT NULL,"
                    + " SUBJECT_ID VARCHAR(200) NOT NULL, POLICY_NODE VARCHAR(200), T BIGINT NOT NULL, COMMENT VARCHAR(4000))",
            "CREATE INDEX HUMAN_ACTION_SUBJECT ON HUMAN_ACTION (SUBJECT_ID)",
            "CREATE INDEX HUMAN_ACTION_T ON HUMAN_ACTION (T)",
            "CREATE TABLE ACCESS_TOKEN (ID VARCHAR(32) NOT NULL PRIMARY KEY, USER_NAME VARCHAR(200) NOT NULL,"
                    + " ROLE VARCHAR(32) NOT NULL, SECRET_SHA256 CHAR(64) NOT NULL UNIQUE, CREATED_AT BIGINT NOT NULL,"
                    + " REVOKED_AT BIGINT)",
            "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageReservedSpace', NULL)"));

    /** Lineage walks: from a prediction to the same input scored elsewhere (control pipelines), from a dataset to its runs. */
    static final Migration V3_LINEAGE_INDEXES = new Migration(3, "indexes for lineage queries, each series' latest value", List.of(
            "ALTER TABLE STAT_SERIES ADD COLUMN LAST_T BIGINT",
            "ALTER TABLE STAT_SERIES ADD COLUMN LAST_VAL DOUBLE",
            "UPDATE STAT_SERIES SS SET LAST_T = (SELECT MAX(S.T) FROM STATISTIC S WHERE S.SERIES = SS.ID AND S.VAL IS NOT NULL)",
            "UPDATE STAT_SERIES SS SET LAST_VAL = (SELECT MAX(S.VAL) FROM STATISTIC S WHERE S.SERIES = SS.ID AND S.T = SS.LAST_T)"
                    + " WHERE LAST_T IS NOT NULL",
            "CREATE INDEX PREDICTION_INPUT ON PREDICTION (INPUT_DIGEST)",
            "CREATE INDEX MESSAGE_RECEIPT_MESSAGE ON MESSAGE_RECEIPT (MESSAGE_ID)",
            "CREATE INDEX MESSAGE_RECEIPT_RECEIVER ON MESSAGE_RECEIPT (RECEIVER_RUN_ID)"));

    /**
     * The governance ledger: a hash chain of approvals, rejections, policy decisions,
     * deployments, rollbacks, ION definition uploads and token changes, appended in the
     * transactions that make those changes. LEDGER_HEAD's single row is the chain's end and the
     * lock that serializes appends. Changes made before this migration are not in the chain.
     */
    static final Migration V4_GOVERNANCE_LEDGER = new Migration(4, "governance ledger (hash chain) and its head", List.of(
            "CREATE TABLE LEDGER_ENTRY (SEQ BIGINT NOT NULL PRIMARY KEY, T BIGINT NOT NULL, KIND VARCHAR(32) NOT NULL,"
                    + " ACTOR VARCHAR(500) NOT NULL, SUBJECT VARCHAR(500) NOT NULL, PAYLOAD CLOB NOT NULL,"
                    + " PREV_HASH CHAR(64) NOT NULL, HASH CHAR(64) NOT NULL)",
            "CREATE TABLE LEDGER_HEAD (ID SMALLINT NOT NULL PRIMARY KEY, SEQ BIGINT NOT NULL, HASH CHAR(64) NOT NULL)",
            "INSERT INTO LEDGER_HEAD (ID, SEQ, HASH) VALUES (1, 0, '" + "0".repeat(64) + "')"));

    /** Every migration this version of IonGov knows, oldest first. */
    static final SchemaMigrations ALL = new SchemaMigrations(List.of(V1_ION_DEFINITIONS, V2_METADATA, V3_LINEAGE_INDEXES,
            V4_GOVERNANCE_LEDGER));

    private final List<Migration> migrations;

    SchemaMigrations(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " has version " + migrations.get(i).version());
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    List<Migration> migrations() {
        return migrations;
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
                st.execute(sql);
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
