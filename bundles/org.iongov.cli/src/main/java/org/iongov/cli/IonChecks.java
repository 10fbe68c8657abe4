package org.iongov.cli;

import java.util.List;

import org.iongov.model.definition.IonDefinitions;
import org.iongov.model.validation.Problem;
import org.iongov.model.validation.ValidationReport;
import org.iongov.server.IonDefinitionCheck;

/** How the server checks uploaded ION definitions: with the ION model's own validation. */
final class IonChecks {

    private IonChecks() {
    }

    /** Errors refuse the upload (each named with its JSON path); warnings do not. */
    static IonDefinitionCheck forServer() {
        return json -> {
            ValidationReport report = IonDefinitions.validate(json, "upload");
            if (!report.isValid()) {
                List<String> problems = report.errors().stream().map(Problem::describe).toList();
                throw new IonDefinitionCheck.InvalidDefinitionException(problems);
            }
            return report.ion().orElseThrow().getName();
        };
    }
}
