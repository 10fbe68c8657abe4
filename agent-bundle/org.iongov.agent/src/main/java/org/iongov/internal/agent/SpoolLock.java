package org.iongov.internal.agent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One agent per spool folder: an agent holds an exclusive lock on {@code agent.lock} there for as
 * long as it runs. A second agent on the same folder would append to the same segments and move
 * the same cursor (records lost or sent twice), and its recovery would cut what the first one is
 * writing as a torn write. The operating system releases the lock when the process dies, so the
 * lock also tells whether an agent runs on a folder.
 */
public final class SpoolLock implements AutoCloseable {

    static final String FILE = "agent.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder's lock (creating the folder), noting this process's id in the file.
     *
     * @throws IOException when another agent holds it, naming that agent's process
     */
    public static SpoolLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) { // an agent in this very process holds it
                lock = null;
            }
            if (lock == null) {
                throw new IOException("another agent runs on the spool folder " + folder + " (" + holder(channel)
                        + "): one agent per spool folder");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new SpoolLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether an agent (in any process) holds the folder's lock now. */
    public static boolean held(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer text = ByteBuffer.allocate(64);
            channel.read(text, 0);
            String holder = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).trim();
            return holder.isEmpty() ? "process unknown" : holder;
        } catch (IOException e) {
            return "process unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
