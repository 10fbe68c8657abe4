package org.iongov.core.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.metadata.EventRecord;

/**
 * No model trained on a dataset flagged as holding personal data serves without
 * {@code minApprovers} distinct human approvers (see {@link ComplianceScope#personalDataFlag} for
 * how a dataset is flagged). Type {@value #TYPE}.
 */
public final class PersonalDataApprovals extends ModelPolicy {

    public static final String TYPE = "personal-data-approvals";

    private final int minApprovers;

    public PersonalDataApprovals(String id, int minApprovers, EventRecord.Severity severity) {
        super(id, severity);
        this.minApprovers = minApprovers;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "no model trained on a dataset flagged as personal data serves without " + minApprovers + " distinct human approvals";
    }

    @Override
    Problem problem(ComplianceScope scope, ServingModel serving, Map<String, Object> evidence) {
        List<String> flagged = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (ModelLineage.DatasetUse use : serving.lineage().datasets()) {
            if (!"read".equals(use.direction()) || flagged.contains(use.dataset().id())) {
                continue;
            }
            Optional<String> by = scope.personalDataFlag(use.dataset());
            if (by.isPresent()) {
                flagged.add(use.dataset().id());
                described.add(use.dataset().id() + ", flagged by " + by.get());
            }
        }
        if (flagged.isEmpty()) {
            return null;
        }
        List<String> approvers = scope.approvers(serving);
        if (approvers.size() >= minApprovers) {
            return null;
        }
        evidence.put("personalDatasets", flagged);
        evidence.put("approvers", approvers);
        return new Problem("and was trained on personal data (" + String.join("; ", described) + ") with "
                + approvals(approvers, "distinct ") + "; " + minApprovers + " needed", List.of("personal-data-approvals"));
    }
}
