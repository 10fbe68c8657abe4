package org.iongov.connector.spark.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.iongov.agent.api.RunHandle;
import org.iongov.agent.api.Severity;

import scala.Option;

/**
 * Reports a run's Spark jobs and stages as statistics (component {@code job-<id>} or
 * {@code stage-<id>}), and the run's totals (component {@code spark}: {@code jobs},
 * {@code failed_jobs}, {@code stages}, {@code total_tasks}, {@code total_input_records}, ...)
 * when detached. Totals have names of their own so that they can be queried apart.
 *
 * <p>Spark calls it on its listener bus thread, never on the pipeline's, so reporting costs the
 * pipeline nothing but that thread's time. All state is touched on that one thread only. Job and
 * stage statistics are handed to the agent in groups, about once a second and at the end (their
 * times are when they were handed over), so that the agent syncs its spool once per group rather
 * than once per stage while Spark works.
 */
public final class RunListener extends SparkListener {

    /** A job's local property naming the run that submitted it; jobs of other runs are ignored. */
    public static final String RUN_PROPERTY = "iongov.runId";

    private static final int MAX_STAGE_NAMES = 1000;
    /** Statistics are handed over in groups at most this often, so the agent syncs its spool once per group. */
    private static final long GROUP_MILLIS = 1000;
    private static final int MAX_GROUP = 10_000;

    private record Point(String component, String name, double value) {
    }

    private final java.util.ArrayList<Point> group = new java.util.ArrayList<>();
    private long groupStart;

    private final RunHandle run;
    private final Map<Integer, Long> jobStarts = new HashMap<>();
    private final Map<Integer, Integer> jobStageCounts = new HashMap<>();
    private final Set<Integer> stages = new HashSet<>();
    private final Map<String, String> stageNames = new LinkedHashMap<>();
    private final CountDownLatch detached = new CountDownLatch(1);
    private long jobs;
    private long failedJobs;
    private long stageCount;
    private long tasks;
    private long inputBytes;
    private long inputRecords;
    private long outputBytes;
    private long outputRecords;
    private long shuffleReadBytes;
    private long shuffleWriteBytes;
    private long runTimeMs;
    private volatile long busyNanos;

    public RunListener(RunHandle run) {
        this.run = run;
    }

    @Override
    public void onJobStart(SparkListenerJobStart event) {
        long start = System.nanoTime();
        jobStarted(event);
        busyNanos += System.nanoTime() - start;
    }

    private void jobStarted(SparkListenerJobStart event) {
        Properties properties = event.properties();
        String owner = properties == null ? null : properties.getProperty(RUN_PROPERTY);
        if (owner != null && !owner.equals(run.id())) {
            return;
        }
        jobStarts.put(event.jobId(), event.time());
        int count = 0;
        var ids = event.stageIds().iterator();
        while (ids.hasNext()) {
            stages.add((Integer) ids.next());
            count++;
        }
        jobStageCounts.put(event.jobId(), count);
    }

    @Override
    public void onJobEnd(SparkListenerJobEnd event) {
        long start = System.nanoTime();
        jobEnded(event);
        busyNanos += System.nanoTime() - start;
    }

    private void jobEnded(SparkListenerJobEnd event) {
        Long start = jobStarts.remove(event.jobId());
        if (start == null) {
            return;
        }
        String component = "job-" + event.jobId();
        int stageTotal = jobStageCounts.remove(event.jobId());
        boolean failed = event.jobResult() instanceof JobFailed;
        jobs++;
        add(component, "duration_ms", event.time() - start);
        add(component, "stage_count", stageTotal);
        if (failed) {
            failedJobs++;
            run.event("spark-job-failed", Severity.WARNING,
                    "Spark job " + event.jobId() + " failed: " + ((JobFailed) event.jobResult()).exception().getMessage());
        }
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted event) {
        long start = System.nanoTime();
        stageCompleted(event);
        busyNanos += System.nanoTime() - start;
    }

