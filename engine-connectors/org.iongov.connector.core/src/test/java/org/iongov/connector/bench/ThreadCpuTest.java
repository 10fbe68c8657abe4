package org.iongov.connector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aThreadThatWorksIsChargedItsCpuUnderItsKindAndOneThatEndedSubtractsNothing() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
        Map<String, ThreadCpu.Sample> before = ThreadCpu.of("self");
        AtomicLong sink = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread busy = new Thread(() -> {
            while (!stop.get()) {
                sink.addAndGet(spin(1_000_000L));
            }
        }, "iongov-test-busy-thread");
        busy.start();
        Thread ended = new Thread(() -> sink.addAndGet(spin(1_000_000L)), "iongov-test-ended");
        ended.start();
        ended.join();
        // Until the busy thread has worked a few ms by the JVM's own account (on a loaded machine it may wait for a CPU).
        java.lang.management.ThreadMXBean jvmThreads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (jvmThreads.getThreadCpuTime(busy.getId()) < 5_000_000L && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Map<String, ThreadCpu.Sample> during = ThreadCpu.of("self");
        stop.set(true);
        busy.join();

        assertTrue(during.values().stream().anyMatch(t -> t.name().equals("iongov-test-bus")),
                "the kernel keeps 15 characters of a name: " + during.values());
        Map<String, Double> byKind = ThreadCpu.since(before, during, name -> name.equals("iongov-test-bus") ? "busy" : "rest");
        assertTrue(byKind.getOrDefault("busy", 0.0) > 1, "the busy thread's CPU is counted: " + byKind);
        assertTrue(byKind.values().stream().allMatch(ms -> ms >= 0), "nothing negative: " + byKind);
        assertEquals(Map.of(), ThreadCpu.since(during, Map.of(), name -> "any"), "no threads now: nothing");
    }

    @Test
    void theJvmsOwnThreadsAreKnownByTheirNames() {
        assertEquals("jit", ThreadCpu.jvmKind("C2 CompilerThre"));
        assertEquals("jit", ThreadCpu.jvmKind("C1 CompilerThre"));
        assertEquals("gc", ThreadCpu.jvmKind("VM Thread"));
        assertEquals("gc", ThreadCpu.jvmKind("G1 Young RemSet"));
        assertNull(ThreadCpu.jvmKind("main"));
    }

    @Test
    void aProcesssCpuIsReadAndAMissingOneIsZero() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "Linux only");
        spin(100_000_000L);
        long pid = ManagementFactory.getRuntimeMXBean().getPid();
        assertTrue(ThreadCpu.processMillis(pid) > 0, "this JVM has used CPU");
        assertEquals(0, ThreadCpu.processMillis(-1));
        assertEquals(0, ThreadCpu.processMillis(Long.MAX_VALUE), "no such process");
    }

    /** Work the JIT cannot remove: about {@code iterations} steps of a generator. */
    private static long spin(long iterations) {
        long x = 1;
        for (long i = 0; i < iterations; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
