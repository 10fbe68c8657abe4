package org.iongov.internal.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads lines as bytes (without their {@code \n}): records from a pipeline are kept as they came,
 * so no line is decoded into a string and encoded again. Lines longer than the buffer grow it.
 */
final class LineReader {

    private final InputStream in;
    private static final int DEFAULT_SIZE = 1 << 16;

    private byte[] buffer = new byte[DEFAULT_SIZE];
    private int start;
    private int end;
    /** Where the search for the next line break goes on (the bytes before it have none). */
    private int scanned;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the stream (a last line without a line break included). */
    byte[] readLine() throws IOException {
        while (true) {
            for (int i = scanned; i < end; i++) {
                if (buffer[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(buffer, start, i);
                    start = i + 1;
                    scanned = start;
                    return line;
                }
            }
            scanned = end;
            if (start > 0) { // room at the front: move the partial line there (into a normal-sized buffer after a long line)
                byte[] to = buffer.length > DEFAULT_SIZE && end - start < DEFAULT_SIZE / 2 ? new byte[DEFAULT_SIZE] : buffer;
                System.arraycopy(buffer, start, to, 0, end - start);
                buffer = to;
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                if (end > start) {
                    byte[] last = Arrays.copyOfRange(buffer, start, end);
                    start = end;
                    scanned = end;
                    return last;
                }
                return null;
            }
            end += n;
        }
    }
}
