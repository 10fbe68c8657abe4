package org.iongov.core.lineage;

import java.time.Instant;
import java.util.List;

import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.query.NodeRun;

/**
 * Downstream of a dataset: the runs that trained on it, the models they produced, and the
 * inference runs and predictions that used those models (the impact of a bad dataset).
 *
 * @param dataset the dataset
 * @param models each model trained from it, with where it served
 */
public record DatasetImpact(DatasetRecord dataset, List<ImpactedModel> models) {

    /**
     * @param model the model (without its bytes)
     * @param trainingRun the run that read the dataset and produced it
     * @param uses the runs that started using it
     */
    public record ImpactedModel(ModelRecord model, NodeRun trainingRun, List<ModelUse> uses) {
    }

    /**
     * @param run a run that received the model (inference, control)
     * @param channel the channel it arrived on
     * @param since when the run started using it
     * @param predictions predictions of that run made with the model (counted up to a limit)
     * @param truncated whether there are more than were counted
     */
    public record ModelUse(NodeRun run, String channel, Instant since, int predictions, boolean truncated) {
    }
}
