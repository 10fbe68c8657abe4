package org.iongov.agent.api;

/**
 * A model delivered to an inference pipeline after its policy steps approved it.
 *
 * @param modelId the model's id
 * @param messageId the message that carried it (to acknowledge receipt against)
 * @param format pmml, saved-model, onnx or opaque
 * @param sha256 digest of the bytes
 * @param bytes the model itself
 */
public record DeliveredModel(String modelId, String messageId, String format, String sha256, byte[] bytes) {
}
