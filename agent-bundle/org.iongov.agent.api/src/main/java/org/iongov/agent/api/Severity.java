package org.iongov.agent.api;

/** How serious an event is. */
public enum Severity {
    INFO, WARNING, ERROR;

    String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
