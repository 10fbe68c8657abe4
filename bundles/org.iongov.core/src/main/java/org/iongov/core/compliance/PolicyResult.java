package org.iongov.core.compliance;

import java.util.List;

/**
 * What one policy found in one check.
 *
 * @param policyId the policy as configured
 * @param type its built-in type (or a custom policy's class)
 * @param description what it requires, in words
 * @param passed whether it ran and found nothing
 * @param checked how many subjects it looked at (models, ledger entries, ...)
 * @param violations what it found
 * @param error why it could not run, or null
 */
public record PolicyResult(String policyId, String type, String description, boolean passed, int checked, List<Violation> violations,
        String error) {

    public PolicyResult {
        violations = List.copyOf(violations);
    }
}
