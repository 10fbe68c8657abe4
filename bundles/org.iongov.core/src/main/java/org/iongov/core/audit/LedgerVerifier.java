package org.iongov.core.audit;

/**
 * Walks a ledger in sequence order and stops at the first broken entry. Used by stores, which
 * feed it their entries as they read them, so a long ledger is never held in memory.
 */
public final class LedgerVerifier {

    private final LedgerHead storedHead;
    private final LedgerHead exportedHead;
    private LedgerHead last = LedgerHead.EMPTY;
    private String hashAtExported;
    private long checked;
    private LedgerVerification broken;

    /**
     * @param storedHead the head the store keeps
     * @param exportedHead a head exported earlier, or null
     */
    public LedgerVerifier(LedgerHead storedHead, LedgerHead exportedHead) {
        this.storedHead = storedHead;
        this.exportedHead = exportedHead;
    }

    /** Checks the next entry; returns false once the chain is broken (no need to read on). */
    public boolean accept(LedgerEntry entry) {
        if (broken != null) {
            return false;
        }
        checked++;
        long expected = last.sequence() + 1;
        if (entry.sequence() != expected) {
            return fail(expected, null, "entry " + expected + " is missing: after entry " + last.sequence() + " comes entry "
                    + entry.sequence());
        }
        if (!last.hash().equals(entry.previousHash())) {
            return fail(entry.sequence(), entry.kind(), "its previous hash " + entry.previousHash() + " is not entry "
                    + last.sequence() + "'s hash " + last.hash());
        }
        String computed = entry.computedHash();
        if (!computed.equals(entry.hash())) {
            return fail(entry.sequence(), entry.kind(), "its content was changed: it hashes to " + computed
                    + " but its stored hash is " + entry.hash());
        }
        last = entry.head();
        if (exportedHead != null && entry.sequence() == exportedHead.sequence()) {
            hashAtExported = entry.hash();
        }
        return true;
    }

    private boolean fail(long sequence, String kind, String problem) {
        broken = LedgerVerification.broken(checked, storedHead, sequence, kind, problem);
        return false;
    }

    private static String missing(long first, long lastMissing) {
        return first == lastMissing ? "entry " + first + " is missing" : "entries " + first + " to " + lastMissing + " are missing";
    }

    /** The verdict, once every entry was fed (or the first broken one). */
    public LedgerVerification result() {
        if (broken != null) {
            return broken;
        }
        if (storedHead.sequence() > last.sequence()) {
            return LedgerVerification.broken(checked, storedHead, last.sequence() + 1, null, missing(last.sequence() + 1,
                    storedHead.sequence()) + ": the store's head is at " + storedHead.sequence()
                    + " but the last entry is " + last.sequence());
        }
        if (storedHead.sequence() < last.sequence() || !storedHead.hash().equals(last.hash())) {
            return LedgerVerification.broken(checked, storedHead, Math.min(storedHead.sequence() + 1, last.sequence()), null,
                    "the store's head (entry " + storedHead.sequence() + ", hash " + storedHead.hash()
                            + ") is not the last entry (entry " + last.sequence() + ", hash " + last.hash() + ")");
        }
        if (exportedHead != null) {
            if (exportedHead.sequence() > last.sequence()) {
                return LedgerVerification.broken(checked, storedHead, last.sequence() + 1, null, missing(last.sequence() + 1,
                        exportedHead.sequence()) + ": the exported head is at entry "
                        + exportedHead.sequence() + " but the ledger ends at entry " + last.sequence());
            }
            if (exportedHead.sequence() > 0 && !exportedHead.hash().equals(hashAtExported)) {
                return LedgerVerification.broken(checked, storedHead, exportedHead.sequence(), null, "entry "
                        + exportedHead.sequence() + " has hash " + hashAtExported + " but the exported head says "
                        + exportedHead.hash() + ": the ledger was rewritten after the head was exported");
            }
        }
        return LedgerVerification.ok(checked, storedHead);
    }
}
