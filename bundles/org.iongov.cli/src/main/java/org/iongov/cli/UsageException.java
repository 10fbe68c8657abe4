package org.iongov.cli;

/** The command line was wrong: the message says what and how to fix it. Exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
