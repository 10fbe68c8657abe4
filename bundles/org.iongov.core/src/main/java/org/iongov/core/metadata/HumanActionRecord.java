package org.iongov.core.metadata;

import java.time.Instant;

/**
 * What a person did, in which role: approved or rejected a model, rolled back, uploaded an ION.
 *
 * @param id the record id
 * @param actor the user
 * @param role the role they acted in
 * @param action e.g. {@code approve}, {@code reject}, {@code rollback}
 * @param subjectType what it was done to, e.g. {@code model}
 * @param subjectId which one
 * @param policyNode the policy node it was decided at, may be null
 * @param time when
 * @param comment the person's comment, may be null
 */
public record HumanActionRecord(String id, String actor, String role, String action, String subjectType, String subjectId,
        String policyNode, Instant time, String comment) implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.HUMAN_ACTION;
    }
}
