package org.iongov.ui.model.compliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.CompliancePolicy;
import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.compliance.Violation;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;

/**
 * The compliance view's logic, headless: runs the compliance policies ({@link ComplianceCheck},
 * the defaults of {@link CompliancePolicies} unless others are given) over a window of the store,
 * optionally recording the violations as {@value Violation#EVENT_TYPE} events as
 * {@code ./iongov audit check} does, and verifies the governance ledger. Every method reads the
 * store: call them off the UI thread. Texts are ready to show.
 */
public final class CompliancePresenter {

    /** What a cell shows when there is no value. */
    public static final String NONE = "—";
    public static final List<String> RESULT_COLUMNS = List.of("Policy", "Result", "Checked", "Violations", "Requires");
    public static final List<String> VIOLATION_COLUMNS = List.of("Policy", "Subject", "Deployment", "Problem", "Since", "Severity");

    /** How much of the store a check looks at. */
    public enum Window {
        ALL("all recorded metadata", null), DAY("the last 24 hours", Duration.ofDays(1)), WEEK("the last 7 days", Duration.ofDays(7)),
        MONTH("the last 30 days", Duration.ofDays(30)), YEAR("the last 365 days", Duration.ofDays(365));

        private final String label;
        private final Duration length;

        Window(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        public String label() {
            return label;
        }

        /** The time range ending at {@code now}. */
        public TimeRange range(Instant now) {
            return length == null ? TimeRange.ALL : new TimeRange(now.minus(length), now.plusMillis(1));
        }
    }

    /** One policy's result as a row. */
    public record ResultRow(PolicyResult result, List<String> cells) {
        public ResultRow {
            cells = List.copyOf(cells);
        }
    }

    /** One violation as a row. */
    public record ViolationRow(Violation violation, List<String> cells) {
        public ViolationRow {
            cells = List.copyOf(cells);
        }
    }

    /**
     * What a check found.
     *
     * @param report the policies' results, as the core reported them
     * @param recorded how many violations were recorded now as events, or -1 when the check recorded nothing
     * @param results each policy's result as a row
     * @param violations every violation as a row, in policy order
     * @param ledger the ledger's verification
     * @param ledgerStatus the ledger's verification in words
     * @param summary one line: when, over what, how many violations, what was recorded
     */
    public record Check(ComplianceReport report, int recorded, List<ResultRow> results, List<ViolationRow> violations,
            LedgerVerification ledger, String ledgerStatus, String summary) {
        public Check {
            results = List.copyOf(results);
            violations = List.copyOf(violations);
        }
    }

    private final GovernanceStore store;
    private final List<CompliancePolicy> policies;
    private final Clock clock;
    private final DateTimeFormatter when;

    /** With the built-in policies and their default parameters. */
    public CompliancePresenter(GovernanceStore store, Clock clock, ZoneId zone) {
        this(store, CompliancePolicies.defaults(), clock, zone);
    }

    public CompliancePresenter(GovernanceStore store, List<CompliancePolicy> policies, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.policies = List.copyOf(policies);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
    }

    public List<CompliancePolicy> policies() {
        return policies;
    }

    /**
     * Runs the policies over the window and verifies the ledger.
     *
     * @param record whether to record the violations as events (each once, however often it is found)
     */
    public Check check(Window window, boolean record) {
        ComplianceCheck check = new ComplianceCheck(policies, clock);
        TimeRange range = window.range(clock.instant());
        ComplianceReport report;
        int recorded = -1;
        if (record) {
            ComplianceCheck.Outcome outcome = check.runAndRecord(store, range);
            report = outcome.report();
            recorded = outcome.recorded();
        } else {
            report = check.run(store, range);
        }
        List<ResultRow> results = new ArrayList<>();
        for (PolicyResult r : report.results()) {
            String result = r.error() != null ? "ERROR" : r.passed() ? "PASS" : "FAIL";
            results.add(new ResultRow(r, List.of(r.policyId(), result, Integer.toString(r.checked()), Integer.toString(r.violations().size()),
                    r.error() != null ? r.description() + " (" + r.error() + ")" : r.description())));
        }
        List<ViolationRow> violations = report.violations().stream().map(v -> new ViolationRow(v, List.of(v.policyId(),
                v.subjectKind() + " " + v.subjectId(), deployment(v), v.message(), time(v.observedAt()),
                v.severity().name().toLowerCase(Locale.ROOT)))).toList();
        LedgerVerification ledger = store.verifyLedger(null);
        return new Check(report, recorded, results, violations, ledger, ledgerStatus(ledger), summary(report, window, recorded));
    }

    /** Where a violation happened: its ION instance and run. */
    private static String deployment(Violation v) {
        if (v.instanceId() == null && v.runId() == null) {
            return NONE;
        }
        if (v.runId() == null) {
            return v.instanceId();
        }
        return (v.instanceId() == null ? "" : v.instanceId() + " / ") + "run " + v.runId();
    }

    /** The ledger's verification in words: intact with its head, or where it is broken and how. */
    public static String ledgerStatus(LedgerVerification v) {
        if (v.intact()) {
            return "Ledger intact: " + v.entriesChecked() + (v.entriesChecked() == 1 ? " entry" : " entries") + " verified, head at entry "
                    + v.head().sequence() + " (" + v.head().hash() + ").";
        }
        return "Ledger BROKEN at entry " + v.brokenSequence() + (v.brokenKind() == null ? "" : " (" + v.brokenKind() + ")") + ": "
                + v.problem() + ". " + v.entriesChecked() + " entries read; the store's head is at entry " + v.head().sequence() + ".";
    }

    private String summary(ComplianceReport report, Window window, int recorded) {
        int violations = report.violations().size();
        long failed = report.results().stream().filter(r -> !r.passed()).count();
        StringBuilder s = new StringBuilder("Checked ").append(time(report.checkedAt())).append(" over ").append(window.label()).append(": ");
        s.append(report.results().size() - failed).append(" of ").append(report.results().size()).append(" policies passed, ")
                .append(violations).append(violations == 1 ? " violation" : " violations");
        if (recorded < 0) {
            s.append(" (not recorded; Check now records them as ").append(Violation.EVENT_TYPE).append(" events).");
        } else {
            s.append("; ").append(recorded).append(" recorded now as ").append(Violation.EVENT_TYPE).append(" events")
                    .append(violations > recorded ? ", the others already were." : ".");
        }
        return s.toString();
    }

    private String time(Instant t) {
        return t == null ? NONE : when.format(t);
    }
}
