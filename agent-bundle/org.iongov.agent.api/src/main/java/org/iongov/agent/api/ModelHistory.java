package org.iongov.agent.api;

import java.time.Instant;
import java.util.List;

/**
 * A model of an ION instance as governance recorded it: where it came from, what its policy
 * steps decided, and a statistic its training run reported.
 *
 * @param modelId the model
 * @param runId the run that produced it
 * @param format pmml, saved-model, onnx or opaque
 * @param sha256 the digest of its bytes
 * @param createdAt when it was produced
 * @param approved whether a policy step approved it (automatically or by people)
 * @param rejected whether a policy step rejected it
 * @param approvers the people who approved it
 * @param statistic the last value of the asked statistic reported by its run, NaN when none
 */
public record ModelHistory(String modelId, String runId, String format, String sha256, Instant createdAt, boolean approved,
        boolean rejected, List<String> approvers, double statistic) {

    public ModelHistory {
        approvers = List.copyOf(approvers);
    }
}
