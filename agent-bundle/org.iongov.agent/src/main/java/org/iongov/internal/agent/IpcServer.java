package org.iongov.internal.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.iongov.agent.api.spi.AgentLink;
import org.iongov.agent.api.spi.WireRecord;

/**
 * Takes records from pipelines in other processes: JSON lines over a Unix domain socket, and
 * {@code !flush n}, answered with {@code durable n refused r} once the connection's first n records
 * are in the spool or were refused (r of them so far, for a full quota).
 */
public final class IpcServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IpcServer.class.getName());
    private static final Set<String> TELEMETRY = Set.of("statistic", "signature", "log", "searchResult", "componentRun", "context");

    private final Path socket;
    private final AgentLink link;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    /**
     * Serves the connections, a thread each, kept a while after its connection ends: a pipeline
     * that connects per job (a batch job, a benchmark's short jobs) reuses one instead of starting
     * a thread, on the engine's CPU, every time.
     */
    private final java.util.concurrent.ExecutorService connectionThreads = new java.util.concurrent.ThreadPoolExecutor(0,
            Integer.MAX_VALUE, 60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "iongov-agent-ipc-client");
                thread.setDaemon(true);
                return thread;
            });
    private volatile boolean running = true;

    /** A record that arrived as JSON: written to the spool exactly as it came. */
    public static final class RawRecord extends WireRecord {
        private final byte[] json;
        private final boolean evidence;

        RawRecord(String kind, byte[] json) {
            super(kind, "ipc", 0, System.currentTimeMillis());
            this.json = json;
            this.evidence = !TELEMETRY.contains(kind);
        }

        public byte[] json() {
            return json;
        }

        @Override
        public boolean isEvidence() {
            return evidence;
        }

        @Override
        protected void writeFields(StringBuilder out) {
            throw new UnsupportedOperationException("a raw record is written as it came");
        }
    }

    public IpcServer(Path socket, AgentLink link) throws IOException {
        this.socket = socket;
        this.link = link;
        Files.deleteIfExists(socket); // a socket file left by an agent that died
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = new Thread(this::accept, "iongov-agent-ipc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public Path socket() {
        return socket;
    }

    /** Pipeline connections open now (record streams and model subscriptions). */
    public int connections() {
        return connections.get();
    }

    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private void accept() {
        while (running) {
            try {
                SocketChannel client = server.accept();
                try {
                    connectionThreads.execute(() -> serve(client));
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    client.close();
                }
            } catch (IOException e) {
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, "agent IPC accept failed on " + socket, e);
                }
            }
        }
    }

    private void serve(SocketChannel client) {
        connections.incrementAndGet();
        try (client) {
            // Records are kept as the bytes that came (the spool's format): no decoding and encoding again.
            LineReader in = new LineReader(Channels.newInputStream(client));
            OutputStream out = Channels.newOutputStream(client);
            long received = 0;
            long refused = 0;
            for (byte[] line; running && (line = in.readLine()) != null;) {
                if (line.length > 0 && line[0] == '!') {
                    String command = new String(line, StandardCharsets.UTF_8);
                    if (command.startsWith("!subscribe ")) {
                        subscribe(command.substring("!subscribe ".length()), out);
                        return;
                    }
                    boolean flush = command.startsWith("!flush ");
                    if (flush || command.startsWith("!sync ")) {
                        // !flush: durable now (the pipeline waits in flush()); !sync: a routine confirmation, at the writer's pace.
                        if (flush) {
                            link.flush(Duration.ofMinutes(5));
                        } else {
                            link.awaitDurable(Duration.ofMinutes(5));
                        }
                        out.write(("durable " + received + " refused " + refused + "\n").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        continue;
                    }
                }
                if (!isBlank(line)) {
                    received++;
                    if (!link.offer(new RawRecord(kindOf(line), line))) {
                        refused++;
                    }
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "pipeline connection closed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.decrementAndGet();
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Serves a model subscription on this connection until the pipeline closes it: each delivered
     * model goes back as one line, {@code model <tab> messageId <tab> modelId <tab> format <tab>
     * sha256 <tab> base64 bytes}.
     */
    private void subscribe(String request, OutputStream out) throws IOException {
        String[] parts = request.split("\t", -1);
        if (parts.length != 3) {
            out.write("error\tsubscribe needs instance, node and channel separated by tabs\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Object writeLock = new Object();
        java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);
        // Only writes from here on: a channel's stream blocks writes while another thread reads it.
        try (AutoCloseable subscription = link.subscribe(parts[0], parts[1], parts[2].isEmpty() ? null : parts[2], model -> {
            String line = String.join("\t", "model", model.messageId(), model.modelId(), model.format(), model.sha256(),
                    java.util.Base64.getEncoder().encodeToString(model.bytes())) + "\n";
            synchronized (writeLock) {
                try {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (IOException closed) {
                    gone.countDown(); // the pipeline closed its end: the subscription ends
                }
            }
        })) {
            while (running && !gone.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                // serve until the pipeline goes away or the agent stops
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException("subscription ended: " + e, e);
        }
    }

    private static final byte[] KIND_PREFIX = "{\"kind\":\"".getBytes(StandardCharsets.US_ASCII);
    /** The kinds the API writes, found without making a string per record. */
    private static final String[] KNOWN_KINDS = {"prediction", "statistic", "signature", "log", "event", "run", "runEnd", "model",
        "message", "messageReceived", "dataset", "datasetUse", "searchResult", "componentRun", "context"};
    private static final byte[][] KNOWN_KIND_BYTES = java.util.Arrays.stream(KNOWN_KINDS).map(k -> k.getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);

    /** The record's kind: the API writes it first; anything else is parsed. */
    @SuppressWarnings("unchecked")
    static String kindOf(byte[] line) {
        if (line.length > KIND_PREFIX.length && java.util.Arrays.equals(line, 0, KIND_PREFIX.length, KIND_PREFIX, 0, KIND_PREFIX.length)) {
            for (int end = KIND_PREFIX.length; end < line.length && end < KIND_PREFIX.length + 64; end++) {
                if (line[end] == '"') {
                    for (int k = 0; k < KNOWN_KINDS.length; k++) {
                        if (java.util.Arrays.equals(line, KIND_PREFIX.length, end, KNOWN_KIND_BYTES[k], 0, KNOWN_KIND_BYTES[k].length)) {
                            return KNOWN_KINDS[k];
                        }
                    }
                    return new String(line, KIND_PREFIX.length, end - KIND_PREFIX.length, StandardCharsets.UTF_8);
                }
            }
        }
        try {
            Object kind = ((java.util.Map<String, Object>) MiniJson.parse(new String(line, StandardCharsets.UTF_8))).get("kind");
            return kind instanceof String k ? k : "unknown";
        } catch (RuntimeException e) {
            return "unknown"; // the server will refuse it as invalid, and the agent quarantines it
        }
    }

    @Override
    public void close() {
        running = false;
        connectionThreads.shutdown(); // (the threads end with their connections; idle ones at once)
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing agent IPC socket " + socket, e);
        }
    }
}
