package org.iongov.internal.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The agent's durable spool: append-only segment files of checksummed entries
 * ({@code [length][crc32][payload]}), and a cursor file saying how far the server has
 * acknowledged. Entries before the cursor are gone from the server's point of view and their
 * segments are deleted; a torn write at the end of the last segment (a crash mid-append) is
 * found by its checksum and cut off at open. The cursor file is written at most every 5 s (and
 * before segments are deleted, and at close): after a crash the entries acknowledged since are sent
 * again, and the server, which knows records by their ids, keeps one copy. (Each write is a file
 * created, forced and renamed: once per batch forwarded, it cost the engine's CPU, which the agent
 * shares, more than the batch's records.)
 *
 * <p>One thread appends, one thread reads and acknowledges.
 */
public final class Spool implements AutoCloseable {

    /** A place in the spool: a segment and a byte offset in it. */
    public record Position(long segment, long offset) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            return segment != other.segment ? Long.compare(segment, other.segment) : Long.compare(offset, other.offset);
        }
    }

    /** An entry read back, with the position just after it. */
    public record Entry(byte[] payload, Position end) {
    }

    static final long SEGMENT_BYTES = 64L << 20;
    private static final int HEADER = 8;

    private final Path folder;
    private final boolean fsync;
    private long appends;
    private long forces;
    private boolean unforced;
    private static final int APPEND_BUFFER_BYTES = 1 << 20;
    private ByteBuffer appendBuffer;
    private final Object cursorLock = new Object();
    /** The cursor as last written to disk, and when: it is written at most once per {@link #CURSOR_INTERVAL_MILLIS}. */
    private Position cursorOnDisk;
    private long cursorWrittenAt;
    static final long CURSOR_INTERVAL_MILLIS = 5000;
    private final TreeMap<Long, Long> segmentSizes = new TreeMap<>();
    private FileChannel appendChannel;
    private long appendSegment;
    private volatile Position written;
    /** How far the spool is on disk (forced, under the fsync policy): the forwarder reads no further, so the server never
     *  acknowledges (and the cursor never passes) records a power loss could still take away. */
    private volatile Position forced;
    /** An fsync that failed: the pages it should have written may be gone, so no later one may confirm them. */
    private IOException forceFailure;
    private volatile Position acknowledged;
    private final java.util.concurrent.atomic.AtomicLong backlogEntries = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bytesOnDisk = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong truncatedBytes = new java.util.concurrent.atomic.AtomicLong();

    /** Where a reader stands; only the forwarding thread uses it. */
    private Position readPosition;
    private FileChannel readChannel;
    /** Bytes of the reader's segment read ahead (direct: a file read fills it without a copy); see {@link #ensureReadAhead}. */
    private final ByteBuffer readAhead = ByteBuffer.allocateDirect(1 << 20);
    private long readAheadSegment = -1;
    private long readAheadStart;
    private int readAheadLength;
    private long readSegment = -1;

    private Spool(Path folder, boolean fsync) {
        this.folder = folder;
        this.fsync = fsync;
    }

    /** Opens (creating) a spool folder, recovering from a crash. */
    public static Spool open(Path folder, boolean fsync) throws IOException {
        Files.createDirectories(folder);
        Spool spool = new Spool(folder, fsync);
        spool.recover();
        return spool;
    }

    private Path segmentFile(long n) {
        return folder.resolve(String.format("%012d.seg", n));
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".seg")).toList()) {
                long n = Long.parseLong(file.getFileName().toString().replace(".seg", ""));
                segmentSizes.put(n, Files.size(file));
            }
        }
        acknowledged = readCursor();
        cursorOnDisk = acknowledged;
        if (segmentSizes.isEmpty()) {
            segmentSizes.put(acknowledged.segment(), 0L);
            Files.write(segmentFile(acknowledged.segment()), new byte[0]);
        }
        // Only the last segment can hold a torn write: keep its entries up to the first bad one.
        long last = segmentSizes.lastKey();
        long validEnd = scanValidEnd(last);
        if (validEnd < segmentSizes.get(last)) {
            truncatedBytes.set(segmentSizes.get(last) - validEnd);
            try (FileChannel channel = FileChannel.open(segmentFile(last), StandardOpenOption.WRITE)) {
                channel.truncate(validEnd);
                channel.force(true);
            }
            segmentSizes.put(last, validEnd);
        }
        segmentSizes.headMap(acknowledged.segment()).keySet().forEach(n -> deleteQuietly(segmentFile(n)));
        segmentSizes.headMap(acknowledged.segment()).clear();
        appendSegment = last;
        appendChannel = FileChannel.open(segmentFile(last), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        written = new Position(last, validEnd);
        appendChannel.force(true); // what a crashed process left in the page cache is on disk from here
        forced = written;
        if (acknowledged.compareTo(written) > 0) {
            // A cursor beyond the data (written before the data was forced, then a power loss): start from the end.
            acknowledged = written;
            writeCursor(acknowledged);
        }
        readPosition = acknowledged;
        bytesOnDisk.set(segmentSizes.values().stream().mapToLong(Long::longValue).sum());
        backlogEntries.set(countEntries(acknowledged, written));
    }

    private Position readCursor() throws IOException {
        Path cursor = folder.resolve("cursor");
        if (!Files.exists(cursor)) {
            return new Position(segmentSizes.isEmpty() ? 0 : segmentSizes.firstKey(), 0);
        }
        String[] parts = Files.readString(cursor, StandardCharsets.US_ASCII).trim().split(" ");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private long scanValidEnd(long segment) throws IOException {
        try (FileChannel channel = FileChannel.open(segmentFile(segment), StandardOpenOption.READ)) {
            long position = 0;
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (position + HEADER <= size) {
                header.clear();
                readFully(channel, header, position);
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                if (length < 0 || position + HEADER + length > size) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, position + HEADER);
                if (crc(payload.array()) != crc) {
                    break;
                }
                position += HEADER + length;
            }
            return position;
        }
    }

    private long countEntries(Position from, Position to) throws IOException {
        long count = 0;
        Position saved = readPosition;
        readPosition = from;
        List<Entry> batch;
        while (!(batch = read(10_000, Long.MAX_VALUE, to)).isEmpty()) {
            count += batch.size();
        }
        closeReader();
        readPosition = saved;
        return count;
    }

    /**
     * Appends payloads (written to the file, so that they survive the agent's process); with
     * {@code force} and the fsync policy on, forces everything appended so far to disk before
     * returning, which is the durability point of every record in them (else {@link #force()} does).
     */
    public synchronized void append(List<byte[]> payloads, boolean force) throws IOException {
        ByteBuffer buffer = null;
        CRC32 crc = new CRC32();
        // The append segment's size is kept here and stored per group (and at each roll), not per record.
        long size = segmentSizes.get(appendSegment);
        long added = 0;
        try {
            for (byte[] payload : payloads) {
                if (size >= SEGMENT_BYTES) {
                    if (buffer != null) {
                        flushBuffer(buffer);
                        buffer = null;
                    }
                    segmentSizes.put(appendSegment, size);
                    bytesOnDisk.addAndGet(added);
                    added = 0;
                    roll();
                    size = 0;
                }
                int need = HEADER + payload.length;
                if (buffer == null || buffer.remaining() < need) {
                    if (buffer != null) {
                        flushBuffer(buffer);
                    }
                    buffer = appendBuffer(need);
                }
                crc.reset();
                crc.update(payload);
                buffer.putInt(payload.length).putInt((int) crc.getValue()).put(payload);
                size += need;
                added += need;
            }
            if (buffer != null) {
                flushBuffer(buffer);
            }
        } finally { // (as each record was counted when it was appended, before: also when a write fails)
            segmentSizes.put(appendSegment, size);
            bytesOnDisk.addAndGet(added);
        }
        unforced = true;
        written = new Position(appendSegment, segmentSizes.get(appendSegment));
        if (force || !fsync) {
            force();
        }
        backlogEntries.addAndGet(payloads.size());
        appends++;
    }

    /** Forces what was appended to disk (under the fsync policy): the durability point of the records appended since the last force. */
    public synchronized void force() throws IOException {
        if (forceFailure != null) {
            throw new IOException("the spool " + folder + " could not be forced to disk earlier; records since may be lost", forceFailure);
        }
        if (fsync && unforced) {
            try {
                appendChannel.force(false);
            } catch (IOException e) {
                forceFailure = e;
                throw e;
            }
            forces++;
        }
        unforced = false;
        forced = written;
    }

    /** Times the spool forced appended records to disk. */
    public synchronized long forces() {
        return forces;
    }

    /** The write buffer, cleared: kept between appends (a group is typically small), larger only for a large record. */
    private ByteBuffer appendBuffer(int need) {
        if (need > APPEND_BUFFER_BYTES) {
            return ByteBuffer.allocate(need);
        }
        if (appendBuffer == null) { // direct: a heap buffer would be copied into a temporary direct one by every write
            appendBuffer = ByteBuffer.allocateDirect(APPEND_BUFFER_BYTES);
        }
        return appendBuffer.clear();
    }

    /** Groups of records appended. */
    public synchronized long appends() {
        return appends;
    }

    private void flushBuffer(ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            appendChannel.write(buffer);
        }
    }

    private void roll() throws IOException {
        appendChannel.force(true);
        forced = new Position(appendSegment, segmentSizes.get(appendSegment));
        appendChannel.close();
        appendSegment++;
        segmentSizes.put(appendSegment, 0L);
        appendChannel = FileChannel.open(segmentFile(appendSegment), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    /** Reads the next entries not yet handed out, up to what is on disk (see {@link #force()}). */
    public List<Entry> readNext(int maxEntries, long maxBytes) throws IOException {
        return read(maxEntries, maxBytes, forced);
    }

    private List<Entry> read(int maxEntries, long maxBytes, Position limit) throws IOException {
        List<Entry> entries = new ArrayList<>();
        long bytes = 0;
        while (entries.size() < maxEntries && bytes < maxBytes && readPosition.compareTo(limit) < 0) {
            if (readPosition.segment() < limit.segment() && readPosition.offset() >= segmentSizes.getOrDefault(readPosition.segment(), 0L)) {
                readPosition = new Position(segmentSizes.higherKey(readPosition.segment()), 0);
                continue;
            }
            if (readSegment != readPosition.segment()) {
                closeReader();
                readChannel = FileChannel.open(segmentFile(readPosition.segment()), StandardOpenOption.READ);
                readSegment = readPosition.segment();
            }
            long end = readPosition.segment() == limit.segment() ? limit.offset()
                    : segmentSizes.getOrDefault(readPosition.segment(), 0L);
            long offset = readPosition.offset();
            ensureReadAhead(offset, offset + HEADER, end);
            int length = readAhead.getInt((int) (offset - readAheadStart));
            int crc = readAhead.getInt((int) (offset - readAheadStart) + 4);
            if (length < 0 || offset + HEADER + length > end) {
                throw new IOException("spool entry at " + readPosition + " in " + folder + " has a length beyond its segment: " + length);
            }
            byte[] payload = new byte[length];
            if (length <= readAhead.capacity() - HEADER) {
                ensureReadAhead(offset, offset + HEADER + length, end);
                readAhead.get((int) (offset - readAheadStart) + HEADER, payload);
            } else { // larger than the read-ahead buffer (a big model): on its own
                readFully(readChannel, ByteBuffer.wrap(payload), offset + HEADER);
            }
            if (crc(payload) != crc) {
                throw new IOException("spool entry at " + readPosition + " in " + folder + " fails its checksum");
            }
            readPosition = new Position(readPosition.segment(), offset + HEADER + length);
            entries.add(new Entry(payload, readPosition));
            bytes += length;
        }
        return entries;
    }

    /** The server has everything up to this position: remember it durably, drop whole segments. */
    public void acknowledge(Position upTo, int entries) throws IOException {
        acknowledged = upTo;
        backlogEntries.addAndGet(-entries);
        // The cursor on disk may lag a little: after a crash the entries after it are sent again and the
        // server ignores what it already holds (records keep their ids). Before a segment is deleted,
        // though, the cursor must be past it on disk.
        boolean dropsSegments;
        synchronized (this) {
            dropsSegments = !segmentSizes.headMap(upTo.segment()).isEmpty();
        }
        if (dropsSegments || System.currentTimeMillis() - cursorWrittenAt >= CURSOR_INTERVAL_MILLIS) {
            writeCursor(upTo);
        }
        if (dropsSegments) {
            synchronized (this) {
                for (Long n : List.copyOf(segmentSizes.headMap(upTo.segment()).keySet())) {
                    if (n == readSegment) {
                        closeReader();
                    }
                    bytesOnDisk.addAndGet(-segmentSizes.remove(n));
                    deleteQuietly(segmentFile(n));
                }
            }
        }
    }

    /** Writes the cursor durably (a temporary file, forced, renamed over the old one). */
    private void writeCursor(Position upTo) throws IOException {
        synchronized (cursorLock) {
            if (upTo.equals(cursorOnDisk)) {
                return;
            }
            Path cursor = folder.resolve("cursor");
            Path temp = folder.resolve("cursor.tmp");
            Files.writeString(temp, upTo.segment() + " " + upTo.offset() + "\n", StandardCharsets.US_ASCII);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, cursor, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            cursorOnDisk = upTo;
            cursorWrittenAt = System.currentTimeMillis();
        }
    }

    /** Starts reading again from the acknowledged position (after a batch was not accepted). */
    public void rewind() {
        readPosition = acknowledged;
    }

    public long backlogEntries() {
        return backlogEntries.get();
    }

    /** Bytes of all segment files (what the quota limits). */
    public long bytesOnDisk() {
        return bytesOnDisk.get();
    }

    /** Bytes cut off a torn last write at open (a crash while appending). */
    public long truncatedAtOpen() {
        return truncatedBytes.get();
    }

    public Path folder() {
        return folder;
    }

    private void closeReader() throws IOException {
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
            readSegment = -1;
            readAheadSegment = -1;
        }
    }

    @Override
    public synchronized void close() {
        try {
            writeCursor(acknowledged);
            closeReader();
            appendChannel.force(true);
            appendChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing spool " + folder, e);
        }
    }

    /**
     * Makes the read-ahead buffer hold the reader's segment from {@code from} to {@code to}, reading
     * as far as {@code end} (what may be read of the segment) in one go: one read for many entries,
     * not two per entry.
     */
    private void ensureReadAhead(long from, long to, long end) throws IOException {
        if (readAheadSegment == readSegment && from >= readAheadStart && to <= readAheadStart + readAheadLength) {
            return;
        }
        readAheadSegment = -1; // (until the read succeeds: a failed one leaves no stale range behind)
        readAhead.clear();
        readAhead.limit((int) Math.min(readAhead.capacity(), end - from));
        readFully(readChannel, readAhead, from);
        readAheadSegment = readSegment;
        readAheadStart = from;
        readAheadLength = readAhead.limit();
        if (to > readAheadStart + readAheadLength) {
            throw new IOException("unexpected end of spool segment " + readSegment + " in " + folder);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("unexpected end of spool segment");
            }
        }
    }

    private static int crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover acknowledged segment is removed at the next open
        }
    }
}
