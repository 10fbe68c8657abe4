package org.iongov.demo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine's JVM does not outlive the JVM that started it: stopping {@code ./iongov reproduce} or
 * {@code demo} (Ctrl-C, a SIGTERM) stops the engine too. Real processes: this test starts a JVM
 * (as the CLI) that starts an engine JVM through {@link EngineProcess}, then terminates the first.
 */
class EngineProcessTest {

    @TempDir
    Path temp;

    @Test
    void anEngineStopsWhenTheJvmThatStartedItIsTerminated() throws Exception {
        // A connector as the build leaves one: its classes and its engine classpath (here: these tests' own).
        Path target = Files.createDirectories(temp.resolve("root/engine-connectors/org.iongov.connector.test/target"));
        Files.createDirectories(target.resolve("classes"));
        Files.writeString(target.resolve("engine-classpath.txt"), System.getProperty("java.class.path"));
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Cli.class.getName(), temp.resolve("root").toString(), temp.resolve("engine.log").toString())
                .redirectErrorStream(true).start();
        ProcessHandle engine = null;
        try {
            BufferedReader printed = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String l; (l = printed.readLine()) != null;) {
                        if (l.startsWith("engine ")) {
                            return l;
                        }
                    }
                    return "ended";
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }).get(2, TimeUnit.MINUTES);
            assertTrue(line.startsWith("engine "), line);
            engine = ProcessHandle.of(Long.parseLong(line.substring("engine ".length()))).orElseThrow();
            assertTrue(engine.isAlive());

            cli.destroy(); // SIGTERM, as Ctrl-C or a kill: the JVM runs its shutdown hooks
            assertTrue(cli.waitFor(1, TimeUnit.MINUTES), "the CLI's JVM ends");
            engine.onExit().get(1, TimeUnit.MINUTES);
            assertFalse(engine.isAlive(), "the engine's JVM was stopped with it");
        } finally {
            cli.destroyForcibly();
            Optional.ofNullable(engine).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    /** The CLI's part: starts an engine, says which process it is, then waits to be stopped. */
    public static final class Cli {
        public static void main(String[] args) throws Exception {
            Path root = Path.of(args[0]);
            EngineProcess.start("test", root, List.of("org.iongov.connector.test"), "64m", Engine.class.getName(),
                    List.of(), Path.of(args[1]), new PrintStream(System.err, true, StandardCharsets.UTF_8));
            long pid = ProcessHandle.current().children().findFirst().orElseThrow().pid();
            System.out.println("engine " + pid);
            new CountDownLatch(1).await();
        }
    }

    /** The engine's part: runs until stopped. */
    public static final class Engine {
        public static void main(String[] args) throws Exception {
            new CountDownLatch(1).await();
        }
    }
}
