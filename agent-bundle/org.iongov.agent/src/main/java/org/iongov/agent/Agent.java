package org.iongov.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.iongov.agent.api.Governance;
import org.iongov.agent.api.spi.AgentLink;
import org.iongov.agent.api.spi.JsonText;
import org.iongov.agent.api.spi.ModelListener;
import org.iongov.agent.api.spi.WireRecord;
import org.iongov.internal.agent.Forwarder;
import org.iongov.internal.agent.Spool;
import org.iongov.internal.agent.SpoolLock;

/**
 * The agent beside an engine: pipelines hand it records (in-process through
 * {@link #governance()}), it writes them to a durable local spool and forwards them to the
 * server in batches, retrying for as long as the server is away. Nothing it accepted is lost and
 * nothing is duplicated, across server restarts, agent restarts and crashes.
 *
 * <h2>Durability point</h2> A record is durable once the agent's writer has appended it to the
 * spool and forced it to disk. The writer appends a trickle of records in groups (at most every
 * 10 ms) and forces them (fsync) at most every 100 ms, at once when a flush waits or a model is
 * published: an appended record survives the agent's process, a forced one the machine.
 * {@link Governance#flush(Duration)} waits for that point; a crash of the agent's process after
 * it loses nothing, and the restarted agent forwards it.
 *
 * <h2>When the quota is full</h2> Telemetry (statistics, signatures, logs, search results) is
 * refused once the spool reaches 90% of its quota; governance evidence (runs, models, messages,
 * predictions, events, datasets) only at 100%, so it keeps flowing while telemetry is shed. A
 * refused call returns false at once (the pipeline never waits for the network), is counted by
 * kind, and is logged loudly; {@link #status()} and the status file say so. When the pipeline
 * outpaces the local disk, the in-memory queue (100,000 records) fills and calls wait for the
 * writer: up to 1 s for telemetry, 10 s for evidence, before refusing.
 */
