package org.iongov.agent.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.iongov.agent.api.spi.AgentLink;
import org.iongov.agent.api.spi.ModelListener;
import org.iongov.agent.api.spi.WireRecord;

/**
 * A link to an agent in another process over a Unix domain socket: records go as JSON lines, and
 * {@code !flush n} asks the agent to answer {@code durable n} once the first n records of the
 * connection are in its spool, forcing it to disk at once; {@code !sync n} asks the same at the
 * agent's own pace (it forces its spool at most every 100 ms), which is how routine sends are
 * confirmed.
 * <p>
 * The pipeline's thread writes the records as JSON lines (in small batches) into an {@link
 * OutboundBuffer}, a few reused arrays of bytes, and a background thread sends from there. The lines stay there until the
 * agent confirms them durable, to be sent again after a reconnect (the agent restarted; the server
 * stores each id once, so a resend never duplicates). Kept as objects instead, a second's worth of
 * records would survive each young collection of the engine's JVM meanwhile and be copied every time.
 * <p>
 * It sends at most once per {@link #LINGER} unless {@link #SEND_AT} records wait, a message (e.g. a
 * published model) waits, or a flush is asked for: each send is a round trip to the agent, so a
 * trickle of records sent one by one would cost the agent (and the server behind it) far more
 * than the same records in groups.
 */
final class IpcLink implements AgentLink {

    /** Bytes of records waiting or unconfirmed beyond which {@link #offer} waits for the agent. */
    static final long CAPACITY_BYTES = Long.getLong("iongov.link.capacityBytes", 64L << 20);
    /**
     * The longest a record waits for company before it is sent (unless a flush asks sooner): each
     * send wakes threads in the pipeline's process and in the agent, which on an engine's busy CPU
     * cost it more than the records. {@code -Diongov.link.lingerMillis} sets it.
     */
    static final long LINGER = TimeUnit.MILLISECONDS.toNanos(Long.getLong("iongov.link.lingerMillis", 1000));
    /** How many waiting records make a send worth it at once. */
    static final int SEND_AT = 2_000;
    /** Records written as JSON together (a message at once). */
    static final int WRITE_BATCH = 32;
    private static final int MAX_KEPT_JSON_CHARS = 1 << 20;

