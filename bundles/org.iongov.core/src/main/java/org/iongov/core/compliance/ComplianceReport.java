package org.iongov.core.compliance;

import java.time.Instant;
import java.util.List;

import org.iongov.core.query.TimeRange;

/**
 * The outcome of running a set of compliance policies over a time window.
 *
 * @param checkedAt when the check ran
 * @param window the metadata it looked at
 * @param results each policy's result, in configuration order
 */
public record ComplianceReport(Instant checkedAt, TimeRange window, List<PolicyResult> results) {

    public ComplianceReport {
        results = List.copyOf(results);
    }

    /** Every policy's violations, in policy order. */
    public List<Violation> violations() {
        return results.stream().flatMap(r -> r.violations().stream()).toList();
    }

    /** Whether every policy ran and found nothing. */
    public boolean passed() {
        return results.stream().allMatch(PolicyResult::passed);
    }
}