    private void stageCompleted(SparkListenerStageCompleted event) {
        StageInfo stage = event.stageInfo();
        if (!stages.contains(stage.stageId())) {
            return;
        }
        String component = "stage-" + stage.stageId();
        stageCount++;
        tasks += stage.numTasks();
        if (stageNames.size() < MAX_STAGE_NAMES) {
            stageNames.put(Integer.toString(stage.stageId()), stage.name());
        }
        Option<Object> submitted = stage.submissionTime();
        Option<Object> completed = stage.completionTime();
        if (submitted.isDefined() && completed.isDefined()) {
            add(component, "duration_ms", (Long) completed.get() - (Long) submitted.get());
        }
        add(component, "tasks", stage.numTasks());
        TaskMetrics metrics = stage.taskMetrics();
        if (metrics != null) {
            runTimeMs += metrics.executorRunTime();
            add(component, "executor_run_time_ms", metrics.executorRunTime());
            inputBytes += nonZero(component, "input_bytes", metrics.inputMetrics().bytesRead());
            inputRecords += nonZero(component, "input_records", metrics.inputMetrics().recordsRead());
            outputBytes += nonZero(component, "output_bytes", metrics.outputMetrics().bytesWritten());
            outputRecords += nonZero(component, "output_records", metrics.outputMetrics().recordsWritten());
            shuffleReadBytes += nonZero(component, "shuffle_read_bytes", metrics.shuffleReadMetrics().totalBytesRead());
            nonZero(component, "shuffle_read_records", metrics.shuffleReadMetrics().recordsRead());
            shuffleWriteBytes += nonZero(component, "shuffle_write_bytes", metrics.shuffleWriteMetrics().bytesWritten());
            nonZero(component, "shuffle_write_records", metrics.shuffleWriteMetrics().recordsWritten());
        }
        if (stage.failureReason().isDefined()) {
            run.event("spark-stage-failed", Severity.WARNING, "Spark stage " + stage.stageId() + " (" + stage.name() + ") failed: "
                    + stage.failureReason().get());
        }
    }

    /** Zeros say little and cost a record each: only the counters a stage moved are reported. */
    private long nonZero(String component, String name, long value) {
        if (value != 0) {
            add(component, name, value);
        }
        return value;
    }

    private void add(String component, String name, double value) {
        long now = System.currentTimeMillis();
        if (group.isEmpty()) {
            groupStart = now;
        }
        group.add(new Point(component, name, value));
        if (now - groupStart >= GROUP_MILLIS || group.size() >= MAX_GROUP) {
            handOver();
        }
    }

    private void handOver() {
        for (Point p : group) {
            run.statistic(p.component(), p.name(), p.value());
        }
        group.clear();
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
        if (event instanceof DetachMarker marker && marker.listener == this) {
            reportTotals();
            detached.countDown();
        }
    }

    /** Reports the run's totals (call on the listener bus thread, once, at the end). */
    public void reportTotals() {
        handOver();
        run.statistic("spark", "jobs", jobs);
        run.statistic("spark", "failed_jobs", failedJobs);
        run.statistic("spark", "stages", stageCount);
        run.statistic("spark", "total_tasks", tasks);
        run.statistic("spark", "total_input_bytes", inputBytes);
        run.statistic("spark", "total_input_records", inputRecords);
        run.statistic("spark", "total_output_bytes", outputBytes);
        run.statistic("spark", "total_output_records", outputRecords);
        run.statistic("spark", "total_shuffle_read_bytes", shuffleReadBytes);
        run.statistic("spark", "total_shuffle_write_bytes", shuffleWriteBytes);
        run.statistic("spark", "total_executor_run_time_ms", runTimeMs);
        if (!stageNames.isEmpty()) {
            run.structuredStatistic("spark", "stage_names", Json.write(stageNames));
        }
    }

    /** How long this listener has spent reporting, on Spark's listener bus thread. */
    public long busyNanos() {
        return busyNanos;
    }

    /** A marker that, once this listener sees it, means it has seen every event posted before it. */
    public SparkListenerEvent detachMarker() {
        return new DetachMarker(this);
    }

    /** Waits until the listener processed its marker (it then reported its totals). */
    public boolean awaitDetached(long millis) throws InterruptedException {
        return detached.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Posted on the listener bus: not written to event logs. */
    static final class DetachMarker implements SparkListenerEvent {
        final RunListener listener;

        DetachMarker(RunListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean logEvent() {
            return false;
        }
    }
}