    private final Path socket;
    private final Thread sender;
    private final Object progress = new Object();
    /** The records' lines from the oldest unconfirmed one on; guarded by {@code this}, as are the two below. */
    private final OutboundBuffer buffer = new OutboundBuffer();
    /** Records offered and not yet written into the buffer (fewer than {@link #WRITE_BATCH}). */
    private final java.util.ArrayList<WireRecord> unwritten = new java.util.ArrayList<>(WRITE_BATCH);
    private final StringBuilder json = new StringBuilder(512);
    private volatile boolean running = true;
    /** Records handed to this link. */
    private volatile long offered;
    /** Records handed to the socket (on this connection or an earlier one). */
    private volatile long sent;
    /** The highest {@link #offered} count a caller of {@link #flush} waits for. */
    private volatile long flushWanted;
    /** A message (a model published, a decision's trigger) waits: it goes without lingering. */
    private volatile boolean urgent;
    /** Records the agent confirmed durable (in order). */
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
     * Hands a record to the buffer the sending thread sends from (as JSON once its batch is full, it is a message, or it is sent). When the pipeline outpaces
     * the agent and the buffer is full, waits for room like an in-process agent does (up to 1 s for
     * telemetry, 10 s for evidence), then refuses.
     */
    @Override
    public boolean offer(WireRecord record) {
        long deadline = 0;
        while (running) {
            synchronized (this) {
                long pending = buffer.pending();
                if (pending < CAPACITY_BYTES || pending == 0) { // (one record always fits in an empty buffer, however large)
                    unwritten.add(record);
                    long waiting = ++offered - sent;
                    if (record.kind().equals("message")) {
                        writeUnwritten();
                        urgent = true;
                        LockSupport.unpark(sender);
                    } else if (unwritten.size() >= WRITE_BATCH) {
                        writeUnwritten();
                    }
                    if (waiting == 1 || waiting % SEND_AT == 0) {
                        LockSupport.unpark(sender);
                    }
                    return true;
                }
            }
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

    /**
     * Writes the records offered since the last batch as JSON lines (the caller holds the lock). In
     * batches: a pipeline records one prediction in a thousand, say, and by then its scoring has
     * pushed this code and its data out of the CPU's caches; a batch pays that once, not per record,
     * and {@link #WRITE_BATCH} records are too few and too short-lived to cost the collector.
     */
    private void writeUnwritten() {
        int done = 0;
        try {
            for (; done < unwritten.size(); done++) {
                writeLine(unwritten.get(done));
            }
        } finally {
            unwritten.subList(0, done).clear(); // each record is written once, whatever happens after it
        }
    }

    private void writeLine(WireRecord record) {
        try {
            json.setLength(0);
            record.writeJson(json);
            buffer.appendLine(json);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // (a field's value failed as JSON, e.g. a map changed meanwhile, or a huge record found no memory) The line
            // still goes, as a record the server refuses with its reason and the agent keeps aside: nothing vanishes
            // silently, and the agent's count of lines stays that of the records offered.
            json.setLength(0);
            json.append("{\"kind\":\"").append(record.kind()).append("\",\"id\":");
            org.iongov.agent.api.spi.JsonText.string(json, record.id());
            json.append(",\"unwritable\":");
            org.iongov.agent.api.spi.JsonText.string(json, e.toString());
            json.append('}');
            buffer.appendLine(json);
        }
        if (json.capacity() > MAX_KEPT_JSON_CHARS) { // after a large record (a published model): do not keep its size
            json.setLength(0);
            json.trimToSize();
            json.ensureCapacity(512);
        }
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

    /**
     * Sends the buffered lines; on any failure reconnects and sends again what was not confirmed.
     * Each send is everything not yet confirmed, and the agent's answer confirms all of it.
     */
    private void sendLoop() {
        while (running) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                Replies in = new Replies(channel);
                lastError = null;
                refusedBefore += refusedOnConnection;
                refusedOnConnection = 0;
                // The agent counts a connection's records from zero; this one starts with what it did not confirm.
                long connectionStart = durable;
                sent = connectionStart;
                boolean resend = offered > connectionStart;
                long lastSend = System.nanoTime() - LINGER;
                while (running) {
                    if (!resend) {
                        if (offered == sent) {
                            LockSupport.parkNanos(LINGER * 10); // idle: offer() wakes this thread
                            continue;
                        }
                        lingerUntil(lastSend + LINGER);
                    }
                    resend = false;
                    // Forced to disk now when someone waits (a flush), a model goes out or a backlog does (waiting for the agent's
                    // periodic fsync would hold a busy pipeline to one batch per interval); a trickle is confirmed at the agent's pace.
                    boolean force = urgent || flushWanted > durable || offered - sent >= SEND_AT;
                    urgent = false;
                    OutboundBuffer.Lines lines;
                    synchronized (this) {
                        writeUnwritten();
                        lines = buffer.unconfirmed(offered);
                    }
                    if (lines.records() == durable) {
                        continue;
                    }
                    lastSend = System.nanoTime();
                    sent = lines.records();
                    long onConnection = lines.records() - connectionStart;
                    write(channel, lines.bytes());
                    write(channel, new ByteBuffer[] {
                        ByteBuffer.wrap(((force ? "!flush " : "!sync ") + onConnection + "\n").getBytes(StandardCharsets.US_ASCII))});
                    String reply = in.readLine();
                    if (reply == null || !reply.startsWith("durable ")) {
                        throw new IOException("agent answered " + reply);
                    }
                    String[] words = reply.split(" ");
                    if (Long.parseLong(words[1]) != onConnection) {
                        throw new IOException("agent confirmed " + words[1] + " records of the " + onConnection + " sent");
                    }
                    if (words.length >= 4 && words[2].equals("refused")) {
                        refusedOnConnection = Long.parseLong(words[3]);
                    }
                    synchronized (this) {
                        buffer.confirm(lines);
                    }
                    synchronized (progress) {
                        durable = lines.records();
                        progress.notifyAll();
                    }
                }
            } catch (IOException | RuntimeException e) {
                lastError = "agent at " + socket + " not reachable: " + e.getMessage();
                LockSupport.parkNanos(200_000_000); // wait a moment for the agent to come (back)
            }
        }
        synchronized (this) { // closed: nothing sends from the buffer any more, its chunks serve the next link
            buffer.release();
        }
    }

    /**
     * The agent's one-line replies, read through a small buffer: a reader's own buffers (16 KB and
     * more) would be made for every link, i.e. for every job, in the engine's JVM.
     */
    private static final class Replies {
        private final SocketChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(256);
        private final StringBuilder line = new StringBuilder(64);

        Replies(SocketChannel channel) {
            this.channel = channel;
            buffer.flip(); // nothing read yet
        }

        /** The next line without its line break (ASCII), or null when the agent closed the connection. */
        String readLine() throws IOException {
            line.setLength(0);
            while (true) {
                while (buffer.hasRemaining()) {
                    char c = (char) (buffer.get() & 0xFF);
                    if (c == '\n') {
                        return line.toString();
                    }
                    line.append(c);
                }
                buffer.clear();
                int n = channel.read(buffer);
                buffer.flip();
                if (n < 0) {
                    return line.length() == 0 ? null : line.toString();
                }
            }
        }
    }

    /** One chunk at a time: the channel copies each into a temporary direct buffer of its size. */
    private static void write(SocketChannel channel, ByteBuffer[] bytes) throws IOException {
        for (ByteBuffer b : bytes) {
            while (b.hasRemaining()) {
                channel.write(b);
            }
        }
    }

    /** Waits until the deadline, or until enough records wait, a flush is asked for or the link closes. */
    private void lingerUntil(long deadline) {
        for (long left; running && (left = deadline - System.nanoTime()) > 0 && offered - sent < SEND_AT && flushWanted <= durable
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
