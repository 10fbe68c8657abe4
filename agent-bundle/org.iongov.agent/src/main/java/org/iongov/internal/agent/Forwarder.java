package org.iongov.internal.agent;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends spooled records to the server in batches, oldest first, and acknowledges them in the
 * spool once the server says they are durably stored. Unreachable or failing server: retry with
 * exponential backoff and jitter, losing nothing. Records the server refuses as invalid would
 * block everything behind them: the records the server names as invalid are quarantined in
 * {@code rejected/} with its reasons, counted, and skipped, and the rest of their batch is sent
 * again (a batch refused as a whole, e.g. as malformed, is quarantined whole).
 * <p>
 * While records trickle in, it sends at most one batch per {@link #LINGER_MILLIS} (a published
 * model is sent at once): each request
 * is a transaction on the server, and a stream of tiny ones costs the server many times more
 * than the same records in fewer batches. A full batch (a backlog) goes on at once.
 */
public final class Forwarder implements Runnable {

    private static final System.Logger LOG = System.getLogger(Forwarder.class.getName());

    private final Spool spool;
    private final URI ingest;
    private final int batchRecords;
    /** The least time between two batches while they are not full. */
    static final long LINGER_MILLIS = Long.getLong("iongov.agent.forwardLingerMillis", 1000);
    private final Duration maxBackoff;
    /** Used by the forwarding thread alone. */
    private final IngestClient http;
    private final Object wakeUp = new Object();
    private final LongConsumer onForwarded;
    private volatile boolean running = true;

    private volatile boolean connected;
    private volatile Instant lastContact;
    private volatile String lastError;
    private volatile long rejected;
    private volatile long batchesForwarded;

    public boolean isConnected() {
        return connected;
    }

    public Instant lastContact() {
        return lastContact;
    }

    public String lastError() {
        return lastError;
    }

    /** Batches the server acknowledged as stored. */
    public long batchesForwarded() {
        return batchesForwarded;
    }

    /** Records quarantined because the server refused them as invalid. */
    public long rejected() {
        return rejected;
    }

    public Forwarder(Spool spool, URI server, String token, int batchRecords, Duration maxBackoff, LongConsumer onForwarded) {
        this.spool = spool;
        this.ingest = URI.create(server.toString().replaceAll("/+$", "") + "/api/v1/ingest");
        this.http = new IngestClient(ingest, token);
        this.batchRecords = batchRecords;
        this.maxBackoff = maxBackoff;
        this.onForwarded = onForwarded;
    }

    /** Counts nudges, so a nudge that comes between a check and a wait is not lost. */
    private final java.util.concurrent.atomic.AtomicLong nudges = new java.util.concurrent.atomic.AtomicLong();

    /**
     * New records are in the spool. Wakes the forwarder only when it waits for records: while it
     * lingers after a batch, the records wait anyway, and the writer nudges after every group it
     * writes and forces (a wake-up each, on the engine's CPU, for nothing).
     */
    public void nudge() {
        nudges.incrementAndGet();
        if (waitingForRecords) {
            wake();
        }
    }

    /** New records are in the spool and one of them should not wait for the linger (a published model). */
    public void expedite() {
        expedited = true;
        nudges.incrementAndGet();
        wake();
    }

    private volatile boolean expedited;
    /** Set before the forwarder checks for nudges and waits; read by {@link #nudge} after it counts one (so one of them sees the other). */
    private volatile boolean waitingForRecords;

    private void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    public void stop() {
        running = false;
        wake();
    }

    @Override
    public void run() {
        try {
            forward();
        } finally {
            http.close();
        }
    }

    private void forward() {
        long backoffMillis = 100;
        long lastSent = 0;
        boolean lastFull = false;
        while (running) {
            try {
                long linger = lastSent + LINGER_MILLIS - System.currentTimeMillis();
                if (!lastFull && linger > 0 && !expedited) {
                    lingerFor(linger);
                }
                expedited = false;
                long seen = nudges.get();
                List<Spool.Entry> batch = spool.readNext(batchRecords, 4L << 20);
                if (batch.isEmpty()) {
                    waitingForRecords = true;
                    try {
                        synchronized (wakeUp) {
                            if (nudges.get() == seen && running) {
                                wakeUp.wait(1000); // the writer nudges it: no need to look often on the engine's CPU
                            }
                        }
                    } finally {
                        waitingForRecords = false;
                    }
                    continue;
                }
                if (send(batch)) {
                    backoffMillis = 100;
                    lastSent = System.currentTimeMillis();
                    lastFull = batch.size() >= batchRecords;
                } else {
                    spool.rewind();
                    sleep(backoffMillis + ThreadLocalRandom.current().nextLong(backoffMillis / 2 + 1));
                    backoffMillis = Math.min(maxBackoff.toMillis(), backoffMillis * 2);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "agent forwarder failed on the spool " + spool.folder(), e);
                lastError = "spool: " + e;
                spool.rewind();
                sleepQuietly(1000);
            }
        }
    }

    /** @return true when the batch is done with (stored or quarantined), false to retry it */
    private boolean send(List<Spool.Entry> batch) throws IOException, InterruptedException {
        return send(batch, batch.get(batch.size() - 1).end(), batch.size(), new ArrayList<>());
    }

    /** Records the server refused, with its reasons, kept aside once the rest of their batch is stored. */
    private record Refused(List<Spool.Entry> records, String reply) {
    }

