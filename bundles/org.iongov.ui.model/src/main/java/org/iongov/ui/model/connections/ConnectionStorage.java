package org.iongov.ui.model.connections;

import java.util.List;
import java.util.Optional;

/**
 * Where remembered connections are kept: a node per connection holding named values, some of
 * them encrypted (the token). In the workbench it is Eclipse secure storage; the interface keeps
 * the connection list free of it, so it runs and is tested without OSGi. Every method may throw
 * {@link Unavailable} when the storage cannot be read or written.
 */
public interface ConnectionStorage {

    /** The ids of the connections stored, in no particular order. */
    List<String> ids();

    /** A value stored under a connection, decrypted where it was encrypted. */
    Optional<String> get(String id, String key);

    /** Stores a value under a connection (creating it), encrypted when {@code secret}. */
    void put(String id, String key, String value, boolean secret);

    /** Whether a stored value is kept encrypted. */
    boolean isEncrypted(String id, String key);

    /** Forgets a connection and everything stored under it. */
    void remove(String id);

    /** Writes what was changed to disk. */
    void flush();

    /** The storage cannot be read or written; the message says where and why, the cause keeps the detail. */
    final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
