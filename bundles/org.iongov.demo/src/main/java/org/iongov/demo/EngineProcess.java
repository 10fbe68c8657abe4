package org.iongov.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One engine's pipeline as its own JVM, started from the engine connector's built classes and
 * classpath (each engine keeps its own Scala, Jackson and Netty). Its output is copied to a log
 * file and, prefixed with the engine's name, to the demo's progress. If this JVM ends while the
 * engine's still runs (Ctrl-C during {@code ./iongov demo} or {@code reproduce}), a shutdown hook
 * stops it: an engine JVM is never left behind.
 */
public final class EngineProcess implements AutoCloseable {

    private static final int TAIL_LINES = 30;

    private final String name;
    private final Process process;
    private final Thread pump;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread stopOnExit;

    private EngineProcess(String name, Process process, Path log, PrintStream progress) throws IOException {
        this.name = name;
        this.process = process;
        // At shutdown, a shorter grace: the user is waiting for the command to end.
        stopOnExit = new Thread(() -> stop(5), "demo-" + name + "-stop-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        // Once the engine has ended there is nothing to stop: the hook goes (it would keep this object).
        process.onExit().thenRun(this::removeShutdownHook);
        Writer out;
        try {
            out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            close();
            throw e;
        }
        pump = new Thread(() -> copy(out, progress), "demo-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts {@code mainClass} with the classes and engine classpath of the given connector
     * modules (folders under {@code engine-connectors}).
     */
    public static EngineProcess start(String name, Path root, List<String> modules, String heap, String mainClass, List<String> args,
            Path log, PrintStream progress) throws IOException {
        return start(name, root, modules, List.of("-Xmx" + heap), Map.of(), mainClass, args, log, progress);
    }

    /** Like the other start, with JVM options and environment variables of the engine's own. */
    public static EngineProcess start(String name, Path root, List<String> modules, List<String> jvmOptions, Map<String, String> environment,
            String mainClass, List<String> args, Path log, PrintStream progress) throws IOException {
        List<String> classpath = new ArrayList<>();
        for (String module : modules) {
            classpath.addAll(classpathOf(root, module));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classpath));
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new EngineProcess(name, process, log, progress);
    }

    /** The module's classes and its engine classpath, as the build wrote them. */
    public static List<String> classpathOf(Path root, String module) {
        Path target = root.resolve("engine-connectors").resolve(module).resolve("target");
        Path classes = target.resolve("classes");
        Path listed = target.resolve("engine-classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(listed)) {
            throw new IllegalStateException("the " + module + " connector is not built (no " + root.relativize(listed)
                    + "): build IonGov first with ./mvnw -B -DskipTests install");
        }
        try {
            List<String> entries = new ArrayList<>();
            entries.add(classes.toString());
            for (String entry : Files.readString(listed).trim().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void copy(Writer log, PrintStream progress) {
        try (log; BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                log.write(line);
                log.write('\n');
                log.flush();
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
                if (shown(line)) {
                    progress.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            progress.println("[" + name + "] output lost: " + e.getMessage());
        }
    }

    /** Engines log a lot; the demo shows the pipelines' own progress lines and problems. */
    private static boolean shown(String line) {
        return !line.isBlank() && !line.startsWith("\t") && !line.contains(" INFO ") && !line.contains(" DEBUG ")
                && !line.startsWith("SLF4J") && !line.startsWith("WARNING: ") && !line.contains(" WARN ");
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end; returns its exit code, or -1 if it was still running and was stopped. */
    public int await(long timeout, TimeUnit unit) throws InterruptedException {
        if (!process.waitFor(timeout, unit)) {
            close();
            return -1;
        }
        pump.join(2000);
        return process.exitValue();
    }

    /** The last lines it printed, for error reports. */
    public List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    @Override
    public void close() {
        stop(10);
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is ending: the hook runs (or ran) and finds the engine already ended.
        }
    }

    /** Asks the engine to end, and makes it when it has not within the grace period. */
    private void stop(int graceSeconds) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
