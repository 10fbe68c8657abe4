package org.iongov.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iongov.core.store.StoreException;

/**
 * {@code ./iongov <verb>}: one command line for the headless parts. Errors a user can cause are
 * one line on stderr with a non-zero exit code; only internal faults print a stack trace.
 */
public final class IonGovCli {

    private final Map<String, Verb> verbs = new LinkedHashMap<>();

    IonGovCli() {
        for (Verb verb : List.of(new ServerVerb(), new AgentVerb(), new StoreVerb(), new IonVerb(), new TokenVerb(), new IngestVerb(), QueryVerbs.runs(),
                QueryVerbs.statistics(), QueryVerbs.models(), QueryVerbs.events(), QueryVerbs.approvals(), QueryVerbs.predictions(), new LineageVerb(), DecisionVerbs.queue(), DecisionVerbs.decide(true), DecisionVerbs.decide(false),
                DecisionVerbs.rollback(), new AuditVerb(), new RetentionVerb(),
                new DemoVerb(), new ReproduceVerb(), new BenchVerb())) {
            verbs.put(verb.name(), verb);
        }
    }

    public static void main(String[] args) {
        int code = new IonGovCli().run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }

    int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(overview());
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        Verb verb = verbs.get(args[0]);
        if (verb == null) {
            err.println("iongov: unknown verb '" + args[0] + "' (./iongov --help lists the verbs)");
            return ExitCodes.USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.print(verb.help());
            return ExitCodes.OK;
        }
        try {
            return verb.run(rest, out, err);
        } catch (UsageException e) {
            err.println("iongov " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (StoreException e) {
            err.println("iongov " + verb.name() + ": " + e.getMessage());
            return ExitCodes.STORE_UNAVAILABLE;
        } catch (IllegalArgumentException e) {
            // Refusals of what the user asked for (a server's 400, a bad limit): their message says why.
            err.println("iongov " + verb.name() + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("iongov " + verb.name() + ": internal error: " + e);
            e.printStackTrace(err);
            return ExitCodes.INTERNAL;
        }
    }

    /** The verb list; {@code workbench} is run by the ./iongov script itself, not in this JVM. */
    String overview() {
        StringBuilder text = new StringBuilder("""
                IonGov: production ML model governance.

                Usage: ./iongov <verb> [options]      ./iongov <verb> --help for a verb's options

                Verbs:
                """);
        text.append(String.format("  %-11s %s%n", "workbench", "start the IonGov workbench (builds it first when missing)"));
        for (Verb verb : verbs.values()) {
            text.append(String.format("  %-11s %s%n", verb.name(), verb.summary()));
        }
        text.append("""

                Exit codes: 0 ok, 1 the answer is no, 2 bad usage, 3 store unavailable, 70 internal error.
                """);
        return text.toString();
    }
}
