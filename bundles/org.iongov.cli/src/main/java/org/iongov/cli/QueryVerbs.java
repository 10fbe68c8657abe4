package org.iongov.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.query.StatisticPoint;
import org.iongov.core.query.StatisticQuery;
import org.iongov.core.query.StatisticSeries;
import org.iongov.core.query.TimeRange;
import org.iongov.core.store.GovernanceStore;

/**
 * The read-only listing verbs (runs, statistics, models, events, approvals): each a query, a
 * table for people and the same rows as JSON with {@code --json}.
 */
final class QueryVerbs {

    private QueryVerbs() {
    }

    /** One listing verb: its options, its query and how a row prints. */
    private record Listing<T>(String name, String summary, String usage, Set<String> ownOptions,
            BiFunction<GovernanceStore, Arguments, List<T>> query, List<String> header, Function<T, List<String>> row)
            implements Verb {

        @Override
        public String help() {
            return "Usage: ./iongov " + name + " " + usage + " [--json] [store options]\n\n" + summary + ".\n\n" + """
                      --from T, --to T  a time range, ISO-8601 (e.g. 2026-11-20T08:00:00Z)
                      --limit N         at most N rows, newest first (default 100)
                      --json            print the rows as JSON
                    """ + StoreOptions.HELP;
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            Set<String> options = Options.withStore(ownOptions.toArray(String[]::new));
            Arguments parsed = Arguments.parse(name, args, options, Set.of("--json"));
            Options.noPositionals(name, parsed);
            try (GovernanceStore store = StoreOptions.open(parsed)) {
                List<T> rows = query.apply(store, parsed);
                if (parsed.flag("--json")) {
                    Output.json(out, rows);
                } else {
                    Output.table(out, header, rows.stream().map(row).toList());
                }
                return ExitCodes.OK;
            }
        }
    }

    private static TimeRange range(Arguments a) {
        try {
            return new TimeRange(Output.time(a, "--from"), Output.time(a, "--to"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int limit(Arguments a) {
        return Output.number(a, "--limit", 100, 1, org.iongov.core.query.Limits.MAX_ROWS);
    }

    static Verb runs() {
        return new Listing<NodeRun>("runs", "list node runs (pipeline and policy executions), newest first",
                "[--instance ID] [--node NAME] [--from T] [--to T] [--limit N]", Set.of("--instance", "--node", "--from", "--to", "--limit"),
                (s, a) -> s.runs(new RunQuery(a.option("--instance"), a.option("--node"), range(a), limit(a))),
                List.of("RUN", "INSTANCE", "NODE", "STATUS", "STARTED", "ENDED", "ENGINE", "HOST"),
                r -> Output.row(r.start().id(), r.start().instanceId(), r.start().node(), r.status().name().toLowerCase(),
                        r.start().startedAt(), r.endedAt(), r.start().engine(), r.start().host()));
    }

    static Verb models() {
        return new Listing<ModelRecord>("models", "list models, newest first", "[--run ID] [--instance ID] [--from T] [--to T] [--limit N]",
                Set.of("--run", "--instance", "--from", "--to", "--limit"),
                (s, a) -> s.models(new RecordQuery(a.option("--run"), a.option("--instance"), null, null, range(a), limit(a))),
                List.of("MODEL", "NAME", "FORMAT", "SIZE", "SHA-256", "RUN", "CREATED"),
                m -> Output.row(m.id(), m.name(), m.format().name().toLowerCase(), m.size(), m.sha256().substring(0, 12) + "…", m.runId(),
                        m.createdAt()));
    }

    static Verb events() {
        return new Listing<EventRecord>("events", "list events (errors, alerts, deployments, ...), newest first",
                "[--run ID] [--instance ID] [--type TYPE] [--from T] [--to T] [--limit N]",
                Set.of("--run", "--instance", "--type", "--from", "--to", "--limit"),
                (s, a) -> s.events(new RecordQuery(a.option("--run"), a.option("--instance"), a.option("--type"), null, range(a), limit(a))),
                List.of("TIME", "TYPE", "SEVERITY", "RUN", "MESSAGE"),
                e -> Output.row(e.time(), e.type(), e.severity().name().toLowerCase(), e.runId(), e.message()));
    }

    static Verb approvals() {
        return new Listing<HumanActionRecord>("approvals", "list human decisions (approvals, rejections, rollbacks), newest first",
                "[--action approve|reject|rollback] [--subject MODEL-ID] [--from T] [--to T] [--limit N]",
                Set.of("--action", "--subject", "--from", "--to", "--limit"),
                (s, a) -> s.humanActions(new RecordQuery(null, null, a.option("--action"), a.option("--subject"), range(a), limit(a))),
                List.of("TIME", "ACTOR", "ROLE", "ACTION", "SUBJECT", "POLICY", "COMMENT"),
                h -> Output.row(h.time(), h.actor(), h.role(), h.action(), h.subjectType() + " " + h.subjectId(), h.policyNode(), h.comment()));
    }

    static Verb statistics() {
        return new Listing<StatisticPoint>("statistics", "print a statistic's time series, downsampled to at most --max-points buckets",
                "--name NAME [--run ID] [--from T] [--to T] [--max-points N]", Set.of("--name", "--run", "--from", "--to", "--max-points"),
                (s, a) -> {
                    if (a.option("--name") == null) {
                        throw new UsageException("statistics needs --name (the statistic's name, e.g. auc)");
                    }
                    StatisticSeries series = s.statistics(new StatisticQuery(a.option("--name"), a.option("--run"), range(a),
                            Output.number(a, "--max-points", 100, 1, org.iongov.core.query.Limits.MAX_ROWS)));
                    return series.points();
                },
                List.of("TIME", "VALUE", "MIN", "MAX", "COUNT", "RUN"),
                p -> Output.row(p.time(), p.structuredJson() != null ? p.structuredJson() : p.value(), p.min(), p.max(), p.count(),
                        p.runId()));
    }

    static Verb predictions() {
        return new Listing<PredictionRecord>("predictions", "list recorded predictions, newest first, to find one to investigate",
                "[--instance ID] [--node NAME] [--run ID] [--from T] [--to T] [--limit N]",
                Set.of("--instance", "--node", "--run", "--from", "--to", "--limit"), QueryVerbs::predictions,
                List.of("PREDICTION", "TIME", "RUN", "MODELS", "OUTPUT"),
                p -> Output.row(p.id(), p.time(), p.runId(), String.join(",", p.modelIds()), p.outputJson()));
    }

    /** By node: the predictions of the node's runs, merged newest first. */
    private static List<PredictionRecord> predictions(GovernanceStore store, Arguments a) {
        int limit = limit(a);
        if (a.option("--node") == null) {
            return store.predictions(new RecordQuery(a.option("--run"), a.option("--instance"), null, null, range(a), limit));
        }
        List<PredictionRecord> found = new java.util.ArrayList<>();
        for (NodeRun run : store.runs(new RunQuery(a.option("--instance"), a.option("--node"), null, org.iongov.core.query.Limits.MAX_ROWS))) {
            if (a.option("--run") == null || a.option("--run").equals(run.start().id())) {
                found.addAll(store.predictions(new RecordQuery(run.start().id(), null, null, null, range(a), limit)));
            }
        }
        found.sort(java.util.Comparator.comparing(PredictionRecord::time).thenComparing(PredictionRecord::id).reversed());
        return found.subList(0, Math.min(limit, found.size()));
    }
}
