package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A level-2 message on an ION channel: a model or event sent by one run and received by
 * another. Lineage is derived from these, not from time correlation.
 *
 * @param id the message id
 * @param instanceId the ION instance
 * @param channel the channel's name in the ION
 * @param messageType model, event or statistic
 * @param senderRunId the sending run
 * @param receiverRunId the receiving run; null until received
 * @param sentAt when it was sent
 * @param receivedAt when it was received, may be null
 * @param modelId the model it carries, for model messages
 * @param payloadJson an event's payload, may be null
 */
public record MessageRecord(String id, String instanceId, String channel, MessageType messageType, String senderRunId,
        String receiverRunId, Instant sentAt, Instant receivedAt, String modelId, String payloadJson)
        implements MetadataRecord {

    /** What a channel carries. */
    public enum MessageType {
        MODEL, EVENT, STATISTIC
    }

    @Override
    public RecordKind kind() {
        return RecordKind.MESSAGE;
    }
}
