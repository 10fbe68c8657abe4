package org.iongov.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.compliance.Violation;

/** The report's content as titled tables of text, the same for every format. */
public final class ReportTables {

    /**
     * One table.
     *
     * @param section a short machine name (the CSV's section column)
     * @param title its title for people
     * @param header the column names
     * @param rows the cells, as text ("" for nothing)
     */
    public record Table(String section, String title, List<String> header, List<List<String>> rows) {
    }

    private ReportTables() {
    }

    public static List<Table> of(AuditReport r) {
        List<Table> tables = new ArrayList<>();
        tables.add(new Table("report", "Report", List.of("ITEM", "VALUE"), List.of(
                row("window from", r.window().from() == null ? "the beginning" : r.window().from()),
                row("window to", r.window().to() == null ? "now" : r.window().to()),
                row("ION", r.ionName() == null ? "all" : r.ionName()),
                row("store", r.store()),
                row("generated at", r.generatedAt()))));

        List<List<String>> models = new ArrayList<>();
        for (AuditReport.TrainedModel m : r.models()) {
            models.add(row(m.modelId(), m.name(), m.format(), m.trainedAt(), m.node(), m.instanceId(), m.trainedBy(),
                    Double.isNaN(m.metric()) ? "" : m.metric()));
        }
        tables.add(new Table("models-trained", "Models trained (" + r.models().size() + ")",
                List.of("MODEL", "NAME", "FORMAT", "TRAINED AT", "NODE", "INSTANCE", "TRAINED BY", r.metric().toUpperCase(java.util.Locale.ROOT)),
                models));

        List<List<String>> decisions = new ArrayList<>();
        for (AuditReport.Decision d : r.decisions()) {
            decisions.add(row(d.time(), d.modelId(), d.outcome(), d.by(), d.role(), d.policyNode(), d.instanceId(), d.comment(),
                    d.ledgerSequence()));
        }
        tables.add(new Table("decisions", "Approvals, rejections and rollbacks (" + r.modelsApproved() + " models approved, "
                + r.modelsRejected()
                + " rejected by the policies' decisions; " + r.decisions().size() + " entries, people's votes included)",
                List.of("TIME", "MODEL", "OUTCOME", "BY", "ROLE", "POLICY NODE", "INSTANCE", "COMMENT OR REASON", "LEDGER #"), decisions));

        List<List<String>> deployments = new ArrayList<>();
        for (AuditReport.Deployment d : r.deployments()) {
            deployments.add(row(d.time(), d.modelId(), d.node(), d.instanceId(), d.by(), d.messageId(), d.ledgerSequence()));
        }
        tables.add(new Table("deployments", "Deployments (" + r.deployments().size() + ")",
                List.of("TIME", "MODEL", "NODE", "INSTANCE", "SENT BY", "MESSAGE", "LEDGER #"), deployments));

        List<List<String>> policies = new ArrayList<>();
        List<List<String>> violations = new ArrayList<>();
        for (PolicyResult p : r.compliance().results()) {
            policies.add(row(p.policyId(), p.type(), p.description(), p.error() != null ? "could not run: " + p.error()
                    : p.passed() ? "passed" : "FAILED", p.checked(), p.violations().size()));
            for (Violation v : p.violations()) {
                violations.add(row(v.policyId(), v.severity(), v.subjectKind() + " " + v.subjectId(), v.instanceId(), v.observedAt(),
                        v.message()));
            }
        }
        tables.add(new Table("policies", "Compliance policies (checked at " + r.compliance().checkedAt() + ")",
                List.of("POLICY", "TYPE", "REQUIREMENT", "RESULT", "CHECKED", "VIOLATIONS"), policies));
        tables.add(new Table("violations", "Violations (" + violations.size() + ")",
                List.of("POLICY", "SEVERITY", "SUBJECT", "INSTANCE", "SINCE", "WHAT"), violations));

        List<List<String>> summaries = new ArrayList<>();
        for (AuditReport.ModelSummary s : r.summaries()) {
            summaries.add(row(s.modelId(), s.trainingRun(), String.join("; ", s.datasets()), String.join("; ", s.policySteps()),
                    String.join("; ", s.servedAt()), s.predictionsText()));
        }
        tables.add(new Table("lineage", "Model lineage and use of the models trained, deployed or serving in the window ("
                + (r.summaries().size() < r.summariesTotal() ? "showing the newest " + r.summaries().size() + " of " + r.summariesTotal()
                        : r.summaries().size()) + ")",
                List.of("MODEL", "TRAINING RUN", "DATA", "POLICY STEPS", "SERVED AT", "PREDICTIONS"), summaries));

        tables.add(new Table("ledger", "Governance ledger", List.of("ITEM", "VALUE"), List.of(
                row("head sequence", r.ledgerHead().sequence()),
                row("head hash", r.ledgerHead().hash()),
                row("verification", r.ledgerVerification().intact() ? "intact" : "BROKEN at entry "
                        + r.ledgerVerification().brokenSequence() + ": " + r.ledgerVerification().problem()),
                row("verified head", r.ledgerVerification().head() == null ? ""
                        : "entry " + r.ledgerVerification().head().sequence() + " (" + r.ledgerVerification().head().hash() + ")"),
                row("exported head", r.exportedHead() == null
                        ? "none given: entries removed from the end of the chain would not be found (audit report --head FILE)"
                        : "entry " + r.exportedHead().sequence() + " (" + r.exportedHead().hash() + ")"
                                + (r.ledgerVerification().intact() ? ": in the chain" : "")),
                row("entries checked", r.ledgerVerification().entriesChecked()))));
        return tables;
    }

    static List<String> row(Object... cells) {
        return Arrays.stream(cells).map(ReportTables::text).toList();
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Instant t) {
            return t.toString();
        }
        return cell.toString();
    }
}
