package org.iongov.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class LedgerVerifierTest {

    private static final Instant T = Instant.parse("2026-11-26T15:00:00.123456Z");

    private static List<LedgerEntry> chain(int n) throws Exception {
        List<LedgerEntry> entries = new ArrayList<>();
        LedgerHead head = LedgerHead.EMPTY;
        for (int i = 1; i <= n; i++) {
            LedgerEntry e = LedgerEntry.append(head, T.plusSeconds(i), LedgerEntryKind.APPROVAL, "olivia", "model:m-" + i,
                    new ObjectMapper().readTree("{\"z\":1,\"a\":{\"y\":[2,1],\"b\":\"x\"}}"));
            entries.add(e);
            head = e.head();
        }
        return entries;
    }

    private static LedgerVerification verify(List<LedgerEntry> entries, LedgerHead stored, LedgerHead exported) {
        LedgerVerifier verifier = new LedgerVerifier(stored, exported);
        for (LedgerEntry e : entries) {
            if (!verifier.accept(e)) {
                break;
            }
        }
        return verifier.result();
    }

    @Test
    void theHashIsTheDocumentedSha256OverThePreviousHashAndTheCanonicalContent() throws Exception {
        LedgerEntry first = chain(1).get(0);
        assertEquals("{\"a\":{\"b\":\"x\",\"y\":[2,1]},\"z\":1}", first.payloadJson(), "keys sorted at every level, arrays kept");
        assertEquals(Instant.parse("2026-11-26T15:00:01.123Z"), first.time(), "whole milliseconds");
        String content = "{\"actor\":\"olivia\",\"kind\":\"approval\",\"payload\":" + first.payloadJson()
                + ",\"sequence\":1,\"subject\":\"model:m-1\",\"time\":\"2026-11-26T15:00:01.123Z\"}";
        assertEquals(content, first.canonicalContent());
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("0".repeat(64) + "\n" + content).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, first.hash());
        assertEquals(LedgerEntry.GENESIS_HASH, first.previousHash());
    }

    @Test
    void anIntactChainVerifiesAndEachKindOfDamageIsNamed() throws Exception {
        List<LedgerEntry> entries = chain(4);
        LedgerHead head = entries.get(3).head();
        assertTrue(verify(entries, head, head).intact());
        assertTrue(verify(List.of(), LedgerHead.EMPTY, null).intact());

        List<LedgerEntry> gap = new ArrayList<>(entries);
        gap.remove(1);
        LedgerVerification missing = verify(gap, head, null);
        assertEquals(2, missing.brokenSequence());
        assertTrue(missing.problem().startsWith("entry 2 is missing"), missing.problem());

        List<LedgerEntry> edited = new ArrayList<>(entries);
        LedgerEntry e = edited.get(2);
        edited.set(2, new LedgerEntry(e.sequence(), e.time(), "rejection", e.actor(), e.subject(), e.payloadJson(), e.previousHash(),
                e.hash()));
        LedgerVerification changed = verify(edited, head, null);
        assertEquals(3, changed.brokenSequence());
        assertEquals("rejection", changed.brokenKind());

        LedgerVerification truncated = verify(entries.subList(0, 2), entries.get(1).head(), head);
        assertFalse(truncated.intact());
        assertEquals(3, truncated.brokenSequence());
        assertTrue(truncated.problem().startsWith("entries 3 to 4 are missing"), truncated.problem());

        LedgerVerification headAhead = verify(entries.subList(0, 3), head, null);
        assertEquals(4, headAhead.brokenSequence());
        LedgerVerification rewritten = verify(entries, head, new LedgerHead(2, "a".repeat(64)));
        assertEquals(2, rewritten.brokenSequence());
        assertTrue(rewritten.problem().contains("rewritten after the head was exported"), rewritten.problem());
    }
}
