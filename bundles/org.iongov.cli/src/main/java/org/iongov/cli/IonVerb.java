package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.IonDefinitionRecord;
import org.iongov.model.definition.IonDefinitions;
import org.iongov.model.validation.ValidationReport;

/** {@code ./iongov ion validate|show|upload|list}: ION definitions. */
final class IonVerb implements Verb {

    @Override
    public String name() {
        return "ion";
    }

    @Override
    public String summary() {
        return "validate, show, upload and list ION definitions";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov ion validate FILE...
                       ./iongov ion show FILE
                       ./iongov ion upload FILE [store options]
                       ./iongov ion list [--json] [store options]

                validate  checks each definition (format: ion-model/README.md) and prints every problem as
                          FILE: path: severity: message; exit 0 when all are valid, 1 otherwise
                show      a readable summary of the ION: nodes, channels and each pipeline's component DAG
                upload    validates, then stores the definition as the next version of its name
                list      the stored definitions and their versions

                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, StoreOptions.OPTIONS, Set.of("--json"));
        List<String> positionals = parsed.positionals();
        if (positionals.isEmpty()) {
            throw new UsageException("ion: say validate, show, upload or list (see ./iongov ion --help)");
        }
        List<String> files = positionals.subList(1, positionals.size());
        switch (positionals.get(0)) {
            case "validate" -> {
                if (files.isEmpty()) {
                    throw new UsageException("ion validate needs at least one FILE");
                }
                boolean allValid = true;
                for (String file : files) {
                    ValidationReport report = IonDefinitions.validate(Path.of(file));
                    report.lines().forEach(out::println);
                    if (report.isValid()) {
                        out.println(file + ": valid" + (report.warnings().isEmpty() ? "" : " (" + report.warnings().size()
                                + (report.warnings().size() == 1 ? " warning)" : " warnings)")));
                    }
                    allValid &= report.isValid();
                }
                return allValid ? ExitCodes.OK : ExitCodes.FAILED;
            }
            case "show" -> {
                ValidationReport report = single(files, "show");
                if (!report.isValid()) {
                    report.lines().forEach(err::println);
                    return ExitCodes.FAILED;
                }
                out.print(IonDefinitions.describe(report.ion().orElseThrow()));
                report.warnings().forEach(w -> out.println(report.source() + ": " + w));
                return ExitCodes.OK;
            }
            case "upload" -> {
                ValidationReport report = single(files, "upload");
                if (!report.isValid()) {
                    report.lines().forEach(err::println);
                    err.println("iongov ion: " + report.source() + " was not uploaded: fix the errors above");
                    return ExitCodes.FAILED;
                }
                String text;
                try {
                    text = Files.readString(Path.of(files.get(0)));
                } catch (IOException e) {
                    throw new UsageException("ion upload: cannot read " + files.get(0) + " (" + e.getMessage() + ")");
                }
                try (GovernanceStore store = StoreOptions.open(parsed)) {
                    IonDefinitionRecord stored = store.addIonDefinition(report.ion().orElseThrow().getName(), text,
                            StoreOptions.localActor());
                    out.println("stored ION '" + stored.name() + "' as version " + stored.version());
                }
                return ExitCodes.OK;
            }
            case "list" -> {
                try (GovernanceStore store = StoreOptions.open(parsed)) {
                    List<IonDefinitionRecord> definitions = store.ionDefinitions();
                    if (parsed.flag("--json")) {
                        Output.json(out, definitions.stream().map(d -> java.util.Map.of("name", d.name(), "version", d.version(),
                                "uploadedAt", d.uploadedAt())).toList());
                    } else {
                        Output.table(out, List.of("NAME", "VERSION", "UPLOADED"),
                                definitions.stream().map(d -> Output.row(d.name(), d.version(), d.uploadedAt())).toList());
                    }
                }
                return ExitCodes.OK;
            }
            default -> throw new UsageException("ion: unknown action '" + positionals.get(0) + "'; say validate, show, upload or list");
        }
    }

    private static ValidationReport single(List<String> files, String action) {
        if (files.size() != 1) {
            throw new UsageException("ion " + action + " needs exactly one FILE");
        }
        return IonDefinitions.validate(Path.of(files.get(0)));
    }
}
