package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.iongov.client.RemoteCompliance;

import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.compliance.ComplianceCheck;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.CompliancePolicy;
import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.compliance.Violation;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.query.Limits;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;
import org.iongov.report.AuditReport;
import org.iongov.report.AuditReportBuilder;
import org.iongov.report.ReportFormat;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ./iongov audit verify|head|log|check|report}: the governance ledger, compliance checks and audit reports. */
final class AuditVerb implements Verb {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "the governance ledger (verify, head, log), compliance checks, personal-data flags and audit reports (PDF, HTML, CSV)";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov audit verify [--head FILE] [--json] [store options]
                       ./iongov audit head [--out FILE] [store options]
                       ./iongov audit log [--from SEQ] [--limit N] [--json] [store options]
                       ./iongov audit check [--from T] [--to T] [--policies FILE] [--json] [store options]
                       ./iongov audit report [--from T] [--to T] [--ion NAME] --out FILE [--format pdf|html|csv]
                                             [--policies FILE] [--head FILE] [store options]
                       ./iongov audit flag-personal-data --dataset ID [--clear] [--comment TEXT] --server URL --token T

                Approvals, rejections, policy decisions, deployments and their receipts, rollbacks,
                ION definition uploads and token changes are appended to a hash chain, each in the
                transaction that records the change.

