package org.iongov.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.iongov.bench.BenchmarkSuite;
import org.iongov.bench.Figure;

/** {@code ./iongov bench}: runs the benchmarks and writes their figures. */
final class BenchVerb implements Verb {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "run the benchmarks; figures beside goals and the paper's (target/bench/)";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov bench [--quick] [--only NAME,...] [--out DIR]

                Runs the benchmarks on this machine and prints each figure with its goal and, where
                the paper reports one, the paper's figure; writes results.json and results.md.
                Benchmarks: %s.

                  --quick        smaller sizes, the same code paths (a few minutes)
                  --only NAMES   just these benchmarks, comma-separated
                  --out DIR      where results go (default: target/bench under the IonGov checkout)
                """.formatted(String.join(", ", BenchmarkSuite.names()));
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Set.of("--only", "--out"), Set.of("--quick"));
        Options.noPositionals(name(), parsed);
        Set<String> only = new TreeSet<>();
        if (parsed.option("--only") != null) {
            only.addAll(List.of(parsed.option("--only").split(",")));
        }
        String root = System.getenv("IONGOV_ROOT");
        Path outDir = parsed.option("--out") != null ? Path.of(parsed.option("--out"))
                : Path.of(root == null ? "." : root, "target", "bench");
        try {
            List<Figure> figures = BenchmarkSuite.run(parsed.flag("--quick"), only, outDir.toAbsolutePath(), out);
            long missed = figures.stream().filter(f -> Boolean.FALSE.equals(f.met())).count();
            out.println(figures.size() + " figures, " + missed + " goals missed (see docs/benchmarks.md for the analysis)");
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            throw new UsageException("bench: " + e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("benchmark failed: " + e, e);
        }
    }
}
