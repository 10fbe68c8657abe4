package org.iongov.agent.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A dataset's content signature as the API records it ({@link RunHandle#datasetRead}): SHA-256
 * over a file's bytes, or over a folder's files in path order with their relative names. Whoever
 * checks a dataset later (a reproduction) computes it the same way.
 *
 * @param sha256 the digest, lowercase hex
 * @param size the bytes read
 */
public record ContentSignature(String sha256, long size) {

    /** Signs a file or folder; an unreadable one is an {@link UncheckedIOException} naming it. */
    public static ContentSignature of(Path path) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            byte[] buffer = new byte[1 << 16];
            for (Path file : files) {
                if (files.size() > 1) {
                    digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                }
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        digest.update(buffer, 0, n);
                        size += n;
                    }
                }
            }
            return new ContentSignature(HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + path + " to sign it", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
