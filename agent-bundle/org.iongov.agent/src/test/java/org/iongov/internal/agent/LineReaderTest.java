package org.iongov.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class LineReaderTest {

    /** Hands out at most a few bytes per read, as a socket may. */
    private static InputStream trickle(byte[] bytes, int most) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, most));
            }
        };
    }

    private static String next(LineReader in) throws IOException {
        byte[] line = in.readLine();
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    @Test
    void linesOfEverySizeAcrossReadsComeOutWhole() throws IOException {
        String longLine = "é".repeat(300_000); // 600 KB: grows the buffer past its 64 KiB
        String text = "a\n\n" + longLine + "\nshort\nlast without a break";
        for (int most : new int[] {1, 7, 1 << 16, Integer.MAX_VALUE}) {
            LineReader in = new LineReader(trickle(text.getBytes(StandardCharsets.UTF_8), most));
            assertEquals("a", next(in));
            assertEquals("", next(in));
            assertEquals(longLine, next(in));
            assertEquals("short", next(in));
            assertEquals("last without a break", next(in));
            assertNull(next(in));
        }
    }
}
