package org.iongov.core.metadata;

import java.time.Instant;

/**
 * A model produced by a run. Either its bytes travel with the record or a location says where
 * they are.
 *
 * @param id the model id
 * @param runId the producing run
 * @param name a readable name
 * @param format PMML, SavedModel, ONNX or opaque
 * @param sha256 the digest of the model's bytes, hex
 * @param size the size in bytes
 * @param createdAt when it was produced
 * @param bytes the model itself, may be null when {@code location} is set
 * @param location a URI where the bytes are, may be null
 * @param metadataJson extracted metadata (input/output schema, coefficients), may be null
 */
public record ModelRecord(String id, String runId, String name, ModelFormat format, String sha256, long size,
        Instant createdAt, byte[] bytes, String location, String metadataJson) implements MetadataRecord {

    /** Model formats; anything unrecognised is opaque. */
    public enum ModelFormat {
        PMML, SAVED_MODEL, ONNX, OPAQUE
    }

    @Override
    public RecordKind kind() {
        return RecordKind.MODEL;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelRecord m && id.equals(m.id) && java.util.Objects.equals(runId, m.runId)
                && java.util.Objects.equals(name, m.name) && format == m.format && java.util.Objects.equals(sha256, m.sha256)
                && size == m.size && java.util.Objects.equals(createdAt, m.createdAt) && java.util.Arrays.equals(bytes, m.bytes)
                && java.util.Objects.equals(location, m.location) && java.util.Objects.equals(metadataJson, m.metadataJson);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(id, sha256);
    }

    @Override
    public String toString() {
        return "ModelRecord[id=" + id + ", runId=" + runId + ", name=" + name + ", format=" + format + ", sha256=" + sha256
                + ", size=" + size + "]";
    }
}
