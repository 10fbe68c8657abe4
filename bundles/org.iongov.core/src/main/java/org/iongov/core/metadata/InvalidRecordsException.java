package org.iongov.core.metadata;

import java.util.List;

/**
 * A batch was refused because some records are invalid (missing fields, unknown runs or
 * models). Nothing of the batch was stored. Each problem names the record by its position,
 * e.g. {@code records[3].runId: run 'r-9' is not recorded}.
 */
public class InvalidRecordsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidRecordsException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " invalid records, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
