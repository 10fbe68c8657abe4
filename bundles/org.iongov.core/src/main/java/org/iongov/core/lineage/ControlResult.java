package org.iongov.core.lineage;

import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.NodeRun;

/**
 * The same input as scored by a control (canary) pipeline.
 *
 * @param prediction the control pipeline's prediction for the same input digest
 * @param run the control pipeline's run
 * @param difference absolute difference of the two scores (NaN when either output has no score)
 * @param agrees whether the difference is within the tolerance the lineage was asked with
 */
public record ControlResult(PredictionRecord prediction, NodeRun run, double difference, boolean agrees) {
}
