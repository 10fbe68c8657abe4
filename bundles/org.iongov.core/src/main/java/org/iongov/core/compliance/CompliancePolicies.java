package org.iongov.core.compliance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.iongov.core.metadata.EventRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Compliance policies as configured in a small JSON file:
 *
 * <pre>
 * {"policies": [
 *   {"id": "production-approval", "type": "serving-models-approved", "minApprovals": 1, "metric": "auc", "minimum": 0.8},
 *   {"id": "personal-data", "type": "personal-data-approvals", "minApprovers": 2, "severity": "error"},
 *   {"type": "ledger-intact"}
 * ]}
 * </pre>
 *
 * {@code id} defaults to the type; {@code severity} (warning or error) to error. Anything else is
 * refused with every problem named by its place in the file.
 */
public final class CompliancePolicies {

    /** A configuration that cannot be used, with each problem named by its place. */
    public static final class InvalidConfigException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidConfigException(String source, List<String> problems) {
            super(source + " is not a valid compliance policy configuration: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> PARAMETERS = Map.of(
            ServingModelsApproved.TYPE, Set.of("minApprovals", "metric", "minimum"),
            PersonalDataApprovals.TYPE, Set.of("minApprovers"),
            LedgerIntact.TYPE, Set.of());

    private CompliancePolicies() {
    }

    /**
     * The built-in policies with their default parameters: serving models had a human approval and
     * a training AUC of at least 0.8; models trained on personal data serve only with two distinct
     * approvers; the ledger verifies.
     */
    public static List<CompliancePolicy> defaults() {
        return List.of(new ServingModelsApproved(ServingModelsApproved.TYPE, 1, "auc", 0.8, EventRecord.Severity.ERROR),
                new PersonalDataApprovals(PersonalDataApprovals.TYPE, 2, EventRecord.Severity.ERROR),
                new LedgerIntact(LedgerIntact.TYPE, EventRecord.Severity.ERROR));
    }

    /** Reads a configuration file; a missing or invalid file is an {@link IllegalArgumentException} in the user's terms. */
    public static List<CompliancePolicy> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no compliance policy file " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the compliance policy file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses a configuration; {@code source} names it in errors. */
    public static List<CompliancePolicy> parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException(source, List.of("not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        }
        return parse(root, source);
    }

    /** Reads a configuration already parsed as JSON (e.g. a request body). */
    public static List<CompliancePolicy> parse(JsonNode root, String source) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("policies").isArray()) {
            throw new InvalidConfigException(source, List.of("expected an object {\"policies\": [...]}"));
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!"policies".equals(name)) {
                problems.add(name + ": unknown field; the file has only \"policies\"");
            }
        });
        List<CompliancePolicy> policies = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.get("policies");
        if (list.isEmpty()) {
            problems.add("policies: is empty; name at least one of " + String.join(", ", types()));
        }
        for (int i = 0; i < list.size(); i++) {
            CompliancePolicy policy = policy(list.get(i), "policies[" + i + "]", problems);
            if (policy != null && !ids.add(policy.id())) {
                problems.add("policies[" + i + "].id: '" + policy.id() + "' is used twice; give each policy its own id");
            }
            policies.add(policy);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(source, problems);
        }
        return List.copyOf(policies);
    }

    /** The built-in policy types, sorted. */
    public static List<String> types() {
        return PARAMETERS.keySet().stream().sorted().toList();
    }

    private static CompliancePolicy policy(JsonNode node, String at, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": expected an object with a \"type\"");
            return null;
        }
        String type = node.path("type").asText(null);
        if (type == null || !PARAMETERS.containsKey(type)) {
            problems.add(at + ".type: " + (type == null ? "is required" : "'" + type + "' is not known") + "; one of "
                    + String.join(", ", types()));
            return null;
        }
        Set<String> allowed = new HashSet<>(PARAMETERS.get(type));
        allowed.addAll(List.of("type", "id", "severity"));
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(at + "." + name + ": not a parameter of " + type + " (it takes "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        int before = problems.size();
        String id = node.has("id") ? node.path("id").asText("") : type;
        if (!node.path("id").isMissingNode() && (!node.get("id").isTextual() || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}"))) {
            problems.add(at + ".id: must be 1 to 80 letters, digits, '.', '_' or '-', was " + node.get("id"));
        }
        EventRecord.Severity severity = EventRecord.Severity.ERROR;
        if (node.has("severity")) {
            String value = node.get("severity").asText("").toLowerCase(Locale.ROOT);
            if (!List.of("warning", "error").contains(value) || !node.get("severity").isTextual()) {
                problems.add(at + ".severity: must be \"warning\" or \"error\", was " + node.get("severity"));
            } else {
                severity = EventRecord.Severity.valueOf(value.toUpperCase(Locale.ROOT));
            }
        }
        return switch (type) {
            case ServingModelsApproved.TYPE -> {
                int approvals = whole(node, "minApprovals", 1, 0, 100, at, problems);
                String metric = node.has("metric") ? node.get("metric").asText("") : "auc";
                if (node.has("metric") && (!node.get("metric").isTextual() || metric.isBlank())) {
                    problems.add(at + ".metric: must be a statistic's name such as \"auc\", was " + node.get("metric"));
                }
                double minimum = 0.8;
                if (node.has("minimum")) {
                    if (!node.get("minimum").isNumber()) {
                        problems.add(at + ".minimum: must be a number, was " + node.get("minimum"));
                    } else {
                        minimum = node.get("minimum").asDouble();
                    }
                }
                yield problems.size() > before ? null : new ServingModelsApproved(id, approvals, metric, minimum, severity);
            }
            case PersonalDataApprovals.TYPE -> {
                int approvers = whole(node, "minApprovers", 2, 1, 100, at, problems);
                yield problems.size() > before ? null : new PersonalDataApprovals(id, approvers, severity);
            }
            default -> problems.size() > before ? null : new LedgerIntact(id, severity);
        };
    }

    private static int whole(JsonNode node, String field, int defaultValue, int min, int max, String at, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(at + "." + field + ": must be a whole number from " + min + " to " + max + ", was " + value);
            return defaultValue;
        }
        return value.asInt();
    }
}
