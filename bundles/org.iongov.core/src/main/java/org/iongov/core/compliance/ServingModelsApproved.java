package org.iongov.core.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iongov.core.metadata.EventRecord;

/**
 * Every model serving in production had at least {@code minApprovals} human approvals and a
 * training metric (default {@code auc}) of at least {@code minimum}. Type {@value #TYPE}.
 */
public final class ServingModelsApproved extends ModelPolicy {

    public static final String TYPE = "serving-models-approved";

    private final int minApprovals;
    private final String metric;
    private final double minimum;

    public ServingModelsApproved(String id, int minApprovals, String metric, double minimum, EventRecord.Severity severity) {
        super(id, severity);
        this.minApprovals = minApprovals;
        this.metric = metric;
        this.minimum = minimum;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "every model serving in production had " + (minApprovals == 1 ? "a human approval" : minApprovals + " human approvals")
                + " and a training " + metric + " of at least " + minimum;
    }

    @Override
    Problem problem(ComplianceScope scope, ServingModel serving, Map<String, Object> evidence) {
        List<String> approvers = scope.approvers(serving);
        Double value = serving.lineage().statistics().get(metric);
        boolean known = value != null && !value.isNaN();
        evidence.put("approvers", approvers);
        evidence.put(metric, known ? value : null);
        evidence.put("trainingRun", serving.lineage().model().runId());
        List<String> problems = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        if (approvers.size() < minApprovals) {
            problems.add(approvers.isEmpty() ? "without a human approval"
                    : "with " + approvals(approvers, "") + ", " + minApprovals + " needed");
            kinds.add("approvals");
        }
        if (!known) {
            problems.add("with no training " + metric + " recorded");
            kinds.add("no-" + metric);
        } else if (value < minimum) {
            problems.add("with a training " + metric + " of " + value + ", below " + minimum);
            kinds.add(metric + "-below");
        }
        return problems.isEmpty() ? null : new Problem(String.join(" and ", problems), kinds);
    }
}
