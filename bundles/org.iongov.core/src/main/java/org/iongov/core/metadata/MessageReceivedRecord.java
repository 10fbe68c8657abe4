package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A run received a message (reported by the receiver's agent, after the sender reported the
 * message itself).
 *
 * @param id this record's id
 * @param messageId the message received
 * @param receiverRunId the run that received it
 * @param receivedAt when
 */
public record MessageReceivedRecord(String id, String messageId, String receiverRunId, Instant receivedAt)
        implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.MESSAGE_RECEIVED;
    }
}
