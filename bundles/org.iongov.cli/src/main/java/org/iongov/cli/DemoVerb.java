package org.iongov.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iongov.demo.Demo;
import org.iongov.demo.DemoOptions;
import org.iongov.demo.DemoSummary;

/** {@code ./iongov demo}: the paper's ION running end to end on real engines, on the embedded store. */
final class DemoVerb implements Verb {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "run the paper's ION on Spark, Flink (and TensorFlow) end to end; answer Scenario 1";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov demo [--topology c|e] [--minutes N] [--store DIR] [--interval SECONDS] [--rate N] [--json]

                Runs the paper's ION end to end on this machine, on the embedded store, with no external
                service: a Spark pipeline retrains a logistic regression (with a hyperparameter search) on
                a generated medical-test recommendation data set, a new model every interval, drifted data
                halfway; each model passes the ION's policy nodes; a Flink pipeline scores a stream of
                patient records with the approved model, swapping models mid-stream. Topology (e) adds a
                TensorFlow neural-network member, threshold checks, an operator's approval (granted by the
                demo as "olivia" through the API) and a canary pipeline. Agents beside each engine forward
                everything to the server. At the end it prints what was trained, approved, deployed and
                stored (like the paper's Table 1) and, for one prediction, the answer to Scenario 1.
                The store it leaves is what ./iongov workbench opens.

                  --topology c|e   Figure 1 (c) retraining with approval (default), or (e) ensemble with canary
                  --minutes N      how long inference runs (default 3)
                  --store DIR      the embedded store folder (default: $IONGOV_STORE, else ~/.iongov/store)
                  --interval S     seconds between training cycles (default 30)
                  --rate N         patient records per second on the stream (default 200)
                  --json           print the summary as JSON
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Set.of("--topology", "--minutes", StoreOptions.STORE, "--interval", "--rate"),
                Set.of("--json"));
        Options.noPositionals(name(), parsed);
        String topology = parsed.option("--topology") == null ? "c" : parsed.option("--topology").toLowerCase(Locale.ROOT);
        if (!topology.equals("c") && !topology.equals("e")) {
            throw new UsageException("demo: --topology must be c or e, was '" + parsed.option("--topology") + "'");
        }
        int minutes = Output.number(parsed, "--minutes", 3, 1, 24 * 60);
        int interval = Output.number(parsed, "--interval", 30, 5, 24 * 3600);
        int rate = Output.number(parsed, "--rate", 200, 1, 100_000);
        String root = System.getenv("IONGOV_ROOT");
        if (root == null) {
            throw new UsageException("demo: run it as ./iongov demo from the IonGov checkout (IONGOV_ROOT is not set)");
        }
        DemoOptions options = new DemoOptions(DemoOptions.Topology.valueOf(topology.toUpperCase(Locale.ROOT)), Duration.ofMinutes(minutes),
                StoreOptions.folder(parsed), Duration.ofSeconds(interval), rate, 0.1, 42, Path.of(root));
        boolean json = parsed.flag("--json");
        try {
            // With --json, progress goes to stderr so that stdout holds only the summary.
            DemoSummary summary = new Demo(options, json ? err : out).run();
            if (json) {
                Output.json(out, summary);
            } else {
                out.print(summary.text());
            }
            return summary.scenario().isPresent() ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (Demo.DemoException e) {
            err.println("iongov demo: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalStateException e) {
            err.println("iongov demo: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("iongov demo: interrupted");
            return ExitCodes.FAILED;
        } catch (java.io.IOException e) {
            err.println("iongov demo: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
