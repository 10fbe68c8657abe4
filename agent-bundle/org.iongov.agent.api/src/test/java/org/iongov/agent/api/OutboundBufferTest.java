package org.iongov.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OutboundBufferTest {

    private static String text(OutboundBuffer.Lines lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer b : lines.bytes()) {
            byte[] bytes = new byte[b.remaining()];
            b.duplicate().get(bytes);
            out.writeBytes(bytes);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesAreUtf8WithTheirLineBreaksAsSpaces() {
        String text = "{\"a\":\"é€𝄞\",\n\"b\":1}\r";
        byte[] out = new byte[4 * text.length()];
        int n = OutboundBuffer.encode(text.toCharArray(), text.length(), out);
        assertEquals(text.replace('\n', ' ').replace('\r', ' '), new String(out, 0, n, StandardCharsets.UTF_8));
        // An unpaired surrogate cannot be UTF-8: it becomes '?', as String.getBytes makes it.
        n = OutboundBuffer.encode("x\uD800y".toCharArray(), 3, out);
        assertEquals("x?y", new String(out, 0, n, StandardCharsets.UTF_8));
        // Through a buffer: a surrogate pair at the edge of a scratch piece stays whole.
        OutboundBuffer buffer = new OutboundBuffer();
        StringBuilder edge = new StringBuilder("a".repeat(OutboundBuffer.SCRATCH_CHARS - 1)).append("𝄞").append("é\nz");
        buffer.appendLine(edge);
        byte[] bytes = new byte[(int) buffer.pending()];
        buffer.unconfirmed(1).bytes()[0].duplicate().get(bytes);
        assertEquals(edge.toString().replace('\n', ' ') + "\n", new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void linesAcrossChunksComeBackInOrderAndConfirmedChunksAreReleased() {
        OutboundBuffer buffer = new OutboundBuffer();
        StringBuilder expected = new StringBuilder();
        String big = "x".repeat(OutboundBuffer.CHUNK_BYTES + 1000); // one record over two chunk boundaries at most
        buffer.appendLine(new StringBuilder("first"));
        buffer.appendLine(new StringBuilder(big));
        buffer.appendLine(new StringBuilder("third"));
        expected.append("first\n").append(big).append('\n').append("third\n");
        OutboundBuffer.Lines all = buffer.unconfirmed(3);
        assertEquals(expected.toString(), text(all));
        assertEquals(3, all.records());
        assertEquals(expected.length(), buffer.pending());

        buffer.appendLine(new StringBuilder("fourth")); // written while the first three are on their way
        buffer.confirm(all);
        assertEquals("fourth\n".length(), buffer.pending(), "only the unconfirmed line is pending");
        assertEquals("fourth\n", text(buffer.unconfirmed(4)));

        // Not confirmed (a connection broke): the same lines come again, then more.
        buffer.appendLine(new StringBuilder("fifth"));
        assertEquals("fourth\nfifth\n", text(buffer.unconfirmed(5)));
        buffer.confirm(buffer.unconfirmed(5));
        assertEquals(0, buffer.pending());
        assertTrue(text(buffer.unconfirmed(5)).isEmpty());
    }

    @Test
    void aReleasedBuffersChunksServeTheNextBuffer() {
        OutboundBuffer first = new OutboundBuffer();
        String line = "y".repeat(OutboundBuffer.CHUNK_BYTES / 2);
        for (int i = 0; i < 2 * OutboundBuffer.SPARE_CHUNKS; i++) { // more chunks than the pool keeps
            first.appendLine(new StringBuilder(line));
        }
        first.appendLine(new StringBuilder("unconfirmed when the link closed"));
        first.release();
        assertEquals(0, first.pending(), "a released buffer has nothing pending");
        assertEquals(OutboundBuffer.SPARE_CHUNKS, OutboundBuffer.spareChunks(), "the pool keeps at most its size");

        OutboundBuffer next = new OutboundBuffer();
        next.appendLine(new StringBuilder("next link"));
        assertEquals(OutboundBuffer.SPARE_CHUNKS - 1, OutboundBuffer.spareChunks(), "the next buffer writes into a kept chunk");
        assertEquals("next link\n", text(next.unconfirmed(1)), "a reused chunk starts empty");
        next.release();
        assertEquals(OutboundBuffer.SPARE_CHUNKS, OutboundBuffer.spareChunks());
    }

    @Test
    void aLongStreamThroughFewChunksStaysExact() {
        OutboundBuffer buffer = new OutboundBuffer();
        StringBuilder sent = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            String line = "{\"i\":" + i + ",\"pad\":\"" + "p".repeat(i % 300) + "\"}";
            buffer.appendLine(new StringBuilder(line));
            expected.append(line).append('\n');
            if (i % 977 == 0) {
                OutboundBuffer.Lines lines = buffer.unconfirmed(i + 1);
                sent.append(text(lines));
                buffer.confirm(lines);
            }
        }
        sent.append(text(buffer.unconfirmed(50_000)));
        assertEquals(expected.toString(), sent.toString());
    }
}
