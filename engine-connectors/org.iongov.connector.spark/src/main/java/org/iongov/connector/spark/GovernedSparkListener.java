package org.iongov.connector.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.iongov.connector.spark.internal.ConfiguredRun;
import org.iongov.connector.spark.internal.PlanDatasets;
import org.iongov.connector.spark.internal.RunListener;

/**
 * Governance for a Spark application whose code is not changed: configured at submission, it
 * reports into a run opened by whoever submits the application (who ends it, too), as
 * {@link SparkGovernance} does.
 *
 * <pre>
 * spark-submit \
 *   --conf spark.extraListeners=org.iongov.connector.spark.GovernedSparkListener \
 *   --conf spark.sql.queryExecutionListeners=org.iongov.connector.spark.GovernedSparkListener \
 *   --conf spark.iongov.socket=/var/iongov/spool/agent.sock \
 *   --conf spark.iongov.instance=inst-1 --conf spark.iongov.run=RUN_ID ...
 * </pre>
 *
 * As an extra listener it reports jobs and stages, and the totals when the application ends
 * (then it flushes to the agent); as a query execution listener, the files read and written.
 */
public final class GovernedSparkListener extends SparkListener implements QueryExecutionListener {

    private final ConfiguredRun configured;
    private final RunListener jobs;
    private final PlanDatasets datasets;

    /** Spark makes it from the application's configuration. */
    public GovernedSparkListener(SparkConf conf) {
        configured = ConfiguredRun.of(conf);
        jobs = new RunListener(configured.run());
        datasets = new PlanDatasets(configured.run());
    }

    @Override
    public void onJobStart(SparkListenerJobStart event) {
        jobs.onJobStart(event);
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd event) {
        jobs.onJobEnd(event);
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
        jobs.onStageCompleted(event);
    }

    @Override
    public void onApplicationEnd(SparkListenerApplicationEnd event) {
        jobs.reportTotals();
        configured.close();
    }

    @Override
    public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        datasets.onSuccess(funcName, qe, durationNs);
    }

    @Override
    public void onFailure(String funcName, QueryExecution qe, Exception exception) {
        datasets.onFailure(funcName, qe, exception);
    }
}
