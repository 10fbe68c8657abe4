package org.iongov.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What every benchmark gets: the size to run at, a scratch folder, and where to say what it is
 * doing (long work shows progress).
 *
 * @param quick smaller sizes, same code paths
 * @param scratch a folder for stores, deleted afterwards
 * @param progress where progress lines go
 */
public record BenchContext(boolean quick, Path scratch, PrintStream progress) {

    /** A new empty folder under scratch. */
    Path folder(String name) throws IOException {
        Path folder = scratch.resolve(name);
        delete(folder);
        return Files.createDirectories(folder);
    }

    void say(String line) {
        progress.println("  " + line);
        progress.flush();
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
