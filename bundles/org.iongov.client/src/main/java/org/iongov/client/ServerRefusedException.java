package org.iongov.client;

import org.iongov.core.store.StoreException;

/**
 * The server refused the caller: its token (401: missing, unknown or revoked) or what its role
 * may do (403). A {@link StoreException} with reason {@link StoreException.Reason#ACCESS_DENIED}
 * like any other refusal, carrying the HTTP status and the server's own words for callers that
 * say which it was in their own terms (the workbench's connections).
 */
public final class ServerRefusedException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverMessage;

    ServerRefusedException(int status, String serverMessage, String message) {
        super(Reason.ACCESS_DENIED, message);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    /** 401 (the token) or 403 (the role). */
    public int status() {
        return status;
    }

    /** What the server said, e.g. "the bearer token is unknown or revoked". */
    public String serverMessage() {
        return serverMessage;
    }
}
