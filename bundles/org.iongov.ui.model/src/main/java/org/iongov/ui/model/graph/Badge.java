package org.iongov.ui.model.graph;

/** A mark drawn on a node or edge: something is wrong with it (the validator's problems). */
public enum Badge {
    /** It cannot be used like this. */
    ERROR,
    /** It works, but is probably not what was meant. */
    WARNING
}
