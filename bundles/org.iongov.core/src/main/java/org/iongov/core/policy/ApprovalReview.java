package org.iongov.core.policy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.ServingNode;
import org.iongov.core.policy.ModelPropagation.PendingApproval;
import org.iongov.core.store.GovernanceStore;
import org.iongov.model.Channel;
import org.iongov.model.Ion;
import org.iongov.model.PipelineNode;
import org.iongov.model.PipelineRole;
import org.iongov.model.PolicyNode;

/**
 * What an operator needs to decide on a model waiting for approval: the candidate's path
 * (training run, statistics, data and their signatures), the models now serving at the nodes it
 * would reach, and how the two compare, metric by metric and dataset by dataset.
 *
 * @param pending the waiting model and where it waits
 * @param candidate the waiting model's lineage, null if the model is not recorded
 * @param reaches the inference and control nodes the model would reach once approved
 * @param inProduction the models now serving there that it would replace: those from the same
 *        training node, or every model serving there when none is
 * @param metrics each scalar statistic of the candidate's training run beside the same statistic
 *        of the first model in production, sorted by name
 * @param data each dataset the candidate's training read, beside the one of the same location
 *        that the model in production read, sorted by location
 */
public record ApprovalReview(PendingApproval pending, ModelLineage candidate, List<String> reaches, List<Serving> inProduction,
        List<MetricComparison> metrics, List<DataComparison> data) {

    public ApprovalReview {
        reaches = List.copyOf(reaches);
        inProduction = List.copyOf(inProduction);
        metrics = List.copyOf(metrics);
        data = List.copyOf(data);
    }

    /** A model serving at a node. */
    public record Serving(String node, ModelLineage model) {
    }

    /**
     * One statistic, candidate beside production.
     *
     * @param candidate null when the candidate's run did not report it
     * @param production null when there is no model in production or its run did not report it
     * @param difference candidate minus production, null when either is missing
     */
    public record MetricComparison(String statistic, Double candidate, Double production, Double difference) {
    }

    /**
     * One dataset location, candidate beside production.
     *
     * @param uri where the data was read from
     * @param candidateDigest the content signature the candidate's training saw, null if it did not read
     *        it or no signature was recorded
     * @param productionDigest the one the model in production's training saw, likewise
     */
    public record DataComparison(String uri, String candidateDigest, String productionDigest) {

        /** Whether both trainings are known to have read the same content there (unknown is not the same). */
        public boolean sameContent() {
            return candidateDigest != null && candidateDigest.equals(productionDigest);
        }
    }

    /** Reviews of every model waiting for people in an instance (all instances when null), oldest first. */
    public static List<ApprovalReview> pending(GovernanceStore store, ModelPropagation propagation, String instanceId, Instant now) {
        Lineage lineage = new Lineage(store, 0); // (its agreement tolerance is for control pipelines, not used here)
        List<ApprovalReview> reviews = new ArrayList<>();
        for (PendingApproval waiting : propagation.pending(instanceId)) {
            reviews.add(of(store, propagation, lineage, waiting, now));
        }
        return reviews;
    }

    /** The review of one waiting model. */
    public static ApprovalReview of(GovernanceStore store, ModelPropagation propagation, Lineage lineage, PendingApproval waiting,
            Instant now) {
        ModelLineage candidate = lineage.ofModel(waiting.modelId(), null).orElse(null);
        Set<String> reaches = propagation.ionOf(waiting.instanceId()).map(ion -> servingNodesAfter(ion, waiting.policyNode()))
                .orElse(Set.of());
        String trainingNode = candidate == null || candidate.trainingRun() == null ? null : candidate.trainingRun().start().node();
        List<Serving> replaced = new ArrayList<>();
        List<Serving> all = new ArrayList<>();
        for (ServingNode node : lineage.inProduction(waiting.instanceId(), now)) {
            if (!reaches.contains(node.node())) {
                continue;
            }
            for (ModelLineage model : node.models()) {
                all.add(new Serving(node.node(), model));
                String from = model.trainingRun() == null ? null : model.trainingRun().start().node();
                if (trainingNode != null && trainingNode.equals(from)) {
                    replaced.add(new Serving(node.node(), model));
                }
            }
        }
        List<Serving> production = replaced.isEmpty() ? all : replaced;
        ModelLineage current = production.isEmpty() ? null : production.get(0).model();
        return new ApprovalReview(waiting, candidate, List.copyOf(reaches), production, metrics(candidate, current),
                data(candidate, current));
    }

    /** The inference and control nodes a model at {@code policyNode} would reach, through any further policy nodes. */
    static Set<String> servingNodesAfter(Ion ion, String policyNode) {
        Set<String> reached = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(policyNode));
        while (!next.isEmpty()) {
            String node = next.poll();
            if (!seen.add(node)) {
                continue; // ION graphs may have cycles
            }
            for (Channel channel : ion.getChannels()) {
                if (channel.getFrom() == null || channel.getTo() == null || !node.equals(channel.getFrom().getName())
                        || channel.getMessage() != org.iongov.model.MessageType.MODEL) {
                    continue;
                }
                if (channel.getTo() instanceof PolicyNode) {
                    next.add(channel.getTo().getName());
                } else if (channel.getTo() instanceof PipelineNode pipeline
                        && (pipeline.getRole() == PipelineRole.INFERENCE || pipeline.getRole() == PipelineRole.CONTROL)) {
                    reached.add(pipeline.getName());
                }
            }
        }
        return reached;
    }

    private static List<MetricComparison> metrics(ModelLineage candidate, ModelLineage production) {
        Map<String, Double> mine = candidate == null ? Map.of() : candidate.statistics();
        Map<String, Double> theirs = production == null ? Map.of() : production.statistics();
        Set<String> names = new TreeSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        List<MetricComparison> rows = new ArrayList<>();
        for (String name : names) {
            Double a = mine.get(name);
            Double b = theirs.get(name);
            rows.add(new MetricComparison(name, a, b, a == null || b == null ? null : a - b));
        }
        return rows;
    }

    private static List<DataComparison> data(ModelLineage candidate, ModelLineage production) {
        Map<String, String> mine = readDigests(candidate);
        Map<String, String> theirs = readDigests(production);
        Set<String> uris = new TreeSet<>(mine.keySet());
        uris.addAll(theirs.keySet());
        List<DataComparison> rows = new ArrayList<>();
        for (String uri : uris) {
            rows.add(new DataComparison(uri, mine.get(uri), theirs.get(uri)));
        }
        return rows;
    }

    private static Map<String, String> readDigests(ModelLineage model) {
        Map<String, String> digests = new java.util.LinkedHashMap<>();
        if (model != null) {
            for (ModelLineage.DatasetUse use : model.datasets()) {
                if ("read".equals(use.direction())) {
                    digests.put(use.dataset().uri(), use.dataset().digest()); // null when no signature was recorded
                }
            }
        }
        return digests;
    }
}