    /**
     * Sends records read from the spool up to {@code end} ({@code spooled} of them there). When the
     * server names the invalid records, those are set aside and the others sent again; what was set
     * aside is quarantined only when the rest is acknowledged, so a retry after a failure does not
     * quarantine (and count) the same records twice.
     */
    private boolean send(List<Spool.Entry> records, Spool.Position end, int spooled, List<Refused> refused)
            throws IOException, InterruptedException {
        if (records.isEmpty()) {
            finish(end, spooled, refused);
            return true;
        }
        IngestClient.Reply reply;
        try {
            reply = http.post(new Batch(records), Duration.ofMinutes(2));
        } catch (IOException e) {
            connected = false;
            lastError = "cannot reach " + ingest.getHost() + ":" + ingest.getPort() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
            return false;
        }
        lastContact = Instant.now();
        int status = reply.status();
        if (status == 200) {
            connected = true;
            lastError = null;
            batchesForwarded++;
            onForwarded.accept(records.size());
            finish(end, spooled, refused);
            return true;
        }
        if (status == 400) {
            // Invalid records would block the spool forever: they are kept aside with the reasons.
            connected = true;
            SortedSet<Integer> invalid = invalidRecords(reply.body(), records.size());
            if (invalid.isEmpty() || invalid.size() == records.size()) {
                refused.add(new Refused(records, reply.body()));
                finish(end, spooled, refused);
                return true;
            }
            refused.add(new Refused(invalid.stream().map(records::get).toList(), reply.body()));
            List<Spool.Entry> valid = new ArrayList<>(records.size() - invalid.size());
            for (int i = 0; i < records.size(); i++) {
                if (!invalid.contains(i)) {
                    valid.add(records.get(i));
                }
            }
            return send(valid, end, spooled, refused);
        }
        connected = status < 500 && status != 401 && status != 403;
        lastError = "server answered " + status + ": " + reply.body();
        return false;
    }

    /** The batch is done with: quarantine what was refused, then move the spool's cursor past it. */
    private void finish(Spool.Position end, int spooled, List<Refused> refused) throws IOException {
        for (Refused r : refused) {
            quarantine(r.records(), end, r.reply());
        }
        spool.acknowledge(end, spooled);
    }

    private static final byte[] BODY_START = "{\"records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_END = "]}".getBytes(StandardCharsets.US_ASCII);

    /**
     * The batch as the server takes it, written from the records' bytes as spooled (UTF-8 JSON:
     * nothing to decode) straight to the connection's buffer: a batch of megabytes is not copied
     * into a fresh array (zeroed, then copied again) on the engine's CPU first.
     */
    record Batch(List<Spool.Entry> records) implements IngestClient.Body {
        @Override
        public long length() {
            long size = BODY_START.length + BODY_END.length + Math.max(0, records.size() - 1);
            for (Spool.Entry r : records) {
                size += r.payload().length;
            }
            return size;
        }

        @Override
        public void writeTo(java.io.OutputStream out) throws IOException {
            out.write(BODY_START);
            for (int i = 0; i < records.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(records.get(i).payload());
            }
            out.write(BODY_END);
        }
    }

    /** The batch as the server takes it, in one array (for a record kept aside). */
    static byte[] body(List<Spool.Entry> records) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            new Batch(records).writeTo(out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // (a byte array stream does not fail)
        }
        return out.toByteArray();
    }

    /**
     * The positions of the records the server's problems are about: each problem starts with the
     * record it concerns ({@code "records[12].modelIds[0]: ..."}); empty when none does.
     */
    static SortedSet<Integer> invalidRecords(String reply, int size) {
        SortedSet<Integer> invalid = new TreeSet<>();
        Matcher m = RECORD_PROBLEM.matcher(reply);
        while (m.find()) {
            try {
                int i = Integer.parseInt(m.group(1));
                if (i < size) {
                    invalid.add(i);
                }
            } catch (NumberFormatException e) {
                // not an index we sent
            }
        }
        return invalid;
    }

    private static final Pattern RECORD_PROBLEM = Pattern.compile("\"records\\[(\\d{1,9})\\]");

    private void quarantine(List<Spool.Entry> records, Spool.Position end, String reply) throws IOException {
        Path rejectedFolder = Files.createDirectories(spool.folder().resolve("rejected"));
        Path file = rejectedFolder.resolve("batch-" + end.segment() + "-" + end.offset() + "-" + System.nanoTime() + ".json");
        Files.writeString(file, "{\"reply\":" + reply + ",\n\"batch\":" + new String(body(records), StandardCharsets.UTF_8) + "}\n");
        String reasons = reply;
        if (reasons.length() > 600) { // the file holds them all
            reasons = reasons.substring(0, 600) + "...";
        }
        LOG.log(System.Logger.Level.WARNING, "server refused " + records.size() + " records as invalid; kept in " + file + ": "
                + reasons);
        rejected += records.size();
    }

    /** Waits out the linger; an expedited record or stopping ends it early. */
    private void lingerFor(long millis) throws InterruptedException {
        synchronized (wakeUp) {
            long deadline = System.currentTimeMillis() + millis;
            for (long left = millis; running && !expedited && left > 0; left = deadline - System.currentTimeMillis()) {
                wakeUp.wait(left);
            }
        }
    }

    private void sleep(long millis) throws InterruptedException {
        synchronized (wakeUp) {
            long deadline = System.currentTimeMillis() + millis;
            for (long left = millis; running && left > 0; left = deadline - System.currentTimeMillis()) {
                wakeUp.wait(left);
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
