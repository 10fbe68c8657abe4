package org.iongov.internal.ui;

/**
 * Which connection the workbench reads through now, as the status line says it; in the
 * application context beside the {@link org.iongov.core.store.GovernanceStore} it stands for,
 * replaced with it on every switch.
 *
 * @param id the connection's id ({@code embedded} or a remembered server's)
 * @param name what it is called
 * @param summary one line: the store, its location or server, its schema
 */
public record ActiveConnection(String id, String name, String summary) {

    /** The status line's text. */
    public String statusText() {
        return name + ": " + summary;
    }
}
