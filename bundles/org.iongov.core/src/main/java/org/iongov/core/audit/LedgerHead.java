package org.iongov.core.audit;

/**
 * The end of the chain: the last entry's sequence number and hash. An exported head lets a later
 * check notice entries removed from the end, which the chain alone cannot show.
 *
 * @param sequence the last entry's sequence number, 0 for an empty ledger
 * @param hash the last entry's hash, {@link LedgerEntry#GENESIS_HASH} for an empty ledger
 */
public record LedgerHead(long sequence, String hash) {

    public static final LedgerHead EMPTY = new LedgerHead(0, LedgerEntry.GENESIS_HASH);
}
