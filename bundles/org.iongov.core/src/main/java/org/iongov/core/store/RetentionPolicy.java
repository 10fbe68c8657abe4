package org.iongov.core.store;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.iongov.core.metadata.RecordKind;

/**
 * How long each kind of record is kept. Only the kinds that are not governance evidence can
 * expire: statistics, signatures, logs, component runs and search results. Runs, messages,
 * models, datasets, predictions, events and human actions (approvals) are lineage and evidence
 * and are never deleted by retention.
 *
 * @param maxAge the age after which records of a kind are deleted; kinds absent are kept
 */
public record RetentionPolicy(Map<RecordKind, Duration> maxAge) {

    /** The kinds retention may delete. */
    public static final Set<RecordKind> EXPIRABLE = EnumSet.of(RecordKind.STATISTIC, RecordKind.SIGNATURE, RecordKind.LOG,
            RecordKind.COMPONENT_RUN, RecordKind.SEARCH_RESULT);

    public RetentionPolicy {
        maxAge = Map.copyOf(maxAge);
        for (Map.Entry<RecordKind, Duration> entry : maxAge.entrySet()) {
            if (!EXPIRABLE.contains(entry.getKey())) {
                throw new IllegalArgumentException(entry.getKey().wireName()
                        + " records are governance evidence and never expire; expirable kinds: " + EXPIRABLE);
            }
            if (entry.getValue().isNegative() || entry.getValue().isZero()) {
                throw new IllegalArgumentException("retention for " + entry.getKey().wireName() + " must be positive");
            }
        }
    }

    /** Statistics, signatures and search results for 90 days, logs and component runs for 30. */
    public static RetentionPolicy defaults() {
        Map<RecordKind, Duration> ages = new EnumMap<>(RecordKind.class);
        ages.put(RecordKind.STATISTIC, Duration.ofDays(90));
        ages.put(RecordKind.SIGNATURE, Duration.ofDays(90));
        ages.put(RecordKind.SEARCH_RESULT, Duration.ofDays(90));
        ages.put(RecordKind.LOG, Duration.ofDays(30));
        ages.put(RecordKind.COMPONENT_RUN, Duration.ofDays(30));
        return new RetentionPolicy(ages);
    }
}
