package org.iongov.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iongov.core.metadata.RecordKind;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.RetentionPolicy;
import org.iongov.core.store.RetentionReport;

/** {@code ./iongov retention}: deletes expired statistics and logs, never governance evidence. */
final class RetentionVerb implements Verb {

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String summary() {
        return "delete expired statistics, signatures and logs (--dry-run to only count)";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov retention [--dry-run] [--keep KIND=DAYS ...] [store options]

                Deletes records past their age: by default statistics, signatures and search results
                after 90 days, logs and component runs after 30. Statistics of runs that produced a
                model are kept (they are the evidence it was judged by). Runs, messages, models,
                datasets, predictions, events and approvals are governance evidence and never expire.

                  --dry-run         count what would be deleted, delete nothing
                  --keep KIND=DAYS  override one kind's age, e.g. --keep log=7 (repeatable as a list: log=7,statistic=30)
                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Options.withStore("--keep"), Set.of("--dry-run", "--json"));
        Options.noPositionals(name(), parsed);
        RetentionPolicy policy = policy(parsed.option("--keep"));
        boolean dryRun = parsed.flag("--dry-run");
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            RetentionReport report = store.applyRetention(policy, Instant.now(), dryRun);
            if (parsed.flag("--json")) {
                Output.json(out, report);
                return ExitCodes.OK;
            }
            out.println((dryRun ? "would delete " : "deleted ") + report.total() + " expired records"
                    + (dryRun ? " (dry run: nothing deleted)" : ""));
            report.expired().forEach((kind, n) -> out.printf("  %-14s %d%n", kind.wireName(), n));
            return ExitCodes.OK;
        }
    }

    private static RetentionPolicy policy(String keep) {
        Map<RecordKind, Duration> ages = new EnumMap<>(RetentionPolicy.defaults().maxAge());
        if (keep != null) {
            for (String item : keep.split(",")) {
                String[] parts = item.split("=");
                RecordKind kind = parts.length == 2 ? RecordKind.fromWireName(parts[0].trim()).orElse(null) : null;
                if (kind == null) {
                    throw new UsageException("retention: --keep takes KIND=DAYS, e.g. log=7; '" + item + "' is not that");
                }
                try {
                    ages.put(kind, Duration.ofDays(Long.parseLong(parts[1].trim())));
                } catch (NumberFormatException e) {
                    throw new UsageException("retention: days in '" + item + "' must be a whole number");
                }
            }
        }
        try {
            return new RetentionPolicy(ages);
        } catch (IllegalArgumentException e) {
            throw new UsageException("retention: " + e.getMessage());
        }
    }
}
