package org.iongov.core.lineage;

import java.util.List;

import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.query.NodeRun;

/**
 * Why a prediction is what it is: the sequence of recorded steps that led to it, followed through
 * the messages that carried its models (not guessed from timing).
 *
 * @param prediction the prediction
 * @param inferenceRun the run that made it
 * @param ion the ION instance and definition the run belongs to
 * @param models each model that made it (several for an ensemble), with its path
 * @param control the same input as scored by control (canary) pipelines, with whether they agreed
 * @param events events of the ION instance in the window the prediction's models served in
 */
public record PredictionLineage(PredictionRecord prediction, NodeRun inferenceRun, IonReference ion, List<ModelLineage> models,
        List<ControlResult> control, List<EventRecord> events) {

    /** The ION a run belongs to. */
    public record IonReference(String instanceId, String name, int version) {
    }
}
