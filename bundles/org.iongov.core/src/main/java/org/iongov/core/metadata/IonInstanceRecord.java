package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A deployment of an ION definition: the runs, messages and models of one instance belong
 * together.
 *
 * @param id the instance id
 * @param ionName the ION definition's name
 * @param ionVersion the definition version deployed
 * @param createdAt when the instance was deployed
 * @param description free text, may be null
 */
public record IonInstanceRecord(String id, String ionName, int ionVersion, Instant createdAt, String description)
        implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.ION_INSTANCE;
    }
}
