package org.iongov.core.compliance;

import java.util.List;

/**
 * A compliance rule checked over recorded metadata and lineage, e.g. "every model serving in
 * production had a human approval". Implementations read only through the scope's store, so a
 * check runs alike on an embedded store and through a server.
 */
public interface CompliancePolicy {

    /** The id it is configured (and its violations recorded) under, e.g. {@code production-approval}. */
    String id();

    /** Its built-in type, e.g. {@code serving-models-approved}. */
    String type();

    /** What it requires, in words, with its parameters. */
    String description();

    /**
     * Checks the scope's window.
     *
     * @return what breaks the policy, empty when nothing does
     */
    List<Violation> check(ComplianceScope scope);

    /** How many subjects a check of this scope looks at (for the report): by default the models serving in its window. */
    default int subjects(ComplianceScope scope) {
        return scope.servingModels().size();
    }
}
