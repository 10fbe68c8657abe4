package org.iongov.connector.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The CPU time of a process's threads, read from {@code /proc} (Linux; empty elsewhere), for the
 * overhead benchmarks: the JVM's own threads (JIT compiler, collector) and an engine's helper
 * threads outlive the timed code, so no timer around it sees what they did meanwhile.
 */
public final class ThreadCpu {

    private ThreadCpu() {
    }

    /** One thread: its name as the kernel keeps it (the first 15 characters) and its CPU time so far, in ms. */
    public record Sample(String name, double millis) {
    }

    /** The threads of a process ({@code self} or a pid) by thread id; threads that end while they are read are left out. */
    public static Map<String, Sample> of(String process) {
        Map<String, Sample> threads = new HashMap<>();
        File[] tasks = new File("/proc/" + process + "/task").listFiles();
        for (File task : tasks == null ? new File[0] : tasks) {
            try {
                String name = Files.readString(task.toPath().resolve("comm")).trim();
                threads.put(task.getName(), new Sample(name, threadMillis(task.toPath())));
            } catch (IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        return threads;
    }

    /**
     * CPU time since the earlier reading, summed by the kind each thread's name maps to; per thread,
     * so that a thread that ended meanwhile subtracts nothing and one that started counts whole.
     */
    public static Map<String, Double> since(Map<String, Sample> earlier, Map<String, Sample> now, Function<String, String> kindOfName) {
        Map<String, Double> byKind = new TreeMap<>();
        now.forEach((id, thread) -> {
            Sample before = earlier.get(id);
            byKind.merge(kindOfName.apply(thread.name()), thread.millis() - (before == null ? 0 : before.millis()), Double::sum);
        });
        return byKind;
    }

    /** The JVM's own threads' kind from their names: "jit" (C1, C2 compilers), "gc" (collectors, and the VM thread, where the serial collector runs), else null. */
    public static String jvmKind(String name) {
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return "jit";
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            return "gc";
        }
        return null;
    }

    /** A process's CPU time (user and system) from {@code /proc/PID/stat}, in ms (10 ms ticks); 0 without a pid or on other systems. */
    public static double processMillis(long pid) {
        try {
            return pid < 0 ? 0 : statMillis(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A thread's CPU time in ms: from its {@code sched} file (the scheduler's own account, to the
     * microsecond) where the kernel keeps one, else from {@code stat} (in 10 ms ticks).
     */
    private static double threadMillis(Path task) throws IOException {
        Path sched = task.resolve("sched");
        if (Files.isReadable(sched)) {
            for (String line : Files.readAllLines(sched)) {
                if (line.startsWith("se.sum_exec_runtime")) {
                    return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        }
        return statMillis(task.resolve("stat"));
    }

    /** User and system time from a {@code stat} file of /proc, in ms (USER_HZ is 100 on Linux). */
    private static double statMillis(Path stat) throws IOException {
        String text = Files.readString(stat);
        // Fields after the ")" that closes the name: state is field 3, utime 14 and stime 15.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return 10 * (Double.parseDouble(fields[11]) + Double.parseDouble(fields[12]));
    }
}
