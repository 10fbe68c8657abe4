package org.iongov.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real ./iongov script as a user would, in its own process. */
class LauncherScriptTest {

    @TempDir
    Path temp;

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs ./iongov with these variables set and those removed from this process's environment. */
    private static Result iongov(Map<String, String> set, Set<String> unset, String... args)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("iongov.root"));
        List<String> command = new ArrayList<>(List.of(root.resolve("iongov").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(set);
        builder.environment().keySet().removeAll(unset);
        Process process = builder.start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "./iongov finished");
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void unknownVerbGivesOneLineAndNonZeroExit() throws Exception {
        Result result = iongov(Map.of(), Set.of(), "nosuchverb");
        assertEquals(2, result.exitCode());
        assertEquals("iongov: unknown verb 'nosuchverb' (./iongov --help lists the verbs)\n", result.stderr());
    }

    @Test
    void helpListsWorkbench() throws Exception {
        Result result = iongov(Map.of(), Set.of(), "--help");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("workbench"), result.stdout());
    }

    @Test
    void workbenchWithoutDisplaySaysSoInOneLine() throws Exception {
        Result result = iongov(Map.of(), Set.of("DISPLAY", "WAYLAND_DISPLAY"), "workbench");
        assertEquals(2, result.exitCode());
        assertTrue(result.stderr().startsWith("iongov: workbench: no display") && result.stderr().lines().count() == 1,
                result.stderr());
    }

    @Test
    void anAgentStartedByTheScriptRunsAsTheBenchmarkMeasuresItAndItsStatusSaysSo() throws Exception {
        Path root = Path.of(System.getProperty("iongov.root"));
        Path spool = temp.resolve("spool");
        Process agent = new ProcessBuilder(root.resolve("iongov").toString(), "agent", "--server", "http://127.0.0.1:1", "--token", "igv_x",
                "--spool", spool.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("agent.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!org.iongov.agent.Agent.runsOn(spool) && agent.isAlive() && System.nanoTime() < deadline) {
                agent.waitFor(50, TimeUnit.MILLISECONDS);
            }
            assertTrue(org.iongov.agent.Agent.runsOn(spool), Files.readString(temp.resolve("agent.log")));
            // The script execs the JVM: its command line is the agent's, with the agent's options (the overhead benchmark's agent has them too).
            String commandLine = Files.readString(Path.of("/proc", Long.toString(agent.pid()), "cmdline")).replace('\0', ' ');
            for (String option : org.iongov.agent.Agent.JVM_OPTIONS) {
                assertTrue(commandLine.contains(" " + option + " "), commandLine);
            }
            while (!Files.exists(spool.resolve("status.json")) && System.nanoTime() < deadline) {
                agent.waitFor(50, TimeUnit.MILLISECONDS);
            }
            Result running = iongov(Map.of(), Set.of(), "agent", "status", "--spool", spool.toString());
            assertEquals(0, running.exitCode(), running.stderr());
            assertTrue(running.stdout().startsWith("agent:          running"), running.stdout());
            Result second = iongov(Map.of(), Set.of(), "agent", "--server", "http://127.0.0.1:1", "--token", "igv_x", "--spool",
                    spool.toString());
            assertEquals(2, second.exitCode(), second.stdout() + second.stderr());
            assertTrue(second.stderr().contains("another agent runs on the spool folder " + spool + " (pid " + agent.pid() + ")")
                    && second.stderr().lines().count() == 1, second.stderr());
        } finally {
            agent.destroy();
            agent.waitFor(30, TimeUnit.SECONDS);
        }
        Result stopped = iongov(Map.of(), Set.of(), "agent", "status", "--spool", spool.toString());
        assertTrue(stopped.stdout().startsWith("agent:          not running"), stopped.stdout());
    }

    @Test
    void workbenchOnUnwritableStoreSaysSoInOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        Result result = iongov(Map.of("DISPLAY", ":99"), Set.of(), "workbench", "--store", file.resolve("store").toString());
        assertEquals(3, result.exitCode(), result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().startsWith("iongov workbench: cannot use store folder")
                && result.stderr().contains("is a file, not a folder"), result.stderr());
    }
}
