package org.iongov.ui.model.designer;

/**
 * The ION as it stood at one moment, to be written to a file or uploaded off the UI thread.
 *
 * @param name the ION's name
 * @param json its JSON definition
 * @param change which edit it reflects (saving it marks the design saved only if no edit came since)
 */
public record Snapshot(String name, String json, long change) {
}
