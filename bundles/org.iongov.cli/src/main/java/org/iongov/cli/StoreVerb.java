package org.iongov.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.StoreInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

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
                Usage: ./iongov store [--store DIR] [--json]

                Opens the embedded governance store, creating it when the folder is new or empty and
                upgrading its schema when an older IonGov made it, then prints where it is, its schema
                version and what it holds.

                  --store DIR   the store folder (default: $IONGOV_STORE, else ~/.iongov/store)
                  --json        print the description as JSON
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Set.of(StoreOptions.STORE), Set.of("--json"));
        if (!parsed.positionals().isEmpty()) {
            throw new UsageException("store: unexpected argument '" + parsed.positionals().get(0) + "'");
        }
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            StoreInfo info = store.info();
            int definitions = store.ionDefinitions().size();
            if (parsed.flag("--json")) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("location", info.location());
                json.put("mode", info.mode().name().toLowerCase(java.util.Locale.ROOT));
                json.put("schemaVersion", info.schemaVersion());
                json.put("ionDefinitions", definitions);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            } else {
                out.println("store:           " + info.location());
                out.println("mode:            " + info.mode().name().toLowerCase(java.util.Locale.ROOT));
                out.println("schema version:  " + info.schemaVersion());
                out.println("ION definitions: " + definitions);
            }
            return ExitCodes.OK;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
