package org.iongov.connector.spark.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.catalyst.plans.logical.CommandResult;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.command.DataWritingCommandExec;
import org.apache.spark.sql.execution.datasources.FileIndex;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.InsertIntoHadoopFsRelationCommand;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.iongov.agent.api.RunHandle;

import scala.jdk.javaapi.CollectionConverters;

/**
 * Finds the files a run's queries read and wrote in their plans and reports them as datasets
 * (the API signs their content). Spark calls it on its listener bus thread. A file read again is
 * reported once; a location written is reported after each write.
 */
public final class PlanDatasets implements QueryExecutionListener {

    /** Above this many files, a read is reported by its root folders instead. */
    private static final int MAX_FILES = 100;

    private final RunHandle run;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    /**
     * The files of each file index already seen, by identity: an ML training runs dozens of queries
     * over one cached dataset, all on the same index, and asking it for its files costs about 0.15
     * ms a time (most of this listener's work) for the same answer.
     */
    private final Set<FileIndex> seenIndexes = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile long busyNanos;

    public PlanDatasets(RunHandle run) {
        this.run = run;
    }

    @Override
    public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
        long start = System.nanoTime();
        try {
            found(qe);
        } finally {
            busyNanos += System.nanoTime() - start;
        }
    }

    /** How long this listener has spent finding and signing datasets, on Spark's listener bus thread. */
    public long busyNanos() {
        return busyNanos;
    }

    private void found(QueryExecution qe) {
        Found found = new Found();
        walk(qe.analyzed(), found);
        try {
            walk(qe.executedPlan(), found);
        } catch (RuntimeException e) {
            // The analyzed plan already gave what it could; some commands have no executed plan.
        }
        for (String uri : found.reads) {
            if (read.add(uri)) {
                report(uri, false);
            }
        }
        for (String uri : found.writes) {
            report(uri, true);
        }
    }

    @Override
    public void onFailure(String funcName, QueryExecution qe, Exception exception) {
        // A failed query read or wrote nothing we can vouch for.
    }

    private void report(String uri, boolean written) {
        Path path = localPath(uri);
        if (path == null || !Files.exists(path)) {
            run.log("WARN", "dataset " + uri + " was " + (written ? "written" : "read") + " but is not a local file: not signed");
            return;
        }
        if (written) {
            run.datasetWritten(path);
        } else {
            run.datasetRead(path);
        }
    }

    static Path localPath(String uri) {
        try {
            URI u = URI.create(uri);
            if (u.getScheme() == null) {
                return Path.of(uri);
            }
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final class Found {
        final Set<String> reads = new LinkedHashSet<>();
        final Set<String> writes = new LinkedHashSet<>();
    }

    private void walk(QueryPlan<?> plan, Found found) {
        if (plan instanceof LogicalRelation relation && relation.relation() instanceof HadoopFsRelation fs
                && seenIndexes.add(fs.location())) {
            String[] files = fs.inputFiles();
            if (files.length <= MAX_FILES) {
                found.reads.addAll(List.of(files));
            } else {
                for (org.apache.hadoop.fs.Path root : CollectionConverters.asJava(fs.location().rootPaths())) {
                    found.reads.add(root.toUri().toString());
                }
            }
        } else if (plan instanceof InsertIntoHadoopFsRelationCommand insert) {
            found.writes.add(insert.outputPath().toUri().toString());
        } else if (plan instanceof CommandResult result) {
            walk(result.commandLogicalPlan(), found);
        } else if (plan instanceof DataWritingCommandExec exec && exec.cmd() instanceof InsertIntoHadoopFsRelationCommand insert) {
            found.writes.add(insert.outputPath().toUri().toString());
        }
        List<QueryPlan<?>> children = new ArrayList<>();
        for (Object child : CollectionConverters.asJava(plan.children())) {
            children.add((QueryPlan<?>) child);
        }
        for (QueryPlan<?> child : children) {
            walk(child, found);
        }
    }
}
