package org.iongov.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.iongov.core.reproduce.Reproducer;
import org.iongov.core.reproduce.ReproductionRequest;
import org.iongov.core.store.GovernanceStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reproductions asked of the server: each runs in the background (a replay trains a model, which
 * takes a minute), one at a time, and is followed by its id: running with its progress lines,
 * then done with its report, or failed with the reason.
 */
final class Reproductions implements AutoCloseable {

    private static final int KEPT_LINES = 50;
    private static final int KEPT_JOBS = 100;

    private final GovernanceStore store;
    private final Reproducer reproducer;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "iongov-reproduction");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new HashMap<>();

    private static final class Job {
        final String id;
        final String requestedBy;
        final Instant requestedAt;
        final ReproductionRequest request;
        final Deque<String> progress = new ArrayDeque<>();
        volatile String status = "waiting";
        volatile Instant endedAt;
        volatile JsonNode report;
        volatile String error;

        Job(String id, String requestedBy, Instant requestedAt, ReproductionRequest request) {
            this.id = id;
            this.requestedBy = requestedBy;
            this.requestedAt = requestedAt;
            this.request = request;
        }
    }

    Reproductions(GovernanceStore store, Reproducer reproducer, Clock clock) {
        this.store = store;
        this.reproducer = reproducer;
        this.clock = clock;
    }

    /** Queues a reproduction; its id. */
    synchronized String start(ReproductionRequest request, String requestedBy) {
        if (reproducer == null) {
            throw new ApiException(501, "this server does not reproduce trainings: it runs without the engines' connectors"
                    + " (start ./iongov server from a built IonGov checkout, or use ./iongov reproduce)");
        }
        Job job = new Job("repro-" + UUID.randomUUID().toString().substring(0, 12), requestedBy, clock.instant(), request);
        forgetOld();
        jobs.put(job.id, job);
        worker.execute(() -> run(job));
        return job.id;
    }

    private void run(Job job) {
        job.status = "running";
        PrintStream progress = new PrintStream(new LineSink(job), true, StandardCharsets.UTF_8);
        try {
            job.report = reproducer.reproduce(store, job.request, progress);
            job.status = "done";
        } catch (IllegalArgumentException e) {
            job.error = e.getMessage();
            job.status = "refused";
        } catch (InterruptedException e) {
            job.error = "stopped: the server is shutting down";
            job.status = "failed";
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            job.error = e.getMessage() == null ? e.toString() : e.getMessage();
            job.status = "failed";
        } finally {
            job.endedAt = clock.instant();
            progress.flush();
        }
    }

    /** The reproduction's state as JSON; 404 when unknown. */
    synchronized JsonNode describe(String id) {
        Job job = jobs.get(id);
        if (job == null) {
            throw new ApiException(404, "no reproduction '" + id + "' (this server keeps the last " + KEPT_JOBS + ")");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("id", job.id);
        out.put("status", job.status);
        out.put("requestedBy", job.requestedBy);
        out.put("requestedAt", job.requestedAt.toString());
        if (job.endedAt != null) {
            out.put("endedAt", job.endedAt.toString());
        }
        if (job.request.predictionId() != null) {
            out.put("prediction", job.request.predictionId());
        } else {
            out.put("model", job.request.modelId());
        }
        ArrayNode lines = out.putArray("progress");
        synchronized (job.progress) {
            job.progress.forEach(lines::add);
        }
        if (job.report != null) {
            out.set("report", job.report);
        }
        if (job.error != null) {
            out.put("error", job.error);
        }
        return out;
    }

    private void forgetOld() {
        if (jobs.size() < KEPT_JOBS) {
            return;
        }
        for (Iterator<Job> it = jobs.values().iterator(); it.hasNext() && jobs.size() >= KEPT_JOBS;) {
            Job job = it.next();
            if (job.endedAt != null) {
                it.remove();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Progress lines of a job, the last few kept. */
    private static final class LineSink extends OutputStream {
        private final Job job;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSink(Job job) {
            this.job = job;
        }

        @Override
        public void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                synchronized (job.progress) {
                    job.progress.addLast(text);
                    if (job.progress.size() > KEPT_LINES) {
                        job.progress.removeFirst();
                    }
                }
            } else {
                line.write(b);
            }
        }
    }
}
