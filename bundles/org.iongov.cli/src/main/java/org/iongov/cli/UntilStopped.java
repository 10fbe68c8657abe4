package org.iongov.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** Long-running verbs (server, agent): say they are up, then run until Ctrl-C or SIGTERM. */
final class UntilStopped {

    private UntilStopped() {
    }

    /**
     * Prints the banner, then blocks until the process is asked to stop; {@code shutdown} runs
     * in the shutdown hook, before the process exits.
     */
    static int run(PrintStream out, String banner, String name, Runnable shutdown) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.run();
            stopped.countDown();
        }, "iongov-" + name + "-shutdown"));
        out.println(banner);
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }
}
