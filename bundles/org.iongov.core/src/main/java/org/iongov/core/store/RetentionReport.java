package org.iongov.core.store;

import java.time.Instant;
import java.util.Map;

import org.iongov.core.metadata.RecordKind;

/**
 * What retention deleted, or (in a dry run) would delete.
 *
 * @param now the moment ages were measured from
 * @param dryRun true when nothing was deleted
 * @param expired per kind, how many records are past their age
 */
public record RetentionReport(Instant now, boolean dryRun, Map<RecordKind, Long> expired) {

    public RetentionReport {
        expired = Map.copyOf(expired);
    }

    public long total() {
        return expired.values().stream().mapToLong(Long::longValue).sum();
    }
}
