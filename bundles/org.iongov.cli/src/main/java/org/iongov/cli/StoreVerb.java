package org.iongov.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iongov.core.metadata.RecordKind;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.StoreInfo;

/** {@code ./iongov store}: opens (creating or upgrading) a store and describes it. */
final class StoreVerb implements Verb {

    @Override
    public String name() {
        return "store";
    }

    @Override
    public String summary() {
        return "open (create, upgrade) a governance store and describe it";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov store [--store DIR | --store-url URL | --server URL --token T] [--json]

                Opens the governance store, creating it when the folder is new or empty and upgrading
                its schema when an older IonGov made it, then prints where it is, its schema version
                and how many records of each kind it holds.

                """ + StoreOptions.HELP + """
                  --json            print the description as JSON
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, StoreOptions.OPTIONS, Set.of("--json"));
        Options.noPositionals(name(), parsed);
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            StoreInfo info = store.info();
            int definitions = store.ionDefinitions().size();
            Map<RecordKind, Long> counts = store.counts();
            if (parsed.flag("--json")) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("location", info.location());
                json.put("mode", info.mode());
                json.put("schemaVersion", info.schemaVersion());
                json.put("ionDefinitions", definitions);
                json.put("counts", counts);
                Output.json(out, json);
            } else {
                out.println("store:           " + info.location());
                out.println("mode:            " + info.mode().name().toLowerCase(java.util.Locale.ROOT));
                out.println("schema version:  " + info.schemaVersion());
                out.println("ION definitions: " + definitions);
                counts.forEach((kind, n) -> {
                    if (n > 0) {
                        out.printf("%-16s %d%n", kind.wireName() + ":", n);
                    }
                });
            }
            return ExitCodes.OK;
        }
    }
}
