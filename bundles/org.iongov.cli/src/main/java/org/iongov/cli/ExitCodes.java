package org.iongov.cli;

/** The CLI's exit codes, the same for every verb. */
final class ExitCodes {

    static final int OK = 0;
    /** The verb ran and its answer is "no" (e.g. a definition is invalid). */
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The store could not be opened: not writable, locked, not a store, too new. */
    static final int STORE_UNAVAILABLE = 3;
    /** A bug or an unexpected fault; the cause is printed. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
