package org.iongov.connector.spark.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zips a folder so that the same files always give the same bytes (sorted names, fixed times). */
public final class DeterministicZip {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private DeterministicZip() {
    }

    public static byte[] zip(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<String> names = files.stream().map(f -> folder.relativize(f).toString().replace('\\', '/')).sorted().toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            for (String name : names) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTimeLocal(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(Files.readAllBytes(folder.resolve(name)));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Unzips into the folder; entries may not leave it. */
    public static void unzip(byte[] zipped, Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry " + entry.getName() + " points outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, zip.readAllBytes());
                }
            }
        }
    }

    /** Deletes a folder and what it holds. */
    public static void delete(Path folder) throws IOException {
        org.iongov.connector.files.Folders.delete(folder);
    }
}
