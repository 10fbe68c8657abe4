package org.iongov.agent.api;

import java.util.List;

/**
 * The import side: what a pipeline may read of governance metadata, for example to choose a model
 * by its approval history and accuracy:
 *
 * <pre>{@code
 * ModelHistory best = governance.queries().models("inst-1", "auc", 50).stream()
 *         .filter(m -> m.approved() && !m.rejected())
 *         .max(Comparator.comparingDouble(ModelHistory::statistic)).orElseThrow();
 * }</pre>
 *
 * Queries go to the server (through the agent) and so, unlike reporting, wait for the network.
 */
public interface GovernanceQueries {

    /**
     * Models produced in an ION instance, newest first.
     *
     * @param statistic the statistic of each model's training run to include (e.g. {@code auc})
     * @param limit at most this many models
     * @throws IllegalStateException when the server cannot be asked (the message says why)
     */
    List<ModelHistory> models(String instanceId, String statistic, int limit);
}
