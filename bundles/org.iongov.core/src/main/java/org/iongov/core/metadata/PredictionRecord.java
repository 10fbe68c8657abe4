package org.iongov.core.metadata;

import java.time.Instant;
import java.util.List;

/**
 * One prediction made by an inference (or control) run.
 *
 * @param id the prediction id
 * @param runId the inference run
 * @param time when it was made
 * @param modelIds the model(s) in use (several for an ensemble)
 * @param inputDigest SHA-256 of the input's JSON text, hex; when not given, computed from {@code inputJson} (so a
 *     pipeline need not spend its CPU on it, and the digest always matches the stored input)
 * @param inputJson the input itself when sampled, may be null
 * @param outputJson the output
 */
public record PredictionRecord(String id, String runId, Instant time, List<String> modelIds, String inputDigest,
        String inputJson, String outputJson) implements MetadataRecord {

    public PredictionRecord {
        modelIds = List.copyOf(modelIds);
        if (inputDigest == null && inputJson != null) {
            inputDigest = sha256(inputJson);
        }
    }

    /** The hex SHA-256 of the text's UTF-8 bytes, as input digests are. */
    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public RecordKind kind() {
        return RecordKind.PREDICTION;
    }
}
