package org.iongov.server;

import java.util.List;

/** A request the server refuses: the status and a message for the caller, and optional details. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> problems;

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    ApiException(int status, String message, List<String> problems) {
        super(message);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    int status() {
        return status;
    }

    List<String> problems() {
        return problems;
    }
}
