package org.iongov.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;

/**
 * One real run of the demo's topology (c) for a minute, made the first time a test asks for it
 * and shared by the test classes of this JVM (the demo's own test and the reproduction tests), so
 * that Spark and Flink run once for both.
 */
final class DemoFixture {

    /** What the run left: its store folder, its summary and everything it printed. */
    record Run(Path store, DemoSummary summary, String output) {
    }

    private static Run topologyC;

    private DemoFixture() {
    }

    static synchronized Run topologyC() throws Exception {
        if (topologyC == null) {
            // The last run's store stays for a look after the tests (./iongov lineage --store ...); older ones go.
            Path folder = Path.of("target", "demo-fixture").toAbsolutePath();
            if (Files.exists(folder)) {
                try (Stream<Path> old = Files.walk(folder)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(folder);
            Path store = Files.createTempDirectory(folder, "topology-c-").resolve("store");
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream progress = new PrintStream(new TeeStream(printed), true, StandardCharsets.UTF_8);
            DemoOptions options = new DemoOptions(DemoOptions.Topology.C, Duration.ofMinutes(1), store, Duration.ofSeconds(15), 100, 0.5, 42,
                    root());
            DemoSummary summary = new Demo(options, progress).run();
            topologyC = new Run(store, summary, printed.toString(StandardCharsets.UTF_8));
        }
        return topologyC;
    }

    static Path root() {
        return Path.of(System.getProperty("iongov.root"));
    }

    static GovernanceStore open(Path store) {
        return ServiceLoader.load(GovernanceStoreProvider.class).findFirst().orElseThrow().openEmbedded(store);
    }

    /** Shows the demo's progress in the test log while keeping it for assertions. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream copy;

        TeeStream(OutputStream copy) {
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            copy.write(b);
            System.out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            copy.write(b, off, len);
            System.out.write(b, off, len);
        }
    }
}
