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
    void workbenchOnUnwritableStoreSaysSoInOneLine() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");
        Result result = iongov(Map.of("DISPLAY", ":99"), Set.of(), "workbench", "--store", file.resolve("store").toString());
        assertEquals(3, result.exitCode(), result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().startsWith("iongov workbench: cannot use store folder")
                && result.stderr().contains("is a file, not a folder"), result.stderr());
    }
}
