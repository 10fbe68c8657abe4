package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

import org.apache.derby.jdbc.ClientDriver;
import org.iongov.core.store.StoreException;
import org.iongov.core.store.StoreException.Reason;
import org.iongov.core.store.StoreInfo;
import org.iongov.core.store.StoreInfo.StoreMode;

/** Opens a store in a database served by a Derby network server. */
final class NetworkStoreOpener {

    static final String PREFIX = "jdbc:derby://";

    private NetworkStoreOpener() {
    }

    static DerbyGovernanceStore open(String url, SchemaMigrations migrations) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new StoreException(Reason.NOT_A_STORE, "store URL '" + url
                    + "' is not a Derby network URL: use jdbc:derby://HOST:PORT/DATABASE (add ;create=true for a new one)");
        }
        String shown = withoutAttributes(url);
        Connection connection;
        try {
            connection = new ClientDriver().connect(url, new Properties());
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw translate(shown, e);
        }
        try {
            int version = migrations.upgrade(connection, shown);
            // Further connections must not try to create the database again.
            String plain = url.replace(";create=true", "");
            ConnectionPool pool = new ConnectionPool(connection, () -> new ClientDriver().connect(plain, new Properties()),
                    EmbeddedStoreOpener.POOL_SIZE);
            return new DerbyGovernanceStore(new StoreInfo(shown, StoreMode.REMOTE, version), null, pool, Clock.systemUTC());
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException(Reason.FAILED, "store " + shown + " could not be upgraded: " + e.getMessage(), e);
        }
    }

    /** The URL without attributes such as user and password, for messages and status lines. */
    private static String withoutAttributes(String url) {
        int semicolon = url.indexOf(';');
        return semicolon < 0 ? url : url.substring(0, semicolon);
    }

    private static StoreException translate(String shown, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if ("08004".equals(state)) {
            // The server answered but refused the connection: missing database or bad credentials.
            return new StoreException(Reason.NOT_A_STORE, "the Derby network server refused " + shown + ": " + e.getMessage()
                    + " (add ;create=true to the URL to create it)", e);
        }
        if (state.startsWith("08")) {
            return new StoreException(Reason.UNREACHABLE, "cannot reach the Derby network server for " + shown
                    + " (" + e.getMessage() + "): is it running and listening there?", e);
        }
        if ("XJ004".equals(state) || state.startsWith("XJ")) {
            return new StoreException(Reason.NOT_A_STORE, "cannot open database " + shown + ": " + e.getMessage()
                    + " (add ;create=true to the URL to create it)", e);
        }
        return new StoreException(Reason.FAILED, "cannot open store " + shown + ": " + e.getMessage(), e);
    }
}
