package org.iongov.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path temp;

    private static List<byte[]> payloads(int from, int count) {
        List<byte[]> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return list;
    }

    private static List<String> texts(List<Spool.Entry> entries) {
        return entries.stream().map(e -> new String(e.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void entriesAreReadInOrderAndAcknowledgedOnesAreNotReadAgainAfterReopen() throws Exception {
        Path folder = temp.resolve("spool");
        try (Spool spool = Spool.open(folder, true)) {
            spool.append(payloads(0, 10));
            List<Spool.Entry> first = spool.readNext(4, Long.MAX_VALUE);
            assertEquals(List.of("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "{\"n\":3}"), texts(first));
            spool.acknowledge(first.get(3).end(), 4);
            assertEquals(6, spool.backlogEntries());
            // Read but not acknowledged: after a reopen these come again.
            assertEquals(3, spool.readNext(3, Long.MAX_VALUE).size());
        }
        try (Spool reopened = Spool.open(folder, true)) {
            assertEquals(6, reopened.backlogEntries());
            assertEquals("{\"n\":4}", texts(reopened.readNext(1, Long.MAX_VALUE)).get(0));
        }
    }

    @Test
    void aTornWriteAtTheEndIsCutOffAndEverythingBeforeItKept() throws Exception {
        Path folder = temp.resolve("spool");
        try (Spool spool = Spool.open(folder, true)) {
            spool.append(payloads(0, 5));
        }
        Path segment;
        try (Stream<Path> files = Files.list(folder)) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        long intact = Files.size(segment);
        // A crash in the middle of an append: a header promising more bytes than were written.
        Files.write(segment, new byte[] { 0, 0, 0, 50, 1, 2, 3, 4, '{', '"' }, StandardOpenOption.APPEND);
        try (Spool reopened = Spool.open(folder, true)) {
            assertEquals(10, reopened.truncatedAtOpen());
            assertEquals(intact, Files.size(segment));
            assertEquals(5, reopened.backlogEntries());
            reopened.append(payloads(5, 1));
            assertEquals(6, reopened.readNext(100, Long.MAX_VALUE).size());
        }
    }

    @Test
    void aCorruptedEntryInTheMiddleIsCaughtByItsChecksum() throws Exception {
        Path folder = temp.resolve("spool");
        try (Spool spool = Spool.open(folder, true)) {
            spool.append(payloads(0, 3));
        }
        Path segment;
        try (Stream<Path> files = Files.list(folder)) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[10] ^= 0x20; // flip a bit in the first payload
        Files.write(segment, bytes);
        try (Spool reopened = Spool.open(folder, true)) {
            // The last segment is scanned at open: nothing after the bad entry is trusted.
            assertEquals(0, reopened.backlogEntries());
            assertTrue(reopened.truncatedAtOpen() > 0);
        }
    }
}
