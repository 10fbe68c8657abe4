package org.iongov.ui.model.connections;

import java.net.URI;

/**
 * A remembered server: what it is called and where it is. Its token is kept apart, in secure
 * storage, and never part of this record.
 *
 * @param id a stable id, the key of its token in the storage
 * @param name what the person called it
 * @param server its base URL
 */
public record ServerConnection(String id, String name, URI server) {

    @Override
    public String toString() {
        return name + " (" + server + ")";
    }
}
