package org.iongov.core.audit;

/**
 * What checking the ledger found.
 *
 * @param intact whether every entry chains to the one before, hashes to its stored hash, and the
 *     chain ends where the store's (and, when given, the exported) head says
 * @param entriesChecked how many entries were read
 * @param head the store's head as stored
 * @param brokenSequence the first broken entry's sequence number (0 when intact); for entries
 *     missing at the end, the first missing one
 * @param brokenKind that entry's kind, null when it is missing
 * @param problem what differs, in words (null when intact)
 */
public record LedgerVerification(boolean intact, long entriesChecked, LedgerHead head, long brokenSequence, String brokenKind,
        String problem) {

    public static LedgerVerification ok(long entriesChecked, LedgerHead head) {
        return new LedgerVerification(true, entriesChecked, head, 0, null, null);
    }

    public static LedgerVerification broken(long entriesChecked, LedgerHead head, long sequence, String kind, String problem) {
        return new LedgerVerification(false, entriesChecked, head, sequence, kind, problem);
    }
}
