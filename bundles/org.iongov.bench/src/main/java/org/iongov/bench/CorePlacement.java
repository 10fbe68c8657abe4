package org.iongov.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Which CPUs the overhead benchmark's processes run on. In the paper's deployment (and ours) the
 * governance server runs on its own machine while the agent runs beside the engine: so the engine
 * and its agent get the pipeline's CPU (the first this process may use) and this JVM (server and
 * store) the others, and what the
 * server spends storing the records is not counted against the pipeline. Linux CPU affinity
 * ({@code taskset}) is inherited by child processes from the thread that starts them.
 */
final class CorePlacement {

    private final String pipelineCpus;
    private final String serverCpus;
    private final String allCpus;

    private CorePlacement(String pipelineCpus, String serverCpus, String allCpus) {
        this.pipelineCpus = pipelineCpus;
        this.serverCpus = serverCpus;
        this.allCpus = allCpus;
    }

    /**
     * The pipeline on the first allowed CPU, the server on the rest; null when that cannot be done here (one CPU,
     * no {@code taskset}) or when {@code -Diongov.bench.placement=shared} asks for everything on
     * all CPUs.
     */
    static CorePlacement isolatedOrNull() {
        if ("shared".equals(System.getProperty("iongov.bench.placement")) || !Files.isDirectory(Path.of("/proc/thread-self"))
                || !onPath("taskset")) {
            return null;
        }
        List<Integer> allowed = allowedCpus();
        if (allowed.size() < 2) {
            return null;
        }
        String rest = String.join(",", allowed.subList(1, allowed.size()).stream().map(String::valueOf).toList());
        return new CorePlacement(String.valueOf(allowed.get(0)), rest, String.join(",", allowed.stream().map(String::valueOf).toList()));
    }

    /** The CPUs this process may run on (its cpuset may not start at 0), from /proc/self/status. */
    private static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    List<Integer> cpus = new ArrayList<>();
                    for (String part : line.substring(line.indexOf(':') + 1).trim().split(",")) {
                        String[] range = part.split("-");
                        int from = Integer.parseInt(range[0].trim());
                        int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                        for (int c = from; c <= to; c++) {
                            cpus.add(c);
                        }
                    }
                    return cpus;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux as we know it: no placement
        }
        return List.of();
    }

    /** The server's CPUs, in taskset's list form. */
    String serverCpus() {
        return serverCpus;
    }

    String describe() {
        return "engine and agent on CPU " + pipelineCpus + ", server and store on CPU " + serverCpus;
    }

    /** Moves this JVM (every thread it has, and so every thread they start) to the server's CPUs. */
    void serverHere() throws IOException, InterruptedException {
        taskset("-a", "-p", "-c", serverCpus, Long.toString(ProcessHandle.current().pid()));
    }

    /** Gives this JVM back the CPUs it had. */
    void release() throws IOException, InterruptedException {
        taskset("-a", "-p", "-c", allCpus, Long.toString(ProcessHandle.current().pid()));
    }

    /** Runs {@code start} with this thread on the pipeline's CPUs, so the processes it starts inherit them. */
    <T> T onPipelineCpus(Callable<T> start) throws Exception {
        String thread = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        taskset("-p", "-c", pipelineCpus, thread);
        try {
            return start.call();
        } finally {
            // Threads started meanwhile (e.g. one copying the child's output) go back to the server's CPUs too.
            serverHere();
        }
    }

    private static void taskset(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 30 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.trim());
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
