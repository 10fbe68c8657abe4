package org.iongov.demo;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.compliance.PolicyResult;
import org.iongov.core.lineage.LineageText;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.query.NodeRun;
import org.iongov.core.query.RecordQuery;
import org.iongov.core.query.RunQuery;
import org.iongov.core.store.GovernanceStore;

/**
 * What a demo run did: models trained, approved, rejected and deployed; predictions; the objects
 * and bytes it stored by kind (like the paper's Table 1); and Scenario 1 answered for one
 * prediction.
 *
 * @param instanceId the ION instance the demo ran
 * @param ionName the ION's name
 * @param ionVersion its version
 * @param elapsed how long the demo took
 * @param modelsTrained models published by training runs
 * @param approvals approval decisions by policy nodes
 * @param rejections rejection decisions by policy nodes
 * @param modelsDelivered distinct models sent on to pipeline nodes
 * @param modelsDeployed distinct models an inference run started using
 * @param runs runs per node
 * @param objects records stored by kind during the demo
 * @param bytes bytes the store grew by, per kind
 * @param scenario the lineage of the chosen prediction, if any prediction was made
 * @param compliance the default compliance policies run over the demo's time (their violations recorded as events)
 * @param logs where each engine's output is kept
 */
public record DemoSummary(String instanceId, String ionName, int ionVersion, Duration elapsed, int modelsTrained, int approvals,
        int rejections, int modelsDelivered, int modelsDeployed, Map<String, Integer> runs, Map<RecordKind, Long> objects,
        Map<RecordKind, Long> bytes, Optional<PredictionLineage> scenario, ComplianceReport compliance, List<String> logs) {

    static DemoSummary of(GovernanceStore store, String instanceId, String ionName, int ionVersion, Duration elapsed,
            Map<RecordKind, Long> objects, Map<RecordKind, Long> bytes, Optional<PredictionLineage> scenario, ComplianceReport compliance,
            List<String> logs) {
        int trained = store.models(new RecordQuery(null, instanceId, null, null, null, 10_000)).size();
        int approvals = store.events(new RecordQuery(null, instanceId, "approval", null, null, 10_000)).size();
        int rejections = store.events(new RecordQuery(null, instanceId, "rejection", null, null, 10_000)).size();
        Map<String, Integer> runs = new LinkedHashMap<>();
        Set<String> pipelineRunIds = new HashSet<>();
        for (NodeRun run : store.runs(new RunQuery(instanceId, null, null, 10_000))) {
            runs.merge(run.start().node(), 1, Integer::sum);
            if (run.start().nodeKind() == org.iongov.core.metadata.RunRecord.NodeKind.PIPELINE) {
                pipelineRunIds.add(run.start().id());
            }
        }
        Set<String> delivered = new HashSet<>();
        Set<String> deployed = new HashSet<>();
        for (MessageRecord message : store.messages(new RecordQuery(null, instanceId, null, null, null, 10_000))) {
            if (message.modelId() == null || !message.senderRunId().startsWith("policy:")) {
                continue;
            }
            boolean received = store.messageReceipts(new RecordQuery(null, null, null, message.id(), null, 100)).stream()
                    .anyMatch(r -> pipelineRunIds.contains(r.receiverRunId()));
            delivered.add(message.modelId());
            if (received) {
                deployed.add(message.modelId());
            }
        }
        return new DemoSummary(instanceId, ionName, ionVersion, elapsed, trained, approvals, rejections, delivered.size(), deployed.size(),
                runs, objects, bytes, scenario, compliance, logs);
    }

    /** The summary and the Scenario 1 answer, as the demo prints them. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nIonGov demo finished in %s: ION %s v%d, instance %s%n", Demo.format(elapsed), ionName,
                ionVersion, instanceId));
        out.append(String.format(Locale.ROOT, "  models: %d trained, %d policy approvals, %d rejections, %d delivered to inference,"
                + " %d deployed (in use)%n", modelsTrained, approvals, rejections, modelsDelivered, modelsDeployed));
        out.append("  runs per node: ").append(runs).append('\n');
        out.append(String.format(Locale.ROOT, "  predictions recorded: %,d%n", objects.getOrDefault(RecordKind.PREDICTION, 0L)));
        out.append("\n  Stored by kind (this demo; cf. the paper's Table 1 for one day; bytes = growth of the store's allocated pages)\n");
        out.append(String.format(Locale.ROOT, "  %-20s %12s %14s%n", "kind", "objects", "bytes"));
        long totalObjects = 0;
        long totalBytes = 0;
        for (RecordKind kind : RecordKind.values()) {
            long n = objects.getOrDefault(kind, 0L);
            long b = bytes.getOrDefault(kind, 0L);
            if (n == 0 && b == 0) {
                continue;
            }
            totalObjects += n;
            totalBytes += b;
            out.append(String.format(Locale.ROOT, "  %-20s %,12d %,14d%n", kind.name().toLowerCase(Locale.ROOT), n, b));
        }
        out.append(String.format(Locale.ROOT, "  %-20s %,12d %,14d%n", "total", totalObjects, totalBytes));
        out.append("\nScenario 1: why was this prediction made?\n");
        out.append(scenario.map(LineageText::render).orElse("  no prediction was recorded (did a model reach inference?)\n"));
        out.append("\nCompliance: the default policies over the demo's time (violations recorded; ./iongov audit check lists them)\n");
        for (PolicyResult result : compliance.results()) {
            out.append(String.format(Locale.ROOT, "  %-26s %s, %d checked%s%n", result.policyId(), result.error() != null ? "could not run"
                    : result.passed() ? "passed" : result.violations().size() + " violation(s)", result.checked(),
                    result.error() != null ? ": " + result.error() : ""));
            result.violations().stream().limit(3).forEach(v -> out.append("    - ").append(v.message()).append('\n'));
            if (result.violations().size() > 3) {
                out.append("    - and ").append(result.violations().size() - 3).append(" more\n");
            }
        }
        out.append("\nEngine logs: ").append(String.join(", ", logs)).append('\n');
        out.append("Open it in the workbench: ./iongov workbench (same store)\n");
        return out.toString();
    }
}
