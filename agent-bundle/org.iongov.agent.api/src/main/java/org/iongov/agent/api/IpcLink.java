package org.iongov.agent.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.iongov.agent.api.spi.AgentLink;
import org.iongov.agent.api.spi.ModelListener;
import org.iongov.agent.api.spi.WireRecord;

/**
 * A link to an agent in another process over a Unix domain socket: records go as JSON lines, and
 * {@code !flush n} asks the agent to answer {@code durable n} once the first n records of the
 * connection are in its spool, forcing it to disk at once; {@code !sync n} asks the same at the
 * agent's own pace (it forces its spool at most every 100 ms), which is how routine sends are
 * confirmed. A background thread does the writing, so the pipeline's thread
 * only enqueues. It sends at most once per {@link #LINGER} unless {@link #SEND_AT} records wait, a
 * message (e.g. a published model) waits, or a flush is asked for: each send is a round trip to the agent, so a trickle of records sent one by one would cost the agent (and the server
 * behind it) far more than the same records in groups. Records not yet confirmed durable are kept and sent again after a reconnect
 * (the agent restarted); the server stores each id once, so a resend never duplicates.
 */
final class IpcLink implements AgentLink {

    private static final int QUEUE_CAPACITY = 100_000;
    /**
     * The longest a record waits for company before it is sent (unless a flush asks sooner): each
     * send wakes threads in the pipeline's process and in the agent, which on an engine's busy CPU
     * cost it more than the records. {@code -Diongov.link.lingerMillis} sets it.
     */
    static final long LINGER = TimeUnit.MILLISECONDS.toNanos(Long.getLong("iongov.link.lingerMillis", 1000));
    /** How many waiting records make a send worth it at once. */
    static final int SEND_AT = 2_000;

    private final Path socket;
    private final ConcurrentLinkedQueue<WireRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread sender;
    private final Object progress = new Object();
    private volatile boolean running = true;
    /** Records handed to this link, and records the agent confirmed durable (in order). */
    private volatile long offered;
    /** The highest {@link #offered} count a caller of {@link #flush} waits for. */
    private volatile long flushWanted;
    /** A message (a model published, a decision's trigger) waits: it goes without lingering. */
    private volatile boolean urgent;
    private volatile long durable;
    private volatile String lastError;
    /** Records the agent refused (quota full), on earlier connections and on this one. */
    private volatile long refusedBefore;
    private volatile long refusedOnConnection;

    @Override
    public long refusedByAgent() {
        return refusedBefore + refusedOnConnection;
    }

