package org.iongov.core.compliance;

import java.time.Instant;

import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.query.NodeRun;

/**
 * A model that served at an inference or control node during a check's window.
 *
 * @param instanceId the ION instance
 * @param node the node it served at
 * @param run the run that used it
 * @param since when that run took it in (or when it was first seen serving in the window)
 * @param lineage the model's path: training run, data, statistics, policy steps
 */
public record ServingModel(String instanceId, String node, NodeRun run, Instant since, ModelLineage lineage) {

    public String modelId() {
        return lineage.model().id();
    }
}
