package org.iongov.agent.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model to publish: its bytes, format and a readable name, plus extracted metadata (input and
 * output schema, coefficients) as JSON when known.
 *
 * @param name a readable name
 * @param format pmml, saved-model, onnx or opaque
 * @param bytes the model itself
 * @param metadataJson extracted metadata as JSON, or null
 */
public record ModelArtifact(String name, String format, byte[] bytes, String metadataJson) {

    public ModelArtifact {
        Objects.requireNonNull(bytes, "bytes");
        if (!java.util.Set.of("pmml", "saved-model", "onnx", "opaque").contains(format)) {
            throw new IllegalArgumentException("format must be pmml, saved-model, onnx or opaque, was '" + format + "'");
        }
        bytes = bytes.clone();
    }

    public static ModelArtifact ofFile(String name, String format, Path file) throws IOException {
        return new ModelArtifact(name, format, Files.readAllBytes(file), null);
    }
}
