package org.iongov.core.compliance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.IngestReceipt;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.StoreException;

/**
 * Runs a set of compliance policies over a store and a time window, and records what they find
 * as events ({@value Violation#EVENT_TYPE}) through the store's ordinary ingest.
 */
public final class ComplianceCheck {

    private static final System.Logger LOG = System.getLogger(ComplianceCheck.class.getName());

    private final List<CompliancePolicy> policies;
    private final Clock clock;
    private final String eventPrefix;

    /** A check of the configured policies, recording under {@value Violation#EVENT_ID_PREFIX}. */
    public ComplianceCheck(List<CompliancePolicy> policies, Clock clock) {
        this(policies, clock, Violation.EVENT_ID_PREFIX);
    }

    private ComplianceCheck(List<CompliancePolicy> policies, Clock clock, String eventPrefix) {
        if (policies.isEmpty()) {
            throw new IllegalArgumentException("a compliance check needs at least one policy");
        }
        this.policies = List.copyOf(policies);
        this.clock = clock;
        this.eventPrefix = eventPrefix;
    }

    /**
     * A check of a configuration sent with a request rather than the server's own: it records its
     * violations under {@value Violation#AD_HOC_PREFIX}, so that a lenient or strict configuration
     * reusing a policy id neither pre-empts nor duplicates the server's own records.
     */
    public static ComplianceCheck adHoc(List<CompliancePolicy> policies, Clock clock) {
        return new ComplianceCheck(policies, clock, Violation.AD_HOC_PREFIX);
    }

    public List<CompliancePolicy> policies() {
        return policies;
    }

    /**
     * Runs every policy over the window. A policy that fails is reported as not passed with its
     * error, and the others still run; a store that cannot be reached fails the whole check.
     */
    public ComplianceReport run(GovernanceStore store, TimeRange window) {
        ComplianceScope scope = new ComplianceScope(store, window, clock.instant());
        List<PolicyResult> results = new ArrayList<>();
        for (CompliancePolicy policy : policies) {
            try {
                List<Violation> violations = policy.check(scope);
                results.add(new PolicyResult(policy.id(), policy.type(), policy.description(), violations.isEmpty(),
                        policy.subjects(scope), violations, null));
            } catch (StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "compliance policy " + policy.id() + " failed", e);
                results.add(new PolicyResult(policy.id(), policy.type(), policy.description(), false, 0, List.of(),
                        "the policy could not run: " + e));
            }
        }
        return new ComplianceReport(scope.checkedAt(), scope.window(), results);
    }

    /**
     * A check that was run and recorded.
     *
     * @param report what the policies found
     * @param recorded how many of its violations were recorded now (the others were recorded by an earlier check)
     */
    public record Outcome(ComplianceReport report, int recorded) {
    }

    /** Runs the policies over the window and records their violations (once per policy, subject and occurrence). */
    public Outcome runAndRecord(GovernanceStore store, TimeRange window) {
        ComplianceReport report = run(store, window);
        return new Outcome(report, record(store, report, eventPrefix));
    }

    /**
     * Records the report's violations as events, one per policy, subject and occurrence (see
     * {@link Violation#dedupeKey()}), with the policy's type and parameters: a violation recorded
     * by an earlier check is not recorded again (its event id is the same, and ingest keeps the
     * first).
     *
     * @return how many violations were new
     */
    public static int record(GovernanceStore store, ComplianceReport report) {
        return record(store, report, Violation.EVENT_ID_PREFIX);
    }

    private static int record(GovernanceStore store, ComplianceReport report, String prefix) {
        List<MetadataRecord> events = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (PolicyResult result : report.results()) {
            for (Violation violation : result.violations()) {
                if (ids.add(violation.eventId(prefix))) {
                    events.add(violation.toEvent(report.checkedAt(), prefix, result.type(), result.description()));
                }
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        IngestReceipt receipt = store.ingest(new IngestBatch(events));
        return receipt.stored();
    }
}
