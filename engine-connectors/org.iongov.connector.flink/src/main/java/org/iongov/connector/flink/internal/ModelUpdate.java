package org.iongov.connector.flink.internal;

import org.iongov.agent.api.DeliveredModel;

/** A model delivered on one of a node's channels, as it travels the broadcast stream (a Flink POJO). */
public class ModelUpdate implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public String channel;
    public String modelId;
    /** The message that carried it; null for a model not delivered through governance (benchmark). */
    public String messageId;
    public String format;
    public String sha256;
    public byte[] bytes;

    public ModelUpdate() {
    }

    public ModelUpdate(String channel, String modelId, String messageId, String format, String sha256, byte[] bytes) {
        this.channel = channel;
        this.modelId = modelId;
        this.messageId = messageId;
        this.format = format;
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    static ModelUpdate of(String channel, DeliveredModel model) {
        return new ModelUpdate(channel, model.modelId(), model.messageId(), model.format(), model.sha256(), model.bytes());
    }

    DeliveredModel delivered() {
        return new DeliveredModel(modelId, messageId, format, sha256, new byte[0]);
    }

    @Override
    public String toString() {
        return "ModelUpdate[" + channel + ": " + modelId + " (" + format + ")]";
    }
}
