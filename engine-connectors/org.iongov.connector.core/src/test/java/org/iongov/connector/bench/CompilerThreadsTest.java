package org.iongov.connector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompilerThreadsTest {

    @Test
    void theCompilerThreadsAreMovedToTheCpusAskedAndOnlyThey() throws IOException {
        assumeTrue(CompilerThreads.canPlace(), "Linux with taskset only");
        String all = CompilerThreads.allowedCpus();
        String[] cpus = all.split("[,-]");
        String last = cpus[cpus.length - 1];
        String mainThread = allowed(Path.of("/proc/thread-self/status"));
        try {
            int moved = CompilerThreads.moveTo(last);

            assertTrue(moved >= 1, "a JVM with a JIT has compiler threads");
            List<String> compilers = new ArrayList<>();
            for (File task : new File("/proc/self/task").listFiles()) {
                String name = Files.readString(task.toPath().resolve("comm")).trim();
                if ("jit".equals(ThreadCpu.jvmKind(name))) {
                    compilers.add(name + " " + allowed(task.toPath().resolve("status")));
                    assertEquals(last, allowed(task.toPath().resolve("status")), name + " is on the CPU asked");
                }
            }
            assertEquals(moved, compilers.size(), "each compiler thread moved once: " + compilers);
            assertEquals(mainThread, allowed(Path.of("/proc/thread-self/status")), "other threads stay where they were");
        } finally {
            CompilerThreads.moveTo(all);
        }
    }

    @Test
    void aCpuThisProcessCannotUseIsAClearError() {
        assumeTrue(CompilerThreads.canPlace(), "Linux with taskset only");
        IOException e = assertThrows(IOException.class, () -> CompilerThreads.moveTo("100000"));
        assertTrue(e.getMessage().startsWith("taskset -p -c 100000 "), e.getMessage());
    }

    private static String allowed(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new IOException("no Cpus_allowed_list in " + status);
    }
}
