package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A dataset as seen at one moment: where it is and its content signature.
 *
 * @param id the dataset id
 * @param uri its path or URI
 * @param size its size in bytes, or -1 when unknown
 * @param digest a content signature (e.g. SHA-256 of its files), hex
 * @param schemaJson its schema, may be null
 * @param recordedAt when it was recorded
 */
public record DatasetRecord(String id, String uri, long size, String digest, String schemaJson, Instant recordedAt)
        implements MetadataRecord {

    @Override
    public RecordKind kind() {
        return RecordKind.DATASET;
    }
}
