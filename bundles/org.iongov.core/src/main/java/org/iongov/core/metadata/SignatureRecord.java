package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A signature: the histogram of one feature of the inputs, or of the predictions, over a window.
 *
 * @param id the record id
 * @param runId the node run
 * @param component the component, may be null
 * @param target input or prediction
 * @param feature the feature's name (for predictions, the output's name)
 * @param time the end of the window
 * @param histogramJson the histogram as JSON: {@code {"edges":[...],"counts":[...]}} or categories
 */
public record SignatureRecord(String id, String runId, String component, SignatureTarget target, String feature, Instant time,
        String histogramJson) implements MetadataRecord {

    /** What the signature describes. */
    public enum SignatureTarget {
        INPUT, PREDICTION
    }

    @Override
    public RecordKind kind() {
        return RecordKind.SIGNATURE;
    }
}
