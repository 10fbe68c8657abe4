package org.iongov.server;

import java.util.List;

/**
 * Validates an uploaded ION definition before it is stored. The server does not know the ION
 * model itself; whoever starts it passes the model's validator in.
 */
@FunctionalInterface
public interface IonDefinitionCheck {

    /**
     * @param definitionJson the uploaded text
     * @return the definition's name when valid
     * @throws InvalidDefinitionException listing the problems when not
     */
    String validate(String definitionJson) throws InvalidDefinitionException;

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
