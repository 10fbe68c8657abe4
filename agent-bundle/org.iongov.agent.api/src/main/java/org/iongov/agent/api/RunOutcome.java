package org.iongov.agent.api;

/** How a run ended. */
public enum RunOutcome {
    SUCCEEDED, FAILED, CANCELLED;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
