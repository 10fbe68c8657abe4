package org.iongov.connector.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts this JVM's JIT compiler threads on CPUs of their own (Linux, {@code taskset}), for the
 * overhead benchmarks: a Spark training keeps its compiler busy for a random 0.1 to 0.9 s of
 * every 2.5 s run, and on the run's own CPU that randomness, not the code measured, decides
 * which run of a pair is slower. A compiler thread the JVM adds later inherits the affinity of
 * the compiler thread that starts it.
 */
public final class CompilerThreads {

    private CompilerThreads() {
    }

    /**
     * Moves every compiler thread of this JVM to {@code cpus} (taskset's list form: "1", "1-3",
     * "0,2"); returns how many it moved.
     *
     * @throws IOException when there is no {@code /proc} or {@code taskset}, or taskset refuses (e.g. a CPU this process may not use)
     */
    public static int moveTo(String cpus) throws IOException {
        File[] tasks = new File("/proc/self/task").listFiles();
        if (tasks == null) {
            throw new IOException("no /proc/self/task: compiler threads can only be placed on Linux");
        }
        int moved = 0;
        for (File task : tasks) {
            String name;
            try {
                name = Files.readString(task.toPath().resolve("comm"), StandardCharsets.UTF_8).trim();
            } catch (IOException ended) {
                continue;
            }
            if ("jit".equals(ThreadCpu.jvmKind(name))) {
                taskset(cpus, task.getName());
                moved++;
            }
        }
        return moved;
    }

    /** The CPUs this process may use, as {@code /proc/self/status} lists them ("0-1", "0,2"); null where there is no such file. */
    public static String allowedCpus() {
        try {
            for (String line : Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux as we know it
        }
        return null;
    }

    /** Whether this process can place threads: Linux's /proc and {@code taskset} on the path. */
    public static boolean canPlace() {
        if (allowedCpus() == null) {
            return false;
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(java.nio.file.Path.of(folder, "taskset"))) {
                return true;
            }
        }
        return false;
    }

    private static void taskset(String cpus, String threadId) throws IOException {
        List<String> command = new ArrayList<>(List.of("taskset", "-p", "-c", cpus, threadId));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in 30 s");
            }
            // A thread that ended meanwhile is no failure: taskset then says it failed to get its affinity.
            if (process.exitValue() != 0 && new File("/proc/self/task/" + threadId).exists()) {
                throw new IOException(String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while placing the compiler threads", e);
        }
    }
}
