package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.iongov.core.store.GovernanceStore;
import org.iongov.demo.ReplayOverrides;
import org.iongov.demo.Reproduction;
import org.iongov.demo.ReproductionReport;

/** {@code ./iongov reproduce}: re-run the training behind a prediction or a model and compare with what was recorded. */
final class ReproduceVerb implements Verb {

    private static final String SET = "--set";
    private static final String DATASET = "--dataset";

    @Override
    public String name() {
        return "reproduce";
    }

    @Override
    public String summary() {
        return "re-run the training behind a prediction or model from its recorded code, parameters and data; compare";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov reproduce --prediction ID | --model ID [--set NAME=VALUE ...] [--dataset OLD=NEW ...] [--json] [store options]

                Follows the recorded messages from the prediction to the run that trained each of its models
                and re-runs that training in a Spark JVM from what the run recorded: its code reference (the
                training class and a SHA-256 of its compiled classes), Spark's version, its parameters and
                the datasets it read. It refuses, naming each difference, when the code, Spark or a dataset's
                content signature is no longer the recorded one. It then compares the model it produces with
                the recorded one (bit for bit, else coefficients and intercept within 1e-6 relative), and
                scores the prediction's recorded input with the recorded and the reproduced model against the
                recorded output (within 1e-12 and 1e-6). Models trained on other engines (the TensorFlow
                member of an ensemble) are not re-run; the report says so. Spark's progress is shown as it
                trains (on stderr with --json). What is compared: docs/reproduce.md.

                --set and --dataset replay an alternative instead (e.g. to investigate bias): it is reported
                as "alternative, not a reproduction" and recorded in the store as a run of the training node
                marked as a replay of the original (with --server, the token needs the agent or admin role).

                  --prediction ID        a prediction's id (./iongov predictions lists them)
                  --model ID             a model's id instead (./iongov models lists them)
                  --set NAME=VALUE       replay with a training parameter changed: seed, maxIter (whole
                                         numbers), regParam, elasticNetParam (a number or a grid such as
                                         0.01,0.1), trainRatio, holdoutFraction; repeatable
                  --dataset OLD=NEW      replay reading file NEW instead of the recorded dataset OLD (its path or
                                         file name); repeatable
                  --json                 print the report as JSON (subject, outcome, summary, checks, ...)
                """ + StoreOptions.HELP + """

                Unless it reproduced, the replay's files (request, Spark log, reproduced model) are kept and
                their folder printed.

                Exit codes: 0 reproduced (every check matched) or an alternative ran; 1 not reproduced (a check
                differs, only part of an ensemble could be re-run, or the prediction's input was not recorded),
                refused (the code, Spark or a dataset changed: the message names it and both values; or the
                training cannot be re-run here), no such prediction or model, or a replay that failed; 2 bad
                usage (an unknown option, a --set value the training cannot take); 3 store unavailable.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<String, Path> datasets = new LinkedHashMap<>();
        List<String> rest = repeatable(args, parameters, datasets);
        Arguments parsed = Arguments.parse(name(), rest, Options.withStore("--prediction", "--model"), Set.of("--json"));
        Options.noPositionals(name(), parsed);
        String prediction = parsed.option("--prediction");
        String model = parsed.option("--model");
        if ((prediction == null) == (model == null)) {
            throw new UsageException("reproduce needs one of --prediction ID or --model ID");
        }
        String root = System.getenv("IONGOV_ROOT") != null ? System.getenv("IONGOV_ROOT") : System.getProperty("iongov.root");
        if (root == null) {
            throw new UsageException("reproduce: run it as ./iongov reproduce from the IonGov checkout (IONGOV_ROOT is not set)");
        }
        boolean json = parsed.flag("--json");
        // With --json, progress goes to stderr so that stdout holds only the report.
        PrintStream progress = json ? err : out;
        ReplayOverrides overrides = new ReplayOverrides(parameters, datasets);
        Path work = temporaryFolder();
        boolean reproduced = false;
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            Reproduction reproduction = new Reproduction(store, Path.of(root), work, progress);
            ReproductionReport report = prediction != null ? reproduction.ofPrediction(prediction, overrides)
                    : reproduction.ofModel(model, overrides);
            reproduced = report.outcome() == ReproductionReport.Outcome.REPRODUCED;
            if (json) {
                Output.json(out, report);
            } else {
                out.print(report.text());
            }
            return reproduced || report.outcome() == ReproductionReport.Outcome.ALTERNATIVE ? ExitCodes.OK : ExitCodes.FAILED;
        } catch (Reproduction.ReproductionException | IllegalStateException e) {
            // No such prediction or model, a replay that failed, or a Spark connector that is not built: the message says what to do.
            err.println("iongov reproduce: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("iongov reproduce: interrupted");
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("iongov reproduce: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            // What a replay left (its request, Spark log, reproduced model) stays unless it reproduced: it shows why.
            if (reproduced || isEmpty(work)) {
                delete(work);
            } else {
                (json ? err : out).println("The replay's files (request, Spark log, model) are kept in " + work);
            }
        }
    }

    /** Takes the repeatable {@code --set k=v} and {@code --dataset old=new} out of the arguments; returns the rest. */
    private List<String> repeatable(List<String> args, Map<String, String> parameters, Map<String, Path> datasets) {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = null;
            String value = null;
            for (String name : List.of(SET, DATASET)) {
                if (arg.equals(name)) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(name() + ": " + name + " needs NAME=VALUE");
                    }
                    option = name;
                    value = args.get(++i);
                } else if (arg.startsWith(name + "=")) {
                    option = name;
                    value = arg.substring(name.length() + 1);
                }
            }
            if (option == null) {
                rest.add(arg);
                continue;
            }
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new UsageException(name() + ": " + option + " takes NAME=VALUE, e.g. " + (option.equals(SET) ? "regParam=0.3"
                        : "batch-2.csv=/tmp/batch-2-without-group.csv") + ", was '" + value + "'");
            }
            String key = value.substring(0, eq);
            String given = value.substring(eq + 1);
            if (option.equals(SET)) {
                parameters.put(key, given);
            } else {
                Path file;
                try {
                    file = Path.of(given).toAbsolutePath().normalize();
                } catch (InvalidPathException e) {
                    throw new UsageException(name() + ": " + DATASET + " " + key + "=" + given + ": not a file path (" + e.getReason() + ")");
                }
                if (!Files.exists(file)) {
                    throw new UsageException(name() + ": " + DATASET + " " + key + "=" + given + ": no file " + file);
                }
                datasets.put(key, file);
            }
        }
        return rest;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("iongov-reproduce-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the replay", e);
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover folder in the temporary directory is harmless.
        }
    }
}
