package org.iongov.connector.spark;

import java.time.Duration;
import java.util.Objects;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.iongov.agent.api.RunHandle;
import org.iongov.connector.spark.internal.PlanDatasets;
import org.iongov.connector.spark.internal.RunListener;

/**
 * Reports what Spark does for a run while attached: its jobs (component {@code job-<id>}:
 * {@code duration_ms}, {@code stage_count}) and stages (component {@code stage-<id>}:
 * {@code duration_ms}, {@code tasks}, {@code executor_run_time_ms} and, when not zero,
 * {@code input_bytes}, {@code input_records}, {@code output_bytes}, {@code output_records},
 * {@code shuffle_read_bytes}, {@code shuffle_read_records}, {@code shuffle_write_bytes},
 * {@code shuffle_write_records}) as statistics; the files its queries read and wrote, found in
 * their plans, as datasets (with their content signatures); and, when detached, the run's
 * totals (component {@code spark}: {@code jobs}, {@code failed_jobs}, {@code stages},
 * {@code total_tasks}, {@code total_input_records}, ... and the structured {@code stage_names}).
 * A failed job or stage is also an event.
 *
 * <pre>{@code
 * try (RunHandle run = governance.openRun(spec);
 *      SparkGovernance attached = SparkGovernance.attach(spark, run)) {
 *     Dataset<Row> data = spark.read().csv(...);   // the files are reported once a query runs on them
 *     ...
 * }
 * }</pre>
 *
 * Spark delivers the events on its listener bus thread, so the pipeline's thread does not wait
 * for any reporting. Jobs submitted from the attaching thread (and threads it starts) are
 * marked with the run's id; jobs marked with another run's id are left to that run.
 */
public final class SparkGovernance implements AutoCloseable {

    private static final long DETACH_WAIT_MILLIS = 10_000;

    private final SparkSession spark;
    private final RunListener listener;
    private final PlanDatasets datasets;
    private final String previousRun;
    private volatile boolean closed;

    private SparkGovernance(SparkSession spark, RunHandle run) {
        this.spark = spark;
        this.listener = new RunListener(run);
        this.datasets = new PlanDatasets(run);
        SparkContext context = spark.sparkContext();
        previousRun = context.getLocalProperty(RunListener.RUN_PROPERTY);
        context.setLocalProperty(RunListener.RUN_PROPERTY, run.id());
        context.addSparkListener(listener);
        spark.listenerManager().register(datasets);
    }

    /** Starts reporting this session's work into the run; close the result to stop. */
    public static SparkGovernance attach(SparkSession spark, RunHandle run) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(run, "run");
        return new SparkGovernance(spark, run);
    }

    /**
     * How long Spark's listener bus thread has spent in this attachment's listeners so far
     * (reporting jobs and stages, finding and signing datasets): what attaching costs, off the
     * pipeline's thread.
     */
    public Duration listenerTime() {
        return Duration.ofNanos(listener.busyNanos() + datasets.busyNanos());
    }

    /**
     * Stops reporting: waits until Spark's listener bus delivered the events of the work done so
     * far (usually milliseconds, at most 10 s), reports the run's totals and detaches. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SparkContext context = spark.sparkContext();
        try {
            if (!context.isStopped()) {
                context.listenerBus().post(listener.detachMarker());
                listener.awaitDetached(DETACH_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            spark.listenerManager().unregister(datasets);
            context.removeSparkListener(listener);
            context.setLocalProperty(RunListener.RUN_PROPERTY, previousRun);
        }
    }
}
