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
 * @param inputDigest digest of the input, hex
 * @param inputJson the input itself when sampled, may be null
 * @param outputJson the output
 */
public record PredictionRecord(String id, String runId, Instant time, List<String> modelIds, String inputDigest,
        String inputJson, String outputJson) implements MetadataRecord {

    public PredictionRecord {
        modelIds = List.copyOf(modelIds);
    }

    @Override
    public RecordKind kind() {
        return RecordKind.PREDICTION;
    }
}
