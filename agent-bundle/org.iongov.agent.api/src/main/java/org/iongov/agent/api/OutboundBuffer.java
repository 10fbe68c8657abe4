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
 * young collection meanwhile. (Chunks on the heap rather than direct buffers: an engine such as
 * Flink caps a task manager's direct memory.) Not thread-safe: its owner ({@link IpcLink}) guards it.
 * <p>
 * Line breaks inside a record become spaces, so that each record is exactly one line: JSON allows
 * none inside a string, so any there were whitespace between tokens (e.g. in a pretty-printed
 * input handed over as raw JSON).
 */
final class OutboundBuffer {

    static final int CHUNK_BYTES = 256 * 1024;
    /** Empty chunks kept for reuse (a second of a busy pipeline's records); more go to the garbage collector. */
    private static final int SPARE_CHUNKS = 8;
    /** Characters encoded at a time: at most 3 bytes each in UTF-8 (a surrogate pair, 2 characters, makes 4). */
    private static final int SCRATCH_CHARS = 16 * 1024;

    /** Chunks from the one holding the oldest unconfirmed byte to the one being written. */
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
    /** Stream offsets: where the first chunk starts, the confirmed end, the written end. */
    private long firstChunkStart;
    private long confirmed;
    private long written;
    private final byte[] scratch = new byte[3 * SCRATCH_CHARS];

    /** A range of lines to send: views of the chunks, and the stream offset and record count they end at. */
    record Lines(ByteBuffer[] bytes, long end, long records) {
    }

    /** Bytes written and not yet confirmed. */
    long pending() {
        return written - confirmed;
    }

    /** Appends the text as one line (UTF-8, a line break added), a piece at a time through a fixed scratch array. */
    void appendLine(CharSequence text) {
        int length = text.length();
        for (int from = 0; from < length;) {
            int to = Math.min(length, from + SCRATCH_CHARS);
            if (to < length && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--; // a surrogate pair stays in one piece
            }
            put(scratch, encode(text, from, to, scratch));
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
            ByteBuffer done = chunks.removeFirst();
            firstChunkStart += CHUNK_BYTES;
            if (spare.size() < SPARE_CHUNKS) {
                spare.add(done.clear());
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
                ByteBuffer next = spare.poll();
                chunks.addLast(next != null ? next : ByteBuffer.allocate(CHUNK_BYTES));
                continue;
            }
            int n = Math.min(length - offset, last.remaining());
            last.put(bytes, offset, n);
            offset += n;
            written += n;
        }
    }

    /**
     * UTF-8 of the characters from {@code from} to {@code length} (exclusive), unpaired surrogates
     * as '?' and line breaks as spaces; the byte count.
     */
    static int encode(CharSequence text, int from, int length, byte[] out) {
        int n = 0;
        for (int i = from; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[n++] = (byte) (c == '\n' || c == '\r' ? ' ' : c);
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
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
