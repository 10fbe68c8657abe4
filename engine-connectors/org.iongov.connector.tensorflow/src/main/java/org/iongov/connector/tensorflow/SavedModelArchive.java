package org.iongov.connector.tensorflow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.iongov.connector.tensorflow.internal.Folders;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.proto.SavedModel;

import com.google.protobuf.CodedOutputStream;

/**
 * A SavedModel as the bytes of a {@code saved-model} ModelArtifact: the SavedModel's folder as a
 * zip with its files in path order and fixed timestamps, so the same folder always gives the same
 * bytes (and the same digest).
 *
 * <p>Beside the SavedModel's own files, {@value #FEATURES_FILE} names the model's input
 * features, one per line, in the order of the input tensor's last dimension (the SavedModel
 * format keeps such files in {@code assets.extra/}).
 */
public final class SavedModelArchive {

    /** The tag of the meta graph we export and load. */
    public static final String SERVE_TAG = "serve";

    /** Where the input feature names are kept inside the archive. */
    public static final String FEATURES_FILE = "assets.extra/iongov-features.txt";

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private SavedModelArchive() {
    }

    /**
     * Exports a function of a session (its signature and the session's variables) as a SavedModel
     * tagged {@value #SERVE_TAG} and returns it as archive bytes.
     *
     * @param function what to serve, e.g. {@code session.function(signature)}
     * @param features the input feature names, or an empty list when unknown
     */
    public static byte[] export(SessionFunction function, List<String> features) {
        Path parent = Folders.temporary("iongov-savedmodel-");
        try {
            Path folder = parent.resolve("model");
            SavedModelBundle.exporter(folder.toString()).withTags(SERVE_TAG).withFunction(function).export();
            canonicalize(folder.resolve("saved_model.pb"));
            if (!features.isEmpty()) {
                Path file = folder.resolve(FEATURES_FILE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, String.join("\n", features) + "\n", StandardCharsets.UTF_8);
            }
            return zip(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the SavedModel", e);
        } finally {
            Folders.delete(parent);
        }
    }

    /**
     * Rewrites saved_model.pb with protobuf's deterministic serialization: TensorFlow writes the
     * ops' attribute maps in hash order, so the same graph would otherwise give different bytes.
     */
    private static void canonicalize(Path file) throws IOException {
        SavedModel model = SavedModel.parseFrom(Files.readAllBytes(file));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(model.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        model.writeTo(out);
        out.flush();
        Files.write(file, bytes.toByteArray());
    }

    /** Zips a SavedModel folder deterministically: files in path order, fixed times, no folder entries. */
    public static byte[] zip(Path folder) {
        if (!Files.isRegularFile(folder.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException(folder + " is not a SavedModel folder: it has no saved_model.pb");
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            List<String> names = files.stream().map(f -> folder.relativize(f).toString().replace('\\', '/')).sorted().toList();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                for (String name : names) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTimeLocal(FIXED_TIME); // a DOS time only: no zone, no extra fields
                    zip.putNextEntry(entry);
                    Files.copy(folder.resolve(name), zip);
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot zip SavedModel folder " + folder, e);
        }
    }

    /**
     * Unzips archive bytes into a folder (which it creates).
     *
     * @throws IllegalArgumentException when the bytes are not a zip holding a SavedModel
     */
    public static void unzip(byte[] archive, Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            Files.createDirectories(root);
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                entries++;
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IllegalArgumentException("not a SavedModel archive: entry '" + entry.getName() + "' points outside it");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException("not a SavedModel archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip a SavedModel into " + folder, e);
        }
        if (!Files.isRegularFile(root.resolve("saved_model.pb"))) {
            throw new IllegalArgumentException("not a SavedModel archive: " + (entries == 0 ? "the bytes are not a zip"
                    : "no saved_model.pb at its root among its " + entries + " entries"));
        }
    }
}
