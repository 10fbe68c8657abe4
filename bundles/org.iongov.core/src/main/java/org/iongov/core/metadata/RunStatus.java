package org.iongov.core.metadata;

/** Where a run stands. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, CANCELLED
}
