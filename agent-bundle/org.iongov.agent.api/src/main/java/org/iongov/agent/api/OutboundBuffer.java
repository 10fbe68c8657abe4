package org.iongov.agent.api;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Records' JSON lines in UTF-8, in chunks of bytes appended to at the end and released from the
 * front as the agent confirms them, then reused. A record is garbage as soon as it is written here,
 * and the few chunks in use are long-lived arrays that the collector soon stops copying: many
 * records kept as objects for the second until the agent confirms them would be copied by every
 * young collection meanwhile. Empty chunks are kept for reuse by every buffer of the JVM, so that
 * a link opened for the next job (a task restarted, a new job on the same task manager) writes
 * into old chunks too: a new 256 KiB chunk is copied by each young collection until it is old
 * enough to be tenured, which cost a short job more collection time than its records. (Chunks on
 * the heap rather than direct buffers: an engine such as Flink caps a task manager's direct
 * memory.) Not thread-safe: its owner ({@link IpcLink}) guards it.
 * <p>
 * Line breaks inside a record become spaces, so that each record is exactly one line: JSON allows
 * none inside a string, so any there were whitespace between tokens (e.g. in a pretty-printed
 * input handed over as raw JSON).
 */
final class OutboundBuffer {

    static final int CHUNK_BYTES = 256 * 1024;
    /** Empty chunks kept for reuse in this JVM (a second of a busy pipeline's records); more go to the garbage collector. */
    static final int SPARE_CHUNKS = 8;
    /** The empty chunks, most recently used first (still in the CPU's caches); guarded by itself. */
    private static final ArrayDeque<ByteBuffer> SPARE = new ArrayDeque<>();
    /**
     * Characters encoded at a time: at most 3 bytes each in UTF-8 (a surrogate pair, 2 characters,
     * makes 4). A few KB: a buffer is made per link (a job, say), and large scratch arrays made that
     * often are copied by each young collection of the engine's JVM until they are tenured.
     */
    static final int SCRATCH_CHARS = 2 * 1024;

    /** Chunks from the one holding the oldest unconfirmed byte to the one being written. */
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    /** Stream offsets: where the first chunk starts, the confirmed end, the written end. */
    private long firstChunkStart;
    private long confirmed;
    private long written;
    private final byte[] scratch = new byte[3 * SCRATCH_CHARS];
    private final char[] chars = new char[SCRATCH_CHARS];

    /** A range of lines to send: views of the chunks, and the stream offset and record count they end at. */
    record Lines(ByteBuffer[] bytes, long end, long records) {
    }

    /** Bytes written and not yet confirmed. */
    long pending() {
        return written - confirmed;
    }

    /** Appends the text as one line (UTF-8, a line break added), a piece at a time through fixed scratch arrays. */
    void appendLine(StringBuilder text) {
        int length = text.length();
        for (int from = 0; from < length;) {
            int to = Math.min(length, from + SCRATCH_CHARS);
            if (to < length && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // a surrogate pair stays in one piece
            }
            text.getChars(from, to, chars, 0); // in bulk: far cheaper than a call per character
            put(scratch, encode(chars, to - from, scratch));
            from = to;
        }
        scratch[0] = '\n';
        put(scratch, 1);
    }

    /** Everything written and not confirmed, ending after the given count of records (all written so far). */
    Lines unconfirmed(long records) {
        List<ByteBuffer> views = new ArrayList<>(chunks.size());
        long start = firstChunkStart;
        for (ByteBuffer chunk : chunks) {
            long from = Math.max(start, confirmed);
            long to = Math.min(start + CHUNK_BYTES, written);
            if (to > from) {
                ByteBuffer view = chunk.duplicate();
                view.limit((int) (to - start)).position((int) (from - start));
                views.add(view);
            }
            start += CHUNK_BYTES;
        }
        return new Lines(views.toArray(new ByteBuffer[0]), written, records);
    }

    /** The agent holds these lines durably: their chunks can be reused. */
    void confirm(Lines lines) {
        confirmed = Math.max(confirmed, lines.end());
        // The last chunk stays: it is the one being written.
        while (chunks.size() > 1 && firstChunkStart + CHUNK_BYTES <= confirmed) {
            giveBack(chunks.removeFirst());
            firstChunkStart += CHUNK_BYTES;
        }
    }

    /** Its owner is done with it (the link closed): every chunk goes back for reuse, and nothing is pending any more. */
    void release() {
        for (ByteBuffer chunk; (chunk = chunks.pollFirst()) != null;) {
            giveBack(chunk);
        }
        confirmed = written;
        firstChunkStart = written;
    }

    /** Empty chunks waiting for reuse in this JVM. */
    static int spareChunks() {
        synchronized (SPARE) {
            return SPARE.size();
        }
    }

    private static ByteBuffer takeChunk() {
        synchronized (SPARE) {
            ByteBuffer chunk = SPARE.pollFirst();
            if (chunk != null) {
                return chunk;
            }
        }
        return ByteBuffer.allocate(CHUNK_BYTES);
    }

    private static void giveBack(ByteBuffer chunk) {
        synchronized (SPARE) {
            if (SPARE.size() < SPARE_CHUNKS) {
                SPARE.addFirst(chunk.clear());
            }
        }
    }

    private void put(byte[] bytes, int length) {
        int offset = 0;
        while (offset < length) {
            ByteBuffer last = chunks.peekLast();
            if (last == null || !last.hasRemaining()) {
                if (last == null) {
                    firstChunkStart = written;
                }
                chunks.addLast(takeChunk());
                continue;
            }
            int n = Math.min(length - offset, last.remaining());
            last.put(bytes, offset, n);
            offset += n;
            written += n;
        }
    }

    /**
     * UTF-8 of the first {@code length} characters, unpaired surrogates as '?' and line breaks as
     * spaces; the byte count.
     */
    static int encode(char[] text, int length, byte[] out) {
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (c < 0x80) {
                out[n++] = (byte) (c == '\n' || c == '\r' ? ' ' : c);
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text[i + 1])) {
                int cp = Character.toCodePoint(c, text[++i]);
                out[n++] = (byte) (0xF0 | cp >> 18);
                out[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[n++] = '?';
            } else {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return n;
    }
}
