package org.iongov.core.lineage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.query.NodeRun;

/**
 * One model's path: the run that trained it, on which data and with which settings, the policy
 * steps it passed and the message that deployed it to the inference run.
 *
 * @param model the model (without its bytes)
 * @param trainingRun the run that produced it (code reference, configuration, engine, host)
 * @param datasets the datasets that run read and wrote, with their content signatures
 * @param statistics the last value of each scalar statistic the training run reported
 * @param search the hyperparameter search's settings and metrics, if any
 * @param policySteps each policy node the model passed through, in order
 * @param deployment the message that brought the model to the inference run, and its receipt
 */
public record ModelLineage(ModelRecord model, NodeRun trainingRun, List<DatasetUse> datasets, Map<String, Double> statistics,
        List<SearchResultRecord> search, List<PolicyStep> policySteps, Deployment deployment) {

    /** A dataset the training run read or wrote. */
    public record DatasetUse(DatasetRecord dataset, String direction) {
    }

    /**
     * A policy node's decision on the model.
     *
     * @param node the policy node
     * @param messageId the message that brought the model to it
     * @param outcome approval, rejection or approval-pending
     * @param time when it decided
     * @param reason the policy's reason (threshold result, approvals counted, ...)
     * @param humanActions the people who approved or rejected it there
     */
    public record PolicyStep(String node, String messageId, String outcome, Instant time, String reason,
            List<HumanActionRecord> humanActions) {
    }

    /**
     * @param messageId the message that carried the model to the inference node
     * @param channel its channel
     * @param sentAt when it was sent
     * @param receiverRunId the run that started using the model (null if no receipt is recorded)
     * @param receivedAt when it did
     */
    public record Deployment(String messageId, String channel, Instant sentAt, String receiverRunId, Instant receivedAt) {
    }
}
