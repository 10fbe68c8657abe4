package org.iongov.report;

import java.time.Instant;
import java.util.List;

import org.iongov.core.audit.LedgerHead;
import org.iongov.core.audit.LedgerVerification;
import org.iongov.core.compliance.ComplianceReport;
import org.iongov.core.query.TimeRange;

/**
 * What an audit report says, independent of its format: for a time window (and optionally one
 * ION), the models trained, the decisions on them (people's and policy nodes'), their
 * deployments, the compliance policies' results, each model's lineage and use, and the ledger's
 * head with its verification. Built by {@link AuditReportBuilder}; written by
 * {@link PdfReportWriter}, {@link HtmlReportWriter} and {@link CsvReportWriter}.
 *
 * @param generatedAt when it was built
 * @param window the time window it covers
 * @param ionName the ION it is restricted to, or null for all
 * @param store which store it was built from
 * @param metric the training statistic shown for each model (e.g. {@code auc})
 * @param models the models trained in the window, oldest first
 * @param decisions approvals, rejections, rollbacks and policy decisions in the window, oldest first
 * @param deployments models sent to pipeline nodes in the window, oldest first
 * @param compliance the compliance policies' results over the window
 * @param summaries the lineage and use of the models trained, deployed or serving in the window
 *     (the newest {@link AuditReportBuilder#MAX_SUMMARIES} of them)
 * @param summariesTotal how many models were trained, deployed or serving in the window (more than
 *     the summaries when they were capped)
 * @param ledgerHead where the ledger ends
 * @param ledgerVerification what checking the ledger's whole chain found
 * @param exportedHead the head exported earlier that the verification compared with (so that entries
 *     removed from the end are found too), or null when none was given
 */
public record AuditReport(Instant generatedAt, TimeRange window, String ionName, String store, String metric,
        List<TrainedModel> models,
        List<Decision> decisions, List<Deployment> deployments, ComplianceReport compliance, List<ModelSummary> summaries,
        LedgerHead ledgerHead, LedgerVerification ledgerVerification, LedgerHead exportedHead, int summariesTotal) {

    public AuditReport {
        models = List.copyOf(models);
        decisions = List.copyOf(decisions);
        deployments = List.copyOf(deployments);
        summaries = List.copyOf(summaries);
    }

    /** How many distinct models a policy's final decision approved in the window (people's votes are not decisions). */
    public long modelsApproved() {
        return decisions.stream().filter(d -> d.byPolicy() && "approved".equals(d.outcome())).map(Decision::modelId).distinct().count();
    }

    /** How many distinct models a policy's final decision rejected in the window. */
    public long modelsRejected() {
        return decisions.stream().filter(d -> d.byPolicy() && "rejected".equals(d.outcome())).map(Decision::modelId).distinct().count();
    }

    /** How many distinct models were deployed in the window. */
    public long modelsDeployed() {
        return deployments.stream().map(Deployment::modelId).distinct().count();
    }

    /**
     * A model trained in the window.
     *
     * @param modelId the model
     * @param name its readable name
     * @param format its format
     * @param trainedAt when it was produced
     * @param trainingRun the run that produced it
     * @param node that run's node
     * @param instanceId that run's ION instance
     * @param trainedBy who started the run
     * @param metric the training metric's value (NaN when not recorded)
     */
    public record TrainedModel(String modelId, String name, String format, Instant trainedAt, String trainingRun, String node,
            String instanceId, String trainedBy, double metric) {
    }

    /**
     * A decision on a model, from the governance ledger.
     *
     * @param time when it was made
     * @param modelId the model
     * @param outcome approved or rejected (a policy's decision, or a person's rejection, which decides
     *     alone), rolled back, or {@code approve (vote k of n)}: one person's approval, counted towards
     *     the n the policy needed ({@code approve (vote k)} where the step's decision does not say)
     * @param by a person, or {@code policy:<node>} for a policy node's own decision
     * @param role the person's role, or null
     * @param policyNode where it was decided, or null
     * @param instanceId the ION instance, or null when unknown
     * @param comment the person's comment or the policy's reason, or null
     * @param ledgerSequence the ledger entry that records it
     * @param step the policy step it belongs to ({@code policy:MESSAGE:}), or null
     */
    public record Decision(Instant time, String modelId, String outcome, String by, String role, String policyNode, String instanceId,
            String comment, long ledgerSequence, String step) {

        /** Whether this is a policy node's decision (approved or rejected), not one person's vote or action. */
        public boolean byPolicy() {
            return by != null && by.startsWith("policy:");
        }
    }

    /**
     * A model sent to a pipeline node, from the governance ledger.
     *
     * @param time when it was sent
     * @param modelId the model
     * @param node the pipeline node it was sent to
     * @param instanceId the ION instance
     * @param by the policy node (or rollback) that sent it
     * @param messageId the message that carried it
     * @param ledgerSequence the ledger entry that records it
     */
    public record Deployment(Instant time, String modelId, String node, String instanceId, String by, String messageId,
            long ledgerSequence) {
    }

    /**
     * One model's lineage and use, in short.
     *
     * @param modelId the model
     * @param trainingRun the run that produced it, with its node and code version
     * @param datasets the datasets it was trained on (id and URI; "personal data" when flagged)
     * @param policySteps each policy node's outcome, with the people who decided
     * @param servedAt each pipeline run that took it in: node, run and since when
     * @param predictions predictions recorded with it in the window
     * @param predictionsTruncated whether some run had more predictions in the window than were
     *     read (10,000 a run): then {@code predictions} is a lower bound
     */
    public record ModelSummary(String modelId, String trainingRun, List<String> datasets, List<String> policySteps,
            List<String> servedAt, long predictions, boolean predictionsTruncated) {

        /** The count as shown: "≥N" when it is a lower bound. */
        public String predictionsText() {
            return (predictionsTruncated ? "≥" : "") + predictions;
        }

        public ModelSummary {
            datasets = List.copyOf(datasets);
            policySteps = List.copyOf(policySteps);
            servedAt = List.copyOf(servedAt);
        }
    }
}