public final class Agent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Agent.class.getName());
    /**
     * The options of a standalone agent's JVM ({@code ./iongov agent} starts it with them): it runs
     * for days beside an engine, on the engine's CPUs, so no shared-memory statistics for jstat
     * (sampling them costs about 1.7 ms of CPU a second) and the serial collector (no concurrent
     * collector threads for a small heap).
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:-UsePerfData", "-XX:+UseSerialGC");
    /** What a queued record is assumed to take in the spool, for the quota check. */
    private static final long QUEUED_RECORD_BYTES = 200;

    private final AgentConfig config;
    private final Spool spool;
    private final Forwarder forwarder;
    /** Lock-free on the pipeline's side; bounded by {@link #queued}. */
    private final java.util.concurrent.ConcurrentLinkedQueue<WireRecord> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    private static final int QUEUE_CAPACITY = 100_000;
    /** The longest a record waits for company before the writer forces a group to disk (unless a flush asks sooner). */
    static final long WRITE_LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The longest written records wait to be forced to disk, unless a flush asks sooner. */
    static final long FORCE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The writer's longest sleep with nothing to do: only a safety net, as whatever gives it work wakes it. */
    private static final long IDLE_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How many waiting records make a write worth it at once. */
    private static final int WRITE_AT = 1_000;
    /** The highest offered count a flush waits for: the writer does not linger while one waits. */
    private volatile long flushWanted;
    /** A message (a model published) waits: it is written and forwarded without lingering. */
    private final java.util.concurrent.atomic.AtomicBoolean urgentWrite = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong durable = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Object durableChanged = new Object();
    private final Thread writer;
    private final Thread forwarding;
    private final Thread statusWriter;
    private volatile boolean running = true;
    private volatile boolean quotaFull;
    private volatile long lastQuotaWarning;
    private volatile Instant oldestUnsent;
    private final Link link = new Link();
    private final org.iongov.internal.agent.Heartbeat heartbeat;
    /** The least time between two writes of the status file (it is written when the status changed). */
    static final int STATUS_FILE_SECONDS = 5;
    /** Seconds between heartbeats to the server. */
    static final int HEARTBEAT_SECONDS = 10;
    private volatile boolean heartbeatDue;

    private final SpoolLock spoolLock;

    private Agent(AgentConfig config, SpoolLock spoolLock, Spool spool) throws IOException {
        this.config = config;
        this.spoolLock = spoolLock;
        this.spool = spool;
        this.heartbeat = new org.iongov.internal.agent.Heartbeat(config.server(), config.token(), config.spool());
        this.queries = new org.iongov.internal.agent.ServerQueries(config.server(), config.token());
        this.forwarder = new Forwarder(spool, config.server(), config.token(), config.batchRecords(), config.maxBackoff(),
                forwarded::addAndGet);
        if (spool.backlogEntries() > 0) {
            oldestUnsent = Instant.now();
        }
        writer = new Thread(this::writeLoop, "iongov-agent-writer");
        forwarding = new Thread(forwarder, "iongov-agent-forwarder");
        statusWriter = new Thread(this::statusLoop, "iongov-agent-status");
        for (Thread t : List.of(writer, forwarding, statusWriter)) {
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * Starts an agent on its spool folder, taking up whatever an earlier run left unsent.
     *
     * @throws IOException when the spool cannot be opened, or another agent runs on it
     */
    public static Agent start(AgentConfig config) throws IOException {
        // Taken before the spool is opened: opening cuts what looks like a torn write, which another agent may be writing.
        SpoolLock lock = SpoolLock.acquire(config.spool());
        try {
            Spool spool = Spool.open(config.spool(), config.fsync());
            if (spool.truncatedAtOpen() > 0) {
                LOG.log(System.Logger.Level.WARNING, "spool " + config.spool() + ": cut " + spool.truncatedAtOpen()
                        + " bytes of a write torn by a crash (records never made durable)");
            }
            return new Agent(config, lock, spool);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Whether an agent (in this process or another) runs on the spool folder now. */
    public static boolean runsOn(Path spoolFolder) throws IOException {
        return SpoolLock.held(spoolFolder);
    }

    /**
     * Starts taking records from pipelines in other processes on a Unix domain socket
     * ({@link Governance#connect(Path)} on their side).
     */
    public synchronized Path listen(Path socket) throws IOException {
        if (ipc == null) {
            ipc = new org.iongov.internal.agent.IpcServer(socket, link);
        }
        return ipc.socket();
    }

    private org.iongov.internal.agent.IpcServer ipc;

    /** Governance for pipelines in this process; each call makes a new producer. */
    public Governance governance() {
        return Governance.using(link);
    }

    /** The in-process link, for code that builds its own {@link Governance}. */
    public AgentLink link() {
        return link;
    }

    /** This agent's id (kept in its spool folder, so the same across restarts), as the server lists it. */
    public String id() {
        return heartbeat.agentId();
    }

    public AgentStatus status() {
        Map<String, Long> refusedByKind = new TreeMap<>();
        refused.forEach((kind, n) -> refusedByKind.put(kind, n.sum()));
        long backlog = spool.backlogEntries() + queued.get();
        return new AgentStatus(forwarder.isConnected(), forwarder.lastContact(), forwarder.lastError(), backlog,
                backlog == 0 ? null : oldestUnsent, spool.bytesOnDisk(), config.quotaBytes(), quotaFull, offered.get(),
                spool.appends(), spool.forces(), forwarded.get(), forwarder.batchesForwarded(), refusedByKind, forwarder.rejected());
    }

    /** Waits until the server has acknowledged everything spooled so far (for tests and shutdown). */
    public boolean awaitForwarded(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (spool.backlogEntries() + queued.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            forwarder.nudge();
            synchronized (durableChanged) {
                durableChanged.wait(20);
            }
        }
        return true;
    }

    // ---- the in-process link ----

    private final class Link implements AgentLink {

        @Override
        public boolean offer(WireRecord record) {
            if (!running) {
                return refuse(record, "agent stopped");
            }
            long used = spool.bytesOnDisk() + queued.get() * QUEUED_RECORD_BYTES;
            long limit = record.isEvidence() ? config.quotaBytes() : config.quotaBytes() * 9 / 10;
            if (used >= limit) {
                return refuse(record, "spool quota full");
            }
            quotaFull = false;
            if (!enqueue(record) && !waitForWriter(record)) {
                return refuse(record, "writer queue full");
            }
            offered.incrementAndGet();
            return true;
        }

        private boolean enqueue(WireRecord record) {
            int waiting = queued.incrementAndGet();
            if (waiting > QUEUE_CAPACITY) {
                queued.decrementAndGet();
                return false;
            }
            queue.add(record);
            if (record.kind().equals("message")) {
                urgentWrite.set(true);
                java.util.concurrent.locks.LockSupport.unpark(writer);
            } else if (waiting == 1 || waiting % WRITE_AT == 0) { // (every WRITE_AT: the count may pass it while the writer writes)
                java.util.concurrent.locks.LockSupport.unpark(writer);
            }
            return true;
        }

        /**
         * The writer is behind (the local disk, not the network): wait for it briefly, as
         * backpressure; evidence waits longer than telemetry.
         */
        private boolean waitForWriter(WireRecord record) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(record.isEvidence() ? 10 : 1);
            while (System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                if (enqueue(record)) {
                    return true;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
            }
            return false;
        }

        private boolean refuse(WireRecord record, String why) {
            refused.computeIfAbsent(record.kind(), k -> new LongAdder()).increment();
            quotaFull = why.startsWith("spool quota");
            long now = System.currentTimeMillis();
            if (now - lastQuotaWarning > 60_000) {
                lastQuotaWarning = now;
                LOG.log(System.Logger.Level.WARNING, "agent refusing " + record.kind() + " records: " + why + " (spool "
                        + spool.bytesOnDisk() + " of " + config.quotaBytes() + " bytes, backlog " + spool.backlogEntries()
                        + " records); is the server at " + config.server() + " reachable?");
            }
            return false;
        }

        @Override
        public boolean flush(Duration timeout) throws InterruptedException {
            long target = offered.get();
            if (flushWanted < target) {
                flushWanted = target;
            }
            java.util.concurrent.locks.LockSupport.unpark(writer);
            return awaitDurable(target, timeout);
        }

        @Override
        public boolean awaitDurable(Duration timeout) throws InterruptedException {
            return awaitDurable(offered.get(), timeout);
        }

        private boolean awaitDurable(long target, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (durableChanged) {
                while (durable.get() < target) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        return false;
                    }
                    durableChanged.wait(Math.min(left, 1000)); // (forceSpool notifies: the bound is a safety net)
                }
            }
            return true;
        }

        @Override
        public AutoCloseable subscribe(String instanceId, String node, String channel, ModelListener listener) {
            try {
                return new org.iongov.internal.agent.ModelSubscription(config.server(), config.token(), config.spool(), instanceId, node,
                        channel, listener);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot keep delivered models in " + config.spool(), e);
            }
        }

        @Override
        public org.iongov.agent.api.GovernanceQueries queries() {
            return queries;
        }

        @Override
        public void close() {
            Agent.this.close();
        }
    }

    private final org.iongov.internal.agent.ServerQueries queries;

    // ---- threads ----

    private void writeLoop() {
        List<WireRecord> group = new ArrayList<>(10_000);
        StringBuilder json = new StringBuilder(256);
        long written = 0;
        long forcedAt = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                if (queue.isEmpty()) {
                    if (written > durable.get()) {
                        // Written but not yet forced: force when the interval is over, or at once for a waiting flush.
                        long left = forcedAt + FORCE_INTERVAL_NANOS - System.nanoTime();
                        if (left <= 0 || flushWanted > durable.get() || urgentWrite.get()) {
                            forceSpool(written);
                            forcedAt = System.nanoTime();
                        } else {
                            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(left, WRITE_LINGER_NANOS * 5));
                        }
                    } else {
                        // Nothing to write or force: enqueue(), flush() and close() wake it (idle wake-ups would cost the engine's CPU).
                        java.util.concurrent.locks.LockSupport.parkNanos(IDLE_PARK_NANOS);
                    }
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                    continue;
                }
                // A trickle is written in groups: records wait up to a linger for company, unless many
                // wait or a flush asks for them (a socket's burst ends with one).
                long until = System.nanoTime() + WRITE_LINGER_NANOS;
                for (long left; running && (left = until - System.nanoTime()) > 0 && queued.get() < WRITE_AT
                        && flushWanted <= durable.get() && !urgentWrite.get();) {
                    java.util.concurrent.locks.LockSupport.parkNanos(left);
                }
                boolean urgent = urgentWrite.getAndSet(false);
                for (WireRecord r; group.size() < 10_000 && (r = queue.poll()) != null;) {
                    group.add(r);
                }
                if (group.isEmpty()) {
                    continue;
                }
                List<byte[]> payloads = new ArrayList<>(group.size());
                try {
                    for (WireRecord record : group) {
                        if (record instanceof org.iongov.internal.agent.IpcServer.RawRecord raw) {
                            payloads.add(raw.json());
                            if (record.kind().equals("run") && heartbeat.sawRun(new String(raw.json(), StandardCharsets.UTF_8))) {
                                heartbeatDue = true;
                            }
                            continue;
                        }
                        json.setLength(0);
                        record.writeJson(json);
                        payloads.add(json.toString().getBytes(StandardCharsets.UTF_8));
                        if (record.kind().equals("run") && heartbeat.sawRun(json.toString())) {
                            heartbeatDue = true; // a new engine: tell the server now, not in ten seconds
                        }
                    }
                    spool.append(payloads, false);
                } finally {
                    // Only now: until the spool counts them, they must still count as queued (awaitForwarded).
                    queued.addAndGet(-group.size());
                }
                if (oldestUnsent == null) {
                    oldestUnsent = Instant.now();
                }
                written += group.size();
                group.clear();
                // Forced to disk at most once per interval (an fsync costs the engine's CPU far more than a
                // write), at once when a flush waits or a model was published.
                if (urgent || flushWanted > durable.get() || System.nanoTime() - forcedAt >= FORCE_INTERVAL_NANOS) {
                    forceSpool(written);
                    forcedAt = System.nanoTime();
                }
                if (urgent) {
                    forwarder.expedite();
                } else {
                    forwarder.nudge();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (IOException | RuntimeException e) {
                // The records stay unacknowledged to the pipeline (flush times out); say why, and do not spin on a failing disk.
                LOG.log(System.Logger.Level.ERROR, "agent cannot write its spool " + config.spool(), e);
                group.clear();
                java.util.concurrent.locks.LockSupport.parkNanos(FORCE_INTERVAL_NANOS);
            }
        }
        // Stopping: what was written is forced now, so that no one waiting for it (a flush, a pipeline's confirmation) hangs.
        if (written > durable.get()) {
            try {
                forceSpool(written);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "agent cannot force its spool " + config.spool() + " to disk while stopping", e);
            }
        }
    }

    /** Forces the spool to disk: every record written so far is durable. */
    private void forceSpool(long written) throws IOException {
        spool.force();
        forwarder.nudge(); // the forwarder reads only what is forced: what it found missing may be there now
        durable.set(written);
        synchronized (durableChanged) {
            durableChanged.notifyAll();
        }
    }

    private void statusLoop() {
        AgentStatus written = null;
        long writtenAt = 0;
        for (long second = 0; running; second++) {
            try {
                if (spool.backlogEntries() + queued.get() == 0) {
                    oldestUnsent = null;
                }
                AgentStatus status = status();
                // Only when it changed, and at most every few seconds while records flow: a file written and renamed every
                // second costs the engine's CPU beside it (whether the agent runs is its spool lock's to say, not the file's age).
                if (written == null || !status.equals(written) && second - writtenAt >= STATUS_FILE_SECONDS) {
                    writeStatusFile(config.spool(), status);
                    written = status;
                    writtenAt = second;
                }
                if (second % HEARTBEAT_SECONDS == 0 || heartbeatDue) {
                    heartbeatDue = false;
                    heartbeat.send(statusFields(status), ipc == null ? 0 : ipc.connections(), config.spool());
                }
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot write the agent's status file", e);
            }
        }
    }

    /** {@code status.json} in the spool folder, for {@code ./iongov agent status}. */
    static void writeStatusFile(Path spoolFolder, AgentStatus status) throws IOException {
        StringBuilder out = new StringBuilder("{");
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("writtenAt", Instant.now().toString());
        fields.putAll(statusFields(status));
        boolean first = true;
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            out.append(first ? "" : ",").append("\n  ");
            JsonText.string(out, f.getKey());
            out.append(": ");
            JsonText.value(out, f.getValue());
            first = false;
        }
        out.append("\n}\n");
        Path temp = spoolFolder.resolve("status.json.tmp");
        Files.writeString(temp, out);
        Files.move(temp, spoolFolder.resolve("status.json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The status as JSON-ready fields, for the status file and the heartbeat. */
    static Map<String, Object> statusFields(AgentStatus status) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("connected", status.connected());
        fields.put("lastContact", status.lastContact() == null ? null : status.lastContact().toString());
        fields.put("lastError", status.lastError());
        fields.put("backlogRecords", status.backlogRecords());
        fields.put("oldestUnsent", status.oldestUnsent() == null ? null : status.oldestUnsent().toString());
        fields.put("spoolBytes", status.spoolBytes());
        fields.put("quotaBytes", status.quotaBytes());
        fields.put("quotaFull", status.quotaFull());
        fields.put("accepted", status.accepted());
        fields.put("spoolWrites", status.spoolWrites());
        fields.put("spoolForces", status.spoolForces());
        fields.put("forwarded", status.forwarded());
        fields.put("batchesForwarded", status.batchesForwarded());
        fields.put("refused", status.refused());
        fields.put("rejected", status.rejected());
        return fields;
    }

    /**
     * Stops taking records, writes what is queued to the spool and stops forwarding; what the
     * server has not acknowledged stays in the spool for the next start.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        if (ipc != null) {
            ipc.close();
        }
        java.util.concurrent.locks.LockSupport.unpark(writer);
        try {
            writer.join(30_000);
            forwarder.stop();
            forwarding.join(30_000);
            statusWriter.interrupt();
            statusWriter.join(5_000);
            heartbeat.close();
            writeStatusFile(config.spool(), status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the agent's final status", e);
        } finally {
            try {
                spool.close();
            } finally {
                try {
                    spoolLock.close();
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot release the lock on the spool " + config.spool(), e);
                }
            }
        }
    }
}
