package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.iongov.core.audit.LedgerEntry;
import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.json.MetadataJson;
import org.iongov.core.query.Limits;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ./iongov audit verify|head|log}: the governance ledger. */
final class AuditVerb implements Verb {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String summary() {
        return "the governance ledger: verify its hash chain, export its head, list its entries";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov audit verify [--head FILE] [--json] [store options]
                       ./iongov audit head [--out FILE] [store options]
                       ./iongov audit log [--from SEQ] [--limit N] [--json] [store options]

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

                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Options.withStore("--head", "--out", "--limit", "--from"), Set.of("--json"));
        List<String> positionals = parsed.positionals();
        if (positionals.isEmpty()) {
            throw new UsageException("audit: say verify, head or log (see ./iongov audit --help)");
        }
        if (positionals.size() > 1) {
            throw new UsageException("audit: unexpected argument '" + positionals.get(1) + "'");
        }
        String action = positionals.get(0);
        if (!List.of("verify", "head", "log").contains(action)) {
            throw new UsageException("audit: unknown action '" + action + "'; say verify, head or log");
        }
        allowOnly(action, parsed);
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
            default -> Set.of("--limit", "--from", "--json");
        };
        for (String option : List.of("--head", "--out", "--limit", "--from", "--json")) {
            if (parsed.option(option) != null && !allowed.contains(option)) {
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

    /** An exported head: {"sequence": N, "hash": "64 hex"}. */
    static LedgerHead readHead(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("audit verify: no head file " + file + " (export one with ./iongov audit head --out FILE)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        JsonNode node;
        try {
            node = MetadataJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException("audit verify: " + file + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.path("sequence").canConvertToLong() || !node.path("sequence").isIntegralNumber()
                || !node.path("hash").isTextual() || !node.path("hash").asText().matches("[0-9a-f]{64}")) {
            throw new UsageException("audit verify: " + file + " is not an exported head ({\"sequence\": N, \"hash\": \"64 hex digits\"})");
        }
        return new LedgerHead(node.path("sequence").asLong(), node.path("hash").asText());
    }
}
