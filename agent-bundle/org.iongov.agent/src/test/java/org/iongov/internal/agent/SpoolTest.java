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
            spool.append(payloads(0, 10), true);
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
            spool.append(payloads(0, 5), true);
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
            reopened.append(payloads(5, 1), true);
            assertEquals(6, reopened.readNext(100, Long.MAX_VALUE).size());
        }
    }

    @Test
    void aCorruptedEntryInTheMiddleIsCaughtByItsChecksum() throws Exception {
        Path folder = temp.resolve("spool");
        try (Spool spool = Spool.open(folder, true)) {
            spool.append(payloads(0, 3), true);
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

    @Test
    void appendsWrittenWithoutForcingAreReadableAndOneForceCoversThemAll() throws Exception {
        try (Spool spool = Spool.open(temp.resolve("spool"), true)) {
            spool.append(payloads(0, 2), false);
            // A record larger than the kept write buffer, between small ones: all come back intact.
            byte[] large = new byte[(1 << 20) + 100];
            java.util.Arrays.fill(large, (byte) 'x');
            spool.append(List.of(large), false);
            spool.append(payloads(2, 2), false);
            assertEquals(0, spool.forces());
            // Not handed to the forwarder before they are on disk: the server must never hold (and acknowledge) what a power loss could take.
            assertTrue(spool.readNext(100, Long.MAX_VALUE).isEmpty());
            spool.force();
            spool.force(); // nothing new: no second fsync
            assertEquals(1, spool.forces());
            List<Spool.Entry> entries = spool.readNext(100, Long.MAX_VALUE);
            assertEquals(5, entries.size());
            assertEquals(List.of("{\"n\":0}", "{\"n\":1}"), texts(entries.subList(0, 2)));
            assertTrue(java.util.Arrays.equals(large, entries.get(2).payload()));
            assertEquals(List.of("{\"n\":2}", "{\"n\":3}"), texts(entries.subList(3, 5)));
        }
    }

    @Test
    void afterACrashEntriesAcknowledgedSinceTheCursorWasWrittenComeAgainAndAfterACloseTheyDoNot() throws Exception {
        Path folder = temp.resolve("spool");
        Spool spool = Spool.open(folder, true);
        spool.append(payloads(0, 10), true);
        List<Spool.Entry> first = spool.readNext(2, Long.MAX_VALUE);
        spool.acknowledge(first.get(1).end(), 2); // the first acknowledgement is written
        List<Spool.Entry> next = spool.readNext(3, Long.MAX_VALUE);
        spool.acknowledge(next.get(2).end(), 3); // within the interval: kept in memory only
        assertEquals(5, spool.backlogEntries());
        // A crash now (the spool is not closed): the last three come again, the first two do not.
        try (Spool afterCrash = Spool.open(folder, true)) {
            assertEquals(8, afterCrash.backlogEntries());
            assertEquals("{\"n\":2}", texts(afterCrash.readNext(1, Long.MAX_VALUE)).get(0));
        }
        spool.close(); // a clean close writes the cursor
        try (Spool reopened = Spool.open(folder, true)) {
            assertEquals(5, reopened.backlogEntries());
            assertEquals("{\"n\":5}", texts(reopened.readNext(1, Long.MAX_VALUE)).get(0));
        }
    }

    @Test
    void aCursorBeyondTheDataAfterAPowerLossStartsFromTheEndAndNewRecordsAreRead() throws Exception {
        Path folder = temp.resolve("spool");
        try (Spool spool = Spool.open(folder, true)) {
            spool.append(payloads(0, 3), true);
        }
        // The cursor names a place past what survived on disk.
        Files.writeString(folder.resolve("cursor"), "0 100000\n", StandardCharsets.US_ASCII);
        try (Spool reopened = Spool.open(folder, true)) {
            assertEquals(0, reopened.backlogEntries());
            reopened.append(payloads(3, 2), true);
            assertEquals(List.of("{\"n\":3}", "{\"n\":4}"), texts(reopened.readNext(100, Long.MAX_VALUE)));
        }
        assertEquals(Files.readString(folder.resolve("cursor")).trim().split(" ")[0], "0");
    }
}
