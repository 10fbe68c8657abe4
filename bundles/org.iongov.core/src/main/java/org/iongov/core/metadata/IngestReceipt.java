package org.iongov.core.metadata;

/**
 * What the store did with a batch; returned only once the batch is durably committed.
 *
 * @param received records in the batch
 * @param stored records newly stored
 * @param duplicates records whose id was already stored (a retried batch), left unchanged
 */
public record IngestReceipt(int received, int stored, int duplicates) {
}