                  verify   checks every entry's hash and link to the one before; exit 0 when intact,
                           1 naming the first broken entry (sequence, kind, what differs)
                    --head FILE   also compare with a head exported earlier, so that entries
                                  removed from the end are found too
                  head     prints the current head ({"sequence": N, "hash": "..."}) as JSON
                    --out FILE    writes it to FILE instead (keep it where the store's admins cannot write)
                  log      lists entries, oldest first: the last N (default 20), or N from --from SEQ
                    --limit N     1 to 10000
                    --json        entries as JSON, payloads included
                  check    runs the compliance policies over the metadata of the window (default: all
                           of it) and lists their violations; each is recorded as an event of type
                           compliance-violation, once per policy, subject and occurrence (the
                           deployment and the kind of problem) however often it is found. Exit 0 when every policy passed, 1 when any found a violation (or
                           could not run). With --server, the server runs the check (a token of an
                           auditor or admin) with its policies, or with --policies (recorded apart,
                           under compliance:adhoc:); without --from it covers the last 400 days.
                    --from T, --to T   the window, ISO-8601 times such as 2026-11-20T08:00:00Z
                    --policies FILE    the policies and their parameters (docs/api.md, "Compliance");
                                       default: serving models had a human approval and a training
                                       auc >= 0.8; models trained on personal data have two distinct
                                       approvers; the ledger verifies
                    --json        the check's report as JSON
                  report   writes an audit report of the window: models trained, approved, rejected
                           and deployed, by whom and when; the policies' results and violations
                           (computed, not recorded); each model's lineage and use; the ledger's head
                           and verification; a chart of models per day
                    --out FILE    where to write it; --format from its extension (.pdf, .html, .csv)
                    --format F    pdf, html or csv, when the extension does not say
                    --ion NAME    only this ION's instances
                    --head FILE   verify the ledger against a head exported earlier (audit head --out),
                                  so that entries removed from the end are found too
                  flag-personal-data
                           records that a dataset holds personal data (or, with --clear, that it
                           does not), as you: a human action with your token's user and role (an
                           operator, auditor or admin). Models trained on a flagged dataset then
                           need two distinct approvers (the personal-data-approvals policy).
                    --dataset ID  the dataset
                    --clear       withdraw the flag
                    --comment T   why (kept with the action)

                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Options.withStore("--head", "--out", "--limit", "--from", "--to", "--policies",
                "--ion", "--format", "--dataset", "--comment"), Set.of("--json", "--clear"));
        List<String> positionals = parsed.positionals();
        if (positionals.isEmpty()) {
            throw new UsageException("audit: say verify, head, log, check, report or flag-personal-data (see ./iongov audit --help)");
        }
        if (positionals.size() > 1) {
            throw new UsageException("audit: unexpected argument '" + positionals.get(1) + "'");
        }
        String action = positionals.get(0);
        if (!List.of("verify", "head", "log", "check", "report", "flag-personal-data").contains(action)) {
            throw new UsageException("audit: unknown action '" + action + "'; say verify, head, log, check, report or flag-personal-data");
        }
        allowOnly(action, parsed);
        if ("flag-personal-data".equals(action)) {
            return flagPersonalData(parsed, out);
        }
        if ("check".equals(action)) {
            return check(parsed, out);
        }
        if ("report".equals(action)) {
            return report(parsed, out, err);
        }
        LedgerHead exported = "verify".equals(action) && parsed.option("--head") != null ? readHead(Path.of(parsed.option("--head")))
                : null;
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            return switch (action) {
                case "verify" -> verify(store, exported, parsed.flag("--json"), out, err);
                case "head" -> head(store, parsed.option("--out"), out);
                default -> log(store, parsed, out);
            };
        }
    }

    private static void allowOnly(String action, Arguments parsed) {
        Set<String> allowed = switch (action) {
            case "verify" -> Set.of("--head", "--json");
            case "head" -> Set.of("--out");
            case "check" -> Set.of("--from", "--to", "--policies", "--json");
            case "report" -> Set.of("--from", "--to", "--policies", "--ion", "--out", "--format", "--head");
            case "flag-personal-data" -> Set.of("--dataset", "--clear", "--comment");
            default -> Set.of("--limit", "--from", "--json");
        };
        for (String option : List.of("--head", "--out", "--limit", "--from", "--to", "--policies", "--ion", "--format", "--json",
                "--dataset", "--comment", "--clear")) {
            boolean given = option.equals("--json") || option.equals("--clear") ? parsed.flag(option) : parsed.option(option) != null;
            if (given && !allowed.contains(option)) {
                throw new UsageException("audit " + action + ": " + option + " does not apply (see ./iongov audit --help)");
            }
        }
    }

    private static int verify(GovernanceStore store, LedgerHead exported, boolean json, PrintStream out, PrintStream err) {
        LedgerVerification result = store.verifyLedger(exported);
        if (json) {
            Output.json(out, result);
        } else if (result.intact()) {
            out.println("ledger intact: " + result.entriesChecked() + (result.entriesChecked() == 1 ? " entry" : " entries")
                    + ", head at entry " + result.head().sequence() + " (" + result.head().hash() + ")"
                    + (exported == null ? "" : "; the exported head at entry " + exported.sequence() + " is in it"));
        }
        if (!result.intact()) {
            err.println("iongov audit: ledger broken at entry " + result.brokenSequence()
                    + (result.brokenKind() == null ? "" : " (" + result.brokenKind() + ")") + ": " + result.problem());
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private static int head(GovernanceStore store, String file, PrintStream out) {
        String json = MetadataJson.valueToJson(store.ledgerHead()).toString();
        if (file == null) {
            out.println(json);
            return ExitCodes.OK;
        }
        Path path = Path.of(file);
        try {
            Files.writeString(path, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("audit head: cannot write " + path + ": " + e.getMessage());
        }
        out.println("head written to " + path + ": " + json);
        return ExitCodes.OK;
    }

    private static int log(GovernanceStore store, Arguments parsed, PrintStream out) {
        int limit = Output.number(parsed, "--limit", 20, 1, Limits.MAX_ROWS);
        long from;
        if (parsed.option("--from") != null) {
            from = Output.number(parsed, "--from", 1, 1, Integer.MAX_VALUE);
        } else {
            from = Math.max(1, store.ledgerHead().sequence() - limit + 1);
        }
        List<LedgerEntry> entries = store.ledger(from, limit);
        if (parsed.flag("--json")) {
            Output.json(out, entries);
        } else {
            Output.table(out, List.of("SEQ", "TIME", "KIND", "ACTOR", "SUBJECT", "HASH"), entries.stream()
                    .map(e -> Output.row(e.sequence(), e.time(), e.kind(), e.actor(), e.subject(), e.hash().substring(0, 16)))
                    .toList());
        }
        return ExitCodes.OK;
    }

    private static TimeRange window(Arguments parsed) {
        try {
            return new TimeRange(Output.time(parsed, "--from"), Output.time(parsed, "--to"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("audit: " + e.getMessage());
        }
    }

    /** The policies of --policies FILE, else the built-in ones; a bad file is a usage error naming its problems. */
    private static List<CompliancePolicy> policies(Arguments parsed) {
        String file = parsed.option("--policies");
        if (file == null) {
            return CompliancePolicies.defaults();
        }
        try {
            return CompliancePolicies.read(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new UsageException("audit: " + e.getMessage());
        }
    }

    private static int check(Arguments parsed, PrintStream out) {
        TimeRange window = window(parsed);
        List<CompliancePolicy> policies = policies(parsed);
        ComplianceCheck.Outcome outcome;
        if (parsed.option(StoreOptions.SERVER) != null) {
            try (GovernanceStore server = StoreOptions.open(parsed)) {
                // Opening checks the server options and the token; the server runs the check and records it.
                JsonNode config = null;
                if (parsed.option("--policies") != null) {
                    config = readJson(Path.of(parsed.option("--policies")));
                }
                outcome = new RemoteCompliance(java.net.URI.create(parsed.option(StoreOptions.SERVER)), token(parsed))
                        .check(window, config);
            }
        } else {
            try (GovernanceStore store = StoreOptions.open(parsed)) {
                outcome = new ComplianceCheck(policies, Clock.systemUTC()).runAndRecord(store, window);
            }
        }
        if (parsed.flag("--json")) {
            Output.json(out, outcome);
        } else {
            for (PolicyResult result : outcome.report().results()) {
                out.println((result.error() != null ? "ERROR " : result.passed() ? "PASS  " : "FAIL  ") + result.policyId() + ": "
                        + result.description() + " (" + result.checked() + " checked"
                        + (result.error() != null ? "; " + result.error() : "") + ")");
            }
            List<Violation> violations = outcome.report().violations();
            for (Violation v : violations) {
                out.println("  " + v.severity().name() + " " + v.policyId() + ": " + v.message());
            }
            out.println(violations.size() + (violations.size() == 1 ? " violation" : " violations") + " in "
                    + describe(window) + "; " + outcome.recorded() + " recorded now as compliance-violation events"
                    + (violations.size() > outcome.recorded() ? ", the others already were" : ""));
        }
        return outcome.report().passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String token(Arguments parsed) {
        return parsed.option(StoreOptions.TOKEN) != null ? parsed.option(StoreOptions.TOKEN) : System.getenv(StoreOptions.TOKEN_ENV);
    }

    /** A policy file already checked by {@link #policies}, to send to the server. */
    private static JsonNode readJson(Path file) {
        try {
            return MetadataJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String describe(TimeRange window) {
        return window.from() == null && window.to() == null ? "all recorded metadata"
                : "the window " + (window.from() == null ? "from the beginning" : "from " + window.from()) + " to "
                        + (window.to() == null ? "now" : window.to());
    }

    private static int report(Arguments parsed, PrintStream out, PrintStream err) {
        String file = parsed.option("--out");
        if (file == null) {
            throw new UsageException("audit report: --out FILE is required (a .pdf, .html or .csv file)");
        }
        Path path = Path.of(file);
        ReportFormat format;
        if (parsed.option("--format") != null) {
            format = ReportFormat.named(parsed.option("--format")).orElseThrow(() -> new UsageException(
                    "audit report: --format '" + parsed.option("--format") + "' is not pdf, html or csv"));
        } else {
            format = ReportFormat.ofFile(path).orElseThrow(() -> new UsageException("audit report: cannot tell the format from '"
                    + path.getFileName() + "': name a .pdf, .html or .csv file, or give --format pdf|html|csv"));
        }
        TimeRange window = window(parsed);
        List<CompliancePolicy> policies = policies(parsed);
        LedgerHead exported = parsed.option("--head") != null ? readHead(Path.of(parsed.option("--head")), "audit report") : null;
        AuditReport report;
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            report = new AuditReportBuilder(store, policies, "auc", Clock.systemUTC()).build(window, parsed.option("--ion"), exported);
        }
        // Written beside the target and moved into place: a failed write leaves no half report under its name.
        try {
            format.write(report, path);
        } catch (IOException e) {
            err.println("iongov audit report: cannot write " + path + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (java.awt.AWTError | UnsatisfiedLinkError e) {
            err.println("iongov audit report: cannot draw the report's chart (" + e + "): Java's headless AWT needs fontconfig"
                    + " and a font (bash .ci/install-desktop-packages installs them); or write --format csv");
            return ExitCodes.FAILED;
        }
        LedgerVerification verification = report.ledgerVerification();
        out.println("audit report written to " + path + " (" + format.name().toLowerCase(java.util.Locale.ROOT) + "): "
                + report.models().size() + " models trained, " + report.modelsApproved() + " approved and " + report.modelsRejected()
                + " rejected (policy decisions), " + report.modelsDeployed() + " deployed, " + report.compliance().violations().size()
                + " violations; " + (report.summaries().size() < report.summariesTotal() ? "lineage of the newest "
                        + report.summaries().size() + " of " + report.summariesTotal() + " models; " : "")
                + "ledger " + (verification.intact() ? "intact" : "BROKEN") + " at entry " + report.ledgerHead().sequence()
                + (exported == null ? " (no exported head given: entries removed from the end would not be found)"
                        : ", verified against the exported head at entry " + exported.sequence()));
        return ExitCodes.OK;
    }

    private static int flagPersonalData(Arguments parsed, PrintStream out) {
        String dataset = parsed.option("--dataset");
        if (dataset == null || dataset.isBlank()) {
            throw new UsageException("audit flag-personal-data: --dataset ID is required");
        }
        if (parsed.option(StoreOptions.SERVER) == null) {
            throw new UsageException("audit flag-personal-data: give --server URL and --token T: the flag is recorded as the"
                    + " token's person (an operator, auditor or admin)");
        }
        String token = token(parsed);
        if (token == null || token.isBlank()) {
            throw new UsageException("audit flag-personal-data: a token is required (--token T or " + StoreOptions.TOKEN_ENV + ")");
        }
        boolean flag = !parsed.flag("--clear");
        org.iongov.core.metadata.HumanActionRecord recorded = new RemoteCompliance(java.net.URI.create(parsed.option(StoreOptions.SERVER)),
                token).flagPersonalData(dataset, flag, parsed.option("--comment"));
        out.println((flag ? "dataset " + dataset + " flagged as personal data" : "personal-data flag of dataset " + dataset + " withdrawn")
                + " by " + recorded.actor() + " (" + recorded.role() + ") at " + recorded.time());
        return ExitCodes.OK;
    }

    /** An exported head: {"sequence": N, "hash": "64 hex"}. */
    static LedgerHead readHead(Path file) {
        return readHead(file, "audit verify");
    }

    /** An exported head, for {@code action} (named in its usage errors). */
    static LedgerHead readHead(Path file, String action) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(action + ": no head file " + file + " (export one with ./iongov audit head --out FILE)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode node;
        try {
            node = MetadataJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException(action + ": " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.path("sequence").canConvertToLong() || !node.path("sequence").isIntegralNumber()
                || !node.path("hash").isTextual() || !node.path("hash").asText().matches("[0-9a-f]{64}")) {
            throw new UsageException(action + ": " + file + " is not an exported head ({\"sequence\": N, \"hash\": \"64 hex digits\"})");
        }
        return new LedgerHead(node.path("sequence").asLong(), node.path("hash").asText());
    }
}