    IpcLink(Path socket) {
        this.socket = socket;
        sender = new Thread(this::sendLoop, "iongov-ipc-link");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * Hands a record to the sending thread. When the pipeline outpaces the socket and the queue
     * is full, waits for room like an in-process agent does (up to 1 s for telemetry, 10 s for
     * evidence), then refuses.
     */
    @Override
    public synchronized boolean offer(WireRecord record) {
        long deadline = 0;
        while (running) {
            int waiting = queued.incrementAndGet();
            if (waiting <= QUEUE_CAPACITY) {
                queue.add(record);
                offered++;
                if (record.kind().equals("message")) {
                    urgent = true;
                    LockSupport.unpark(sender);
                } else if (waiting == 1 || waiting % SEND_AT == 0) {
                    LockSupport.unpark(sender);
                }
                return true;
            }
            queued.decrementAndGet();
            long now = System.nanoTime();
            if (deadline == 0) {
                deadline = now + TimeUnit.SECONDS.toNanos(record.isEvidence() ? 10 : 1);
            } else if (now > deadline) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return false;
    }

    @Override
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = offered;
        long deadline = System.nanoTime() + timeout.toNanos();
        if (flushWanted < target) {
            flushWanted = target;
        }
        LockSupport.unpark(sender);
        synchronized (progress) {
            while (durable < target) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.min(left, 50));
            }
        }
        return true;
    }

    /** Why the agent could not be reached, or null. */
    String lastError() {
        return lastError;
    }

    /**
     * Subscribes through the agent on a connection of its own; reconnects when the agent
     * restarts (the agent then hands over its last delivered model again).
     */
    @Override
    public AutoCloseable subscribe(String instanceId, String node, String channel, ModelListener listener) {
        String request = "!subscribe " + String.join("\t", instanceId, node, channel == null ? "" : channel) + "\n";
        java.util.concurrent.atomic.AtomicReference<SocketChannel> current = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (open.get() && running) {
                try (SocketChannel connection = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    connection.connect(UnixDomainSocketAddress.of(socket));
                    current.set(connection);
                    OutputStream out = Channels.newOutputStream(connection);
                    out.write(request.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(connection), StandardCharsets.UTF_8));
                    for (String line; (line = in.readLine()) != null;) {
                        String[] f = line.split("\t", -1);
                        if (f.length == 6 && f[0].equals("model")) {
                            listener.delivered(new DeliveredModel(f[2], f[1], f[3], f[4], java.util.Base64.getDecoder().decode(f[5])));
                        } else if (f[0].equals("error")) {
                            lastError = line;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    lastError = "model subscription to the agent at " + socket + " interrupted: " + e.getMessage();
                }
                LockSupport.parkNanos(200_000_000); // the agent is away: try again shortly
            }
        }, "iongov-ipc-models-" + node);
        reader.setDaemon(true);
        reader.start();
        return () -> {
            open.set(false);
            SocketChannel connection = current.get();
            if (connection != null) {
                connection.close();
            }
        };
    }

    /** Sends queued records; on any failure reconnects and resends what was not confirmed. */
    private void sendLoop() {
        Deque<String> unconfirmed = new ArrayDeque<>();
        while (running) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                OutputStream out = Channels.newOutputStream(channel);
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
                lastError = null;
                // A new connection counts from zero: send again what the agent did not confirm.
                long connectionSent = 0;
                refusedBefore += refusedOnConnection;
                refusedOnConnection = 0;
                StringBuilder batch = new StringBuilder();
                for (String line : unconfirmed) {
                    batch.append(line).append('\n');
                    connectionSent++;
                }
                long lastSend = System.nanoTime() - LINGER;
                while (running) {
                    if (batch.length() == 0) { // (a reconnect's resend goes at once)
                        if (queue.isEmpty() && unconfirmed.isEmpty()) {
                            LockSupport.parkNanos(LINGER * 10); // idle: offer() wakes this thread
                            continue;
                        }
                        lingerUntil(lastSend + LINGER);
                    }
                    // Forced to disk now when someone waits (a flush), a model goes out or a backlog does (waiting for the agent's
                    // periodic fsync would hold a busy pipeline to one batch per interval); a trickle is confirmed at the agent's pace.
                    boolean force = urgent || flushWanted > durable || queued.get() >= SEND_AT;
                    urgent = false;
                    StringBuilder json = new StringBuilder(200);
                    for (WireRecord r; batch.length() < (1 << 20) && (r = queue.poll()) != null;) {
                        queued.decrementAndGet();
                        json.setLength(0);
                        r.writeJson(json);
                        String line = json.toString();
                        unconfirmed.add(line);
                        batch.append(line).append('\n');
                        connectionSent++;
                    }
                    if (batch.length() == 0 && unconfirmed.isEmpty()) {
                        continue;
                    }
                    lastSend = System.nanoTime();
                    batch.append(force ? "!flush " : "!sync ").append(connectionSent).append('\n');
                    out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    batch.setLength(0);
                    String reply = in.readLine();
                    if (reply == null || !reply.startsWith("durable ")) {
                        throw new IOException("agent answered " + reply);
                    }
                    String[] words = reply.split(" ");
                    long confirmedOnConnection = Long.parseLong(words[1]);
                    if (words.length >= 4 && words[2].equals("refused")) {
                        refusedOnConnection = Long.parseLong(words[3]);
                    }
                    // Drop what the agent now holds durably.
                    long drop = confirmedOnConnection - (connectionSent - unconfirmed.size());
                    for (long i = 0; i < drop && !unconfirmed.isEmpty(); i++) {
                        unconfirmed.poll();
                    }
                    synchronized (progress) {
                        durable = offered - queued.get() - unconfirmed.size();
                        progress.notifyAll();
                    }
                }
            } catch (IOException | RuntimeException e) {
                lastError = "agent at " + socket + " not reachable: " + e.getMessage();
                LockSupport.parkNanos(200_000_000); // wait a moment for the agent to come (back)
            }
        }
    }

    /** Waits until the deadline, or until enough records wait, a flush is asked for or the link closes. */
    private void lingerUntil(long deadline) {
        for (long left; running && (left = deadline - System.nanoTime()) > 0 && queued.get() < SEND_AT && flushWanted <= durable
                && !urgent;) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        running = false;
        sender.interrupt();
    }
}
