package org.iongov.core.lineage;

import java.util.Locale;

import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.query.NodeRun;

/** A prediction's lineage as an investigator reads it: the paper's Scenario 1 answered in plain lines. */
public final class LineageText {

    /** The statistics that say how good a model is, in the order an investigator reads them. */
    private static final java.util.List<String> EVALUATION = java.util.List.of("auc", "accuracy", "precision", "recall", "training_auc",
            "loss", "rows", "holdout_rows");

    private LineageText() {
    }

    public static String render(PredictionLineage lineage) {
        StringBuilder out = new StringBuilder();
        var p = lineage.prediction();
        line(out, 0, "Prediction %s at %s", p.id(), p.time());
        line(out, 1, "input %s", p.inputJson() == null ? "(not kept)" : p.inputJson());
        line(out, 1, "output %s", p.outputJson());
        line(out, 1, "input digest sha256:%s", p.inputDigest());
        if (lineage.ion() != null) {
            line(out, 1, "ION %s v%d, instance %s", lineage.ion().name(), lineage.ion().version(), lineage.ion().instanceId());
        }
        line(out, 1, "made by %s", run(lineage.inferenceRun()));
        line(out, 0, "Model%s (%d)", lineage.models().size() == 1 ? "" : "s", lineage.models().size());
        for (ModelLineage m : lineage.models()) {
            model(out, m, 1);
        }
        line(out, 0, "Control pipelines on the same input (%d)", lineage.control().size());
        for (ControlResult c : lineage.control()) {
            line(out, 1, "%s: output %s, difference %s: %s", c.run() == null ? c.prediction().runId() : c.run().start().node(),
                    c.prediction().outputJson(), number(c.difference()), c.agrees() ? "agrees" : "DISAGREES");
        }
        long problems = lineage.events().stream().filter(e -> e.severity() != EventRecord.Severity.INFO).count();
        line(out, 0, "Events in the window (%d, %d warnings or errors)", lineage.events().size(), problems);
        for (EventRecord e : lineage.events()) {
            if (e.severity() != EventRecord.Severity.INFO) {
                line(out, 1, "%s %s %s: %s", e.time(), e.severity(), e.type(), e.message());
            }
        }
        return out.toString();
    }

    /** Downstream of a dataset, as {@code ./iongov lineage --dataset} prints it. */
    public static String renderImpact(DatasetImpact impact) {
        StringBuilder out = new StringBuilder();
        line(out, 0, "Dataset %s (%s, %d bytes, sha256:%s)", impact.dataset().id(), impact.dataset().uri(), impact.dataset().size(),
                impact.dataset().digest());
        line(out, 0, "Models trained on it (%d)", impact.models().size());
        for (DatasetImpact.ImpactedModel m : impact.models()) {
            line(out, 1, "%s \"%s\" (sha256:%s), trained by %s", m.model().id(), m.model().name(), m.model().sha256(),
                    run(m.trainingRun()));
            if (m.uses().isEmpty()) {
                line(out, 2, "never used by a pipeline");
            }
            for (DatasetImpact.ModelUse use : m.uses()) {
                line(out, 2, "used by %s from %s (on %s): %s%d predictions recorded", run(use.run()), use.since(), use.channel(),
                        use.truncated() ? "at least " : "", use.predictions());
            }
        }
        return out.toString();
    }

    /** What was in production at a moment, as {@code ./iongov lineage --instance} prints it. */
    public static String renderProduction(String instanceId, java.time.Instant at, java.util.List<ServingNode> serving) {
        StringBuilder out = new StringBuilder();
        line(out, 0, "In production in %s at %s", instanceId, at);
        for (ServingNode node : serving) {
            if (node.run() == null) {
                line(out, 1, "%s: no run at that time", node.node());
                continue;
            }
            line(out, 1, "%s: %s", node.node(), run(node.run()));
            if (node.models().isEmpty()) {
                line(out, 2, "no model received yet");
            }
            for (ModelLineage m : node.models()) {
                model(out, m, 2);
            }
        }
        return out.toString();
    }

    /** One model's path, as {@code ./iongov lineage --model} prints it. */
    public static String renderModel(ModelLineage model) {
        StringBuilder out = new StringBuilder();
        model(out, model, 0);
        return out.toString();
    }

    private static void model(StringBuilder out, ModelLineage m, int base) {
        line(out, base, "%s \"%s\" (%s, %d bytes, sha256:%s)", m.model().id(), m.model().name(),
                m.model().format().name().toLowerCase(Locale.ROOT), m.model().size(), m.model().sha256());
        if (m.trainingRun() != null) {
            line(out, base + 1, "trained by %s", run(m.trainingRun()));
            var start = m.trainingRun().start();
            line(out, base + 2, "code %s @ %s", start.codeUri(), start.codeVersion());
            if (start.configurationJson() != null) {
                line(out, base + 2, "parameters %s", start.configurationJson());
            }
        }
        for (ModelLineage.DatasetUse d : m.datasets()) {
            line(out, base + 1, "%s %s (%d bytes, sha256:%s)", d.direction(), d.dataset().uri(), d.dataset().size(), d.dataset().digest());
        }
        if (!m.statistics().isEmpty()) {
            // The evaluation first; engine counters (stages, bytes) are in the JSON and the statistics views.
            StringBuilder stats = new StringBuilder();
            int shown = 0;
            for (String name : EVALUATION) {
                Double value = m.statistics().get(name);
                if (value != null) {
                    stats.append(shown++ == 0 ? "" : ", ").append(name).append(' ').append(number(value));
                }
            }
            int others = m.statistics().size() - shown;
            if (others > 0) {
                stats.append(shown == 0 ? "" : ", ").append(others).append(" more");
            }
            line(out, base + 1, "training statistics: %s", stats);
        }
        for (SearchResultRecord s : m.search()) {
            line(out, base + 1, "search %s %s %s%s", s.parametersJson(), s.metric(), number(s.value()), s.chosen() ? "  <- chosen" : "");
        }
        for (ModelLineage.PolicyStep step : m.policySteps()) {
            line(out, base + 1, "policy %s: %s at %s (%s)", step.node(), step.outcome(), step.time(), step.reason());
            for (HumanActionRecord h : step.humanActions()) {
                line(out, base + 2, "%s by %s (%s) at %s%s", h.action(), h.actor(), h.role(), h.time(),
                        h.comment() == null ? "" : ": " + h.comment());
            }
        }
        if (m.deployment() != null) {
            line(out, base + 1, "deployed on %s, sent %s, in use by %s since %s", m.deployment().channel(), m.deployment().sentAt(),
                    m.deployment().receiverRunId(), m.deployment().receivedAt());
        }
    }

    private static String run(NodeRun run) {
        if (run == null) {
            return "an unrecorded run";
        }
        var s = run.start();
        return String.format(Locale.ROOT, "run %s of node %s (%s %s on %s, started %s%s, %s%s)", s.id(), s.node(),
                s.engine(), s.engineVersion() == null ? "" : s.engineVersion(), s.host(), s.startedAt(),
                s.startedBy() == null ? "" : " by " + s.startedBy(), run.status().name().toLowerCase(Locale.ROOT),
                run.endedAt() == null ? "" : " " + run.endedAt());
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static void line(StringBuilder out, int indent, String format, Object... args) {
        out.append("  ".repeat(indent)).append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
