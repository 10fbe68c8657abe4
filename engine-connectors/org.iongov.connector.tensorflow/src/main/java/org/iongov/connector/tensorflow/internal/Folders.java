package org.iongov.connector.tensorflow.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Temporary folders for SavedModels on their way to or from bytes. */
public final class Folders {

    private Folders() {
    }

    public static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for a SavedModel", e);
        }
    }

    /** Deletes a folder and everything in it; a missing folder is fine. */
    public static void delete(Path folder) {
        try {
            org.iongov.connector.files.Folders.delete(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary folder " + folder, e);
        }
    }
}
