package org.iongov.demo;

import java.util.List;
import java.util.Locale;

/**
 * What a reproduction (or an alternative replay) of a prediction or a model found: each check with
 * what was recorded and what was found now.
 *
 * @param subject {@code prediction} or {@code model}
 * @param subjectId the prediction's or model's id
 * @param outcome the verdict
 * @param summary the verdict in one sentence, naming what differed
 * @param overrides for an alternative, what was changed (else empty)
 * @param checks every check made, in order
 * @param notReproduced what could not be replayed (a model) or scored again (the prediction), each with why
 * @param replayRuns the runs recorded in the store for alternative replays (empty for reproductions)
 */
public record ReproductionReport(String subject, String subjectId, Outcome outcome, String summary, String overrides, List<Check> checks,
        List<String> notReproduced, List<String> replayRuns) {

    public ReproductionReport {
        checks = List.copyOf(checks);
        notReproduced = List.copyOf(notReproduced);
        replayRuns = List.copyOf(replayRuns);
    }

    /** The verdict. */
    public enum Outcome {
        /** Every check matched: the model (and the prediction) came out as recorded. */
        REPRODUCED,
        /**
         * The replay ran but something did not come out as recorded (see the checks), or part of it
         * could not be replayed or scored again (see {@link ReproductionReport#notReproduced()}).
         */
        DIFFERENT,
        /**
         * Not replayed: the code, the engine or a dataset is no longer what the run recorded (see the
         * checks), or nothing could be re-run here (see {@link ReproductionReport#notReproduced()}).
         */
        REFUSED,
        /** An alternative replay (parameters or data changed on purpose) ran: not a reproduction; the checks say how it differs. */
        ALTERNATIVE
    }

    /**
     * One comparison.
     *
     * @param subject what it is about, e.g. {@code model m-12 (run r-3)}
     * @param name what was compared, e.g. {@code dataset /data/batch-1.csv signature}
     * @param expected what was recorded
     * @param actual what was found now
     * @param matched whether they agree (within the stated tolerance, if any)
     * @param note how they were compared, or why they differ
     */
    public record Check(String subject, String name, String expected, String actual, boolean matched, String note) {
    }

    /** Whether everything matched: a reproduction that succeeded. */
    public boolean reproduced() {
        return outcome == Outcome.REPRODUCED;
    }

    /** The report for people. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Reproduction of %s %s: %s%n", subject, subjectId,
                outcome.name().toLowerCase(Locale.ROOT)));
        if (outcome == Outcome.ALTERNATIVE) {
            out.append("  alternative, not a reproduction: ").append(overrides).append(System.lineSeparator());
        }
        out.append("  ").append(summary).append(System.lineSeparator());
        String lastSubject = null;
        for (Check c : checks) {
            if (!c.subject().equals(lastSubject)) {
                out.append(System.lineSeparator()).append("  ").append(c.subject()).append(System.lineSeparator());
                lastSubject = c.subject();
            }
            out.append(String.format(Locale.ROOT, "    [%s] %s%n", c.matched() ? "ok" : "differs", c.name()));
            out.append("          recorded: ").append(c.expected()).append(System.lineSeparator());
            out.append("          now:      ").append(c.actual()).append(System.lineSeparator());
            if (c.note() != null && !c.note().isEmpty()) {
                out.append("          ").append(c.note()).append(System.lineSeparator());
            }
        }
        if (!notReproduced.isEmpty()) {
            out.append(System.lineSeparator()).append("  not reproduced:").append(System.lineSeparator());
            notReproduced.forEach(n -> out.append("    ").append(n).append(System.lineSeparator()));
        }
        if (!replayRuns.isEmpty()) {
            out.append(System.lineSeparator()).append("  recorded as run(s) ").append(String.join(", ", replayRuns))
                    .append(" (marked as an alternative replay)").append(System.lineSeparator());
        }
        return out.toString();
    }
}
