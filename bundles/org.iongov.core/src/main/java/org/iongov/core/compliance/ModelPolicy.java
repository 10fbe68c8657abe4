package org.iongov.core.compliance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iongov.core.json.MetadataJson;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.metadata.EventRecord;

/**
 * A built-in policy judging each model that served in the window, once per model and instance
 * (where it was first seen serving there); an instance whose serving models cannot be found is a
 * violation of its own.
 */
abstract class ModelPolicy extends BuiltInPolicy {

    ModelPolicy(String id, EventRecord.Severity severity) {
        super(id, severity);
    }

    @Override
    public final List<Violation> check(ComplianceScope scope) {
        Map<String, Violation> found = new LinkedHashMap<>();
        for (ServingModel serving : scope.servingModels()) {
            String key = serving.instanceId() + "\n" + serving.modelId();
            if (found.containsKey(key)) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("node", serving.node());
            evidence.put("servingSince", serving.since());
            Problem problem = problem(scope, serving, evidence);
            if (problem != null) {
                String message = "model " + serving.modelId() + " serves at " + serving.node() + " (instance " + serving.instanceId()
                        + ") " + problem.text();
                ModelLineage.Deployment deployment = serving.lineage().deployment();
                // The same model deployed again (another message or run), or failing in another way, is a new violation.
                String deployedBy = deployment != null && deployment.messageId() != null ? deployment.messageId()
                        : serving.run() == null ? "-" : "run " + serving.run().start().id();
                String occurrence = serving.instanceId() + ":" + deployedBy + ":" + String.join("+", problem.kinds());
                found.put(key, new Violation(id(), "model", serving.modelId(), serving.instanceId(),
                        serving.run() == null ? null : serving.run().start().id(), serving.since(), severity(), message,
                        MetadataJson.valueToJson(evidence).toString(), occurrence));
            }
        }
        List<Violation> violations = new ArrayList<>(found.values());
        for (Map.Entry<String, String> unchecked : scope.uncheckedInstances().entrySet()) {
            violations.add(new Violation(id(), "instance", unchecked.getKey(), unchecked.getKey(), null, scope.checkedAt(), severity(),
                    unchecked.getValue(), null, "unchecked"));
        }
        return List.copyOf(violations);
    }

    /**
     * What is wrong with a serving model.
     *
     * @param text continues "model M serves at N (instance I) ..."
     * @param kinds the kinds of problem, short and stable (e.g. {@code approvals}, {@code metric-below}): part of the violation's identity
     */
    record Problem(String text, List<String> kinds) {
    }

    /**
     * What is wrong with this serving model, or null when nothing is.
     *
     * @param evidence what the policy looked at, to add to
     */
    abstract Problem problem(ComplianceScope scope, ServingModel serving, Map<String, Object> evidence);

    /** "1 human approval (olivia)", "2 distinct human approvals (olivia, oscar)", "no human approval". */
    static String approvals(List<String> approvers, String adjective) {
        if (approvers.isEmpty()) {
            return "no human approval";
        }
        return approvers.size() + " " + adjective + "human approval" + (approvers.size() == 1 ? "" : "s") + " ("
                + String.join(", ", approvers) + ")";
    }
}
