package org.iongov.core.query;

import java.time.Instant;

import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;

/**
 * A node run as stored: how it started and, once ended, how it ended.
 *
 * @param start the run as reported when it started
 * @param status running until an end is recorded
 * @param endedAt null while running
 */
public record NodeRun(RunRecord start, RunStatus status, Instant endedAt) {
}
