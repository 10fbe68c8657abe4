package org.iongov.internal.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.iongov.ui.model.connections.ConnectionStorage;

/**
 * Remembered connections in Eclipse secure storage ({@code org.eclipse.equinox.security}): a node
 * per connection under {@code /org.iongov.ui/connections}, its name and URL in the clear, its
 * token encrypted.
 * <p>
 * The storage is a file of its own, {@code ~/.iongov/secure_storage} (or the file the
 * {@code iongov.secureStorage} system property names, as the UI tests do), so the workbench's
 * tokens neither mix with an Eclipse IDE's storage nor depend on a password provider that asks
 * for a master password in a dialog: its master password is a random key kept beside it in
 * {@code secure_storage.key}, readable by its owner only, made at first use. Nothing prompts,
 * so it works the same on a desktop, under Xvfb and in tests; what protects the tokens is the
 * encryption of the storage file and the owner-only key file (as an SSH key is protected).
 * Eclipse's own {@code -eclipse.password FILE} argument, when given, supplies the master
 * password instead. Opened on first use, so the workbench starts even when it cannot be read.
 */
final class SecureConnectionStorage implements ConnectionStorage {

    /** System property naming the storage file (tests, launchers). */
    static final String LOCATION_PROPERTY = "iongov.secureStorage";
    static final String NODE = "/org.iongov.ui/connections";

    private final Path file;
    private ISecurePreferences root;

    SecureConnectionStorage(Path file) {
        this.file = file;
    }

    /** The storage file: {@code iongov.secureStorage}, else {@code ~/.iongov/secure_storage}. */
    static Path defaultLocation() {
        String property = System.getProperty(LOCATION_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".iongov", "secure_storage");
    }

    Path file() {
        return file;
    }

    private synchronized ISecurePreferences node() {
        if (root == null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Map<Object, Object> options = new HashMap<>();
                options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
                options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(masterPassword()));
                root = SecurePreferencesFactory.open(file.toUri().toURL(), options);
            } catch (IOException | RuntimeException e) {
                throw new Unavailable("the secure storage " + file + " cannot be opened: " + e.getMessage(), e);
            }
        }
        return root.node(NODE);
    }

    /** The key in {@code <storage>.key}, made with owner-only permissions the first time. */
    private char[] masterPassword() throws IOException {
        Path key = file.resolveSibling(file.getFileName() + ".key");
        if (!Files.exists(key)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            byte[] text = Base64.getEncoder().withoutPadding().encode(random);
            try {
                Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(key, text, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (FileAlreadyExistsException e) {
                // another workbench made it meanwhile: use theirs
            } catch (UnsupportedOperationException e) {
                Files.write(key, text, StandardOpenOption.CREATE_NEW); // not a POSIX file system
            } finally {
                Arrays.fill(random, (byte) 0);
            }
        }
        return new String(Files.readAllBytes(key), StandardCharsets.US_ASCII).strip().toCharArray();
    }

    @Override
    public List<String> ids() {
        return List.of(node().childrenNames());
    }

    @Override
    public Optional<String> get(String id, String key) {
        ISecurePreferences connections = node();
        if (!connections.nodeExists(id)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(connections.node(id).get(key, null));
        } catch (StorageException e) {
            throw new Unavailable("the secure storage " + file + " cannot decrypt the " + key + " of connection " + id + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void put(String id, String key, String value, boolean secret) {
        try {
            node().node(id).put(key, value, secret);
        } catch (StorageException e) {
            throw new Unavailable("the secure storage " + file + " cannot encrypt the " + key + " of connection " + id + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean isEncrypted(String id, String key) {
        try {
            return node().nodeExists(id) && node().node(id).isEncrypted(key);
        } catch (StorageException e) {
            throw new Unavailable("the secure storage " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String id) {
        if (node().nodeExists(id)) {
            node().node(id).removeNode();
        }
    }

    @Override
    public void flush() {
        try {
            node().flush();
        } catch (IOException e) {
            throw new Unavailable("the secure storage " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
