package org.iongov.server;

import java.util.List;

/**
 * Validates an uploaded ION definition before it is stored. {@link #ionModel()} is the ION
 * model's own validation, what a real server uses; tests may pass something simpler.
 */
@FunctionalInterface
public interface IonDefinitionCheck {

    /**
     * @param definitionJson the uploaded text
     * @return the definition's name when valid
     * @throws InvalidDefinitionException listing the problems when not
     */
    String validate(String definitionJson) throws InvalidDefinitionException;

    /** The ION model's validation: errors refuse the upload (each named with its JSON path), warnings do not. */
    static IonDefinitionCheck ionModel() {
        return json -> {
            org.iongov.model.validation.ValidationReport report = org.iongov.model.definition.IonDefinitions.validate(json, "upload");
            if (!report.isValid()) {
                throw new InvalidDefinitionException(report.errors().stream().map(org.iongov.model.validation.Problem::describe).toList());
            }
            return report.ion().orElseThrow().getName();
        };
    }

    /** An uploaded definition has errors; each problem names its path in the JSON. */
    final class InvalidDefinitionException extends Exception {

        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        public InvalidDefinitionException(List<String> problems) {
            super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the ION definition");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
