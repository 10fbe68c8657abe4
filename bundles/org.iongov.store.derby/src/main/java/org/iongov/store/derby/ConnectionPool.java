package org.iongov.store.derby;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of connections to one database, handed out one per unit of work. Derby locks
 * rows, so concurrent readers and ingest batches proceed side by side.
 */
final class ConnectionPool implements AutoCloseable {

    /** Opens one more connection to the same database. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open() throws SQLException;
    }

    /** A unit of work on one connection, committed when it returns normally. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private volatile boolean closed;

    ConnectionPool(Connection first, ConnectionFactory factory, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        add(first);
        for (int i = 1; i < size; i++) {
            add(factory.open());
        }
    }

    private void add(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        all.add(connection);
        idle.add(connection);
    }

    /** Runs the work in a transaction: committed on success, rolled back on any failure. */
    <T> T inTransaction(Work<T> work) throws SQLException {
        Connection connection = take();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            idle.add(connection);
        }
    }

    private Connection take() {
        if (closed) {
            throw new IllegalStateException("store is closed");
        }
        try {
            Connection connection = idle.poll(60, TimeUnit.SECONDS);
            if (connection == null) {
                throw new IllegalStateException("no store connection became free within 60 s");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a store connection", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection connection : all) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway: the database shutdown that follows releases everything
            }
        }
    }
}
