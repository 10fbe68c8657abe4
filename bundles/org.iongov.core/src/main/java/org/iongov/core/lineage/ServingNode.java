package org.iongov.core.lineage;

import java.util.List;

import org.iongov.core.query.NodeRun;

/**
 * What an inference or control node was using at a moment, and why.
 *
 * @param node the ION node
 * @param run its run at that moment, or null when none was running
 * @param models the models in use then (the last one received on each channel), with their paths
 */
public record ServingNode(String node, NodeRun run, List<ModelLineage> models) {
}
