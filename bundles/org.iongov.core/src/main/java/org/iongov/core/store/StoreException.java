package org.iongov.core.store;

/**
 * A store could not be opened or used. The message is written for the person who chose the
 * store: it says what is wrong, where, and what to do.
 */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store failed, for callers that react differently (exit codes, dialogs). */
    public enum Reason {
        /** The folder (or a parent that would have to be created) is not writable. */
        NOT_WRITABLE,
        /** Another process has the store open. */
        LOCKED,
        /** The folder exists but holds something that is not an IonGov store. */
        NOT_A_STORE,
        /** The store was made by a newer IonGov with a schema this version does not know. */
        NEWER_SCHEMA,
        /** A remote store refused the token or its role. */
        ACCESS_DENIED,
        /** A remote store (the server) cannot be reached. */
        UNREACHABLE,
        /** Anything else; the cause says more. */
        FAILED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
