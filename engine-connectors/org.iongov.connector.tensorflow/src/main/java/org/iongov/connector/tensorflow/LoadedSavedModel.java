package org.iongov.connector.tensorflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iongov.connector.tensorflow.internal.Folders;
import org.iongov.connector.tensorflow.internal.Json;
import org.iongov.connector.tensorflow.internal.SessionConfig;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;

/**
 * A SavedModel loaded from archive bytes ({@link SavedModelArchive}): its bundle (graph and
 * session), its signatures as read from the SavedModel itself, and its input feature names.
 * Holds native memory until closed.
 */
public final class LoadedSavedModel implements AutoCloseable {

    /** One tensor of a signature. */
    public record TensorSpec(String name, String tensor, String dtype, List<Long> shape) {
    }

    /** One signature: its key, method and tensors (each list in name order). */
    public record SignatureSpec(String key, String method, List<TensorSpec> inputs, List<TensorSpec> outputs) {
    }

    private final SavedModelBundle bundle;
    private final List<SignatureSpec> signatures;
    private final List<String> features;
    private final List<String> tags;
    private final String tensorflowVersion;

    private LoadedSavedModel(SavedModelBundle bundle, List<String> features) {
        this.bundle = bundle;
        this.features = List.copyOf(features);
        this.signatures = describe(bundle);
        this.tags = List.copyOf(bundle.metaGraphDef().getMetaInfoDef().getTagsList());
        this.tensorflowVersion = bundle.metaGraphDef().getMetaInfoDef().getTensorflowVersion();
    }

    /**
     * Loads archive bytes (tag {@value SavedModelArchive#SERVE_TAG}) into a single-threaded session.
     *
     * @throws IllegalArgumentException when the bytes are not a loadable SavedModel archive
     */
    public static LoadedSavedModel load(byte[] archive) {
        Path folder = Folders.temporary("iongov-savedmodel-");
        try {
            SavedModelArchive.unzip(archive, folder);
            List<String> features = readFeatures(folder.resolve(SavedModelArchive.FEATURES_FILE));
            SavedModelBundle bundle;
            try {
                bundle = SavedModelBundle.loader(folder.toString()).withTags(SavedModelArchive.SERVE_TAG)
                        .withConfigProto(SessionConfig.singleThreaded()).load();
            } catch (TensorFlowException e) {
                throw new IllegalArgumentException("cannot load the SavedModel: " + e.getMessage(), e);
            }
            try {
                return new LoadedSavedModel(bundle, features);
            } catch (RuntimeException e) {
                bundle.close();
                throw e;
            }
        } finally {
            Folders.delete(folder); // the session holds the restored variables; the files are no longer needed
        }
    }

    private static List<String> readFeatures(Path file) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SavedModelArchive.FEATURES_FILE, e);
        }
    }

    private static List<SignatureSpec> describe(SavedModelBundle bundle) {
        Map<String, SignatureSpec> byKey = new TreeMap<>();
        for (Signature signature : bundle.signatures()) {
            if (signature.key().startsWith("__")) {
                continue; // TensorFlow's own entries (the init op), not a way to call the model
            }
            byKey.put(signature.key(), new SignatureSpec(signature.key(), signature.methodName(), tensors(signature.getInputs()),
                    tensors(signature.getOutputs())));
        }
        return List.copyOf(byKey.values());
    }

    private static List<TensorSpec> tensors(Map<String, Signature.TensorDescription> described) {
        List<TensorSpec> specs = new ArrayList<>();
        new TreeMap<>(described).forEach((name, d) -> specs.add(new TensorSpec(name, d.name, d.dataType.name(), dims(d.shape))));
        return specs;
    }

    private static List<Long> dims(Shape shape) {
        if (shape == null || shape.isUnknown()) {
            return null;
        }
        List<Long> dims = new ArrayList<>();
        for (long d : shape.asArray()) {
            dims.add(d < 0 ? -1L : d);
        }
        return dims;
    }

    /** The bundle: graph, session and callable functions. Closed with this object. */
    public SavedModelBundle bundle() {
        return bundle;
    }

    /** The signatures a caller can use, by key (TensorFlow's internal ones left out). */
    public List<SignatureSpec> signatures() {
        return signatures;
    }

    /** The signature to score with: {@code serving_default}, else the only one there is. */
    public SignatureSpec servingSignature() {
        for (SignatureSpec s : signatures) {
            if (s.key().equals(Signature.DEFAULT_KEY)) {
                return s;
            }
        }
        if (signatures.size() == 1) {
            return signatures.get(0);
        }
        throw new IllegalArgumentException("the SavedModel has no '" + Signature.DEFAULT_KEY + "' signature and "
                + signatures.size() + " others to choose from");
    }

    /** The input feature names kept in the archive, or an empty list. */
    public List<String> features() {
        return features;
    }

    /**
     * The model's metadata as JSON, all read from the SavedModel: tags, the TensorFlow version
     * that wrote it (when recorded), input feature names and each signature's method, inputs and outputs (tensor
     * name, dtype, shape with -1 for a free dimension).
     */
    public String metadataJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", "saved-model");
        json.put("tags", tags);
        if (!tensorflowVersion.isEmpty()) {
            json.put("tensorflowVersion", tensorflowVersion); // TensorFlow Java's exporter leaves it empty
        }
        json.put("features", features);
        List<Object> sigs = new ArrayList<>();
        for (SignatureSpec s : signatures) {
            Map<String, Object> sig = new LinkedHashMap<>();
            sig.put("key", s.key());
            sig.put("method", s.method());
            sig.put("inputs", tensorsJson(s.inputs()));
            sig.put("outputs", tensorsJson(s.outputs()));
            sigs.add(sig);
        }
        json.put("signatures", sigs);
        return Json.write(json);
    }

    private static List<Object> tensorsJson(List<TensorSpec> specs) {
        List<Object> list = new ArrayList<>();
        for (TensorSpec t : specs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            m.put("tensor", t.tensor());
            m.put("dtype", t.dtype());
            m.put("shape", t.shape());
            list.add(m);
        }
        return list;
    }

    @Override
    public void close() {
        bundle.close();
    }
}
