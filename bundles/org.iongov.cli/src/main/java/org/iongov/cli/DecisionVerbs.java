package org.iongov.cli;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Set;

import org.iongov.client.RemoteDecisions;
import org.iongov.core.policy.ModelPropagation.HumanDecision;
import org.iongov.core.policy.ModelPropagation.PendingApproval;

/**
 * The approval queue from the command line: {@code queue}, {@code approve}, {@code reject},
 * {@code rollback}. They go through a server, which knows who decides from the token.
 */
final class DecisionVerbs {

    private DecisionVerbs() {
    }

    private static RemoteDecisions connect(String verb, Arguments args) {
        String server = args.option(StoreOptions.SERVER);
        String token = args.option(StoreOptions.TOKEN) != null ? args.option(StoreOptions.TOKEN) : System.getenv(StoreOptions.TOKEN_ENV);
        if (server == null || token == null) {
            throw new UsageException(verb + " needs --server URL and --token T (or $" + StoreOptions.TOKEN_ENV
                    + "): decisions are made on a server, which knows who you are from your token");
        }
        return new RemoteDecisions(URI.create(server), token);
    }

    private static final String SERVER_HELP = """
              --server URL      the IonGov server, e.g. http://127.0.0.1:8470
              --token T         your token (role operator to decide; default: $IONGOV_TOKEN)
            """;

    static Verb queue() {
        return new Verb() {
            @Override
            public String name() {
                return "queue";
            }

            @Override
            public String summary() {
                return "the approval queue: models waiting for people to decide";
            }

            @Override
            public String help() {
                return "Usage: ./iongov queue [--instance ID] [--json] --server URL --token T\n\n"
                        + "Lists the models parked at human-approval policy nodes, oldest first.\n\n" + SERVER_HELP;
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                Arguments parsed = Arguments.parse(name(), args, Set.of(StoreOptions.SERVER, StoreOptions.TOKEN, "--instance"), Set.of("--json"));
                Options.noPositionals(name(), parsed);
                List<PendingApproval> pending = connect(name(), parsed).pending(parsed.option("--instance"));
                if (parsed.flag("--json")) {
                    Output.json(out, pending);
                } else {
                    Output.table(out, List.of("MESSAGE", "MODEL", "INSTANCE", "POLICY NODE", "WAITING SINCE", "APPROVALS"), pending.stream()
                            .map(p -> Output.row(p.messageId(), p.modelId(), p.instanceId(), p.policyNode(), p.waitingSince(),
                                    p.approvals() + " of " + p.required()))
                            .toList());
                }
                return ExitCodes.OK;
            }
        };
    }

    static Verb decide(boolean approve) {
        String verb = approve ? "approve" : "reject";
        return new Verb() {
            @Override
            public String name() {
                return verb;
            }

            @Override
            public String summary() {
                return approve ? "approve a waiting model (see ./iongov queue)" : "reject a waiting model, with a comment";
            }

            @Override
            public String help() {
                return "Usage: ./iongov " + verb + " MESSAGE-ID [--comment TEXT] --server URL --token T\n\n"
                        + (approve ? "Approves the model the message carries at its human-approval node. When the policy's number\n"
                                + "of distinct approvers is reached, the model goes on to the inference pipelines. A person may not\n"
                                + "approve a model of a run they started when the policy asks for separation of duties.\n"
                                : "Rejects the model the message carries: it goes no further.\n")
                        + "\n  --comment TEXT    why (kept with the decision)\n" + SERVER_HELP;
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                Arguments parsed = Arguments.parse(name(), args, Set.of(StoreOptions.SERVER, StoreOptions.TOKEN, "--comment"), Set.of());
                if (parsed.positionals().size() != 1) {
                    throw new UsageException(verb + " needs the message id of a waiting model (see ./iongov queue)");
                }
                if (!approve && parsed.option("--comment") == null) {
                    throw new UsageException("reject needs --comment: say why the model is rejected");
                }
                HumanDecision decision = connect(name(), parsed).decide(parsed.positionals().get(0), approve, parsed.option("--comment"));
                out.println(decision.status() + ": " + decision.reason());
                return ExitCodes.OK;
            }
        };
    }

    static Verb rollback() {
        return new Verb() {
            @Override
            public String name() {
                return "rollback";
            }

            @Override
            public String summary() {
                return "send a model an inference node used before back to it";
            }

            @Override
            public String help() {
                return "Usage: ./iongov rollback --instance ID --node NAME --model ID [--comment TEXT] --server URL --token T\n\n"
                        + "Re-deploys a model the node used before; recorded as a rollback by you.\n\n" + SERVER_HELP;
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                Arguments parsed = Arguments.parse(name(), args,
                        Set.of(StoreOptions.SERVER, StoreOptions.TOKEN, "--instance", "--node", "--model", "--comment"), Set.of());
                Options.noPositionals(name(), parsed);
                if (parsed.option("--instance") == null || parsed.option("--node") == null || parsed.option("--model") == null) {
                    throw new UsageException("rollback needs --instance, --node and --model");
                }
                String message = connect(name(), parsed).rollback(parsed.option("--instance"), parsed.option("--node"),
                        parsed.option("--model"), parsed.option("--comment"));
                out.println("rolled " + parsed.option("--node") + " back to " + parsed.option("--model") + " (message " + message + ")");
                return ExitCodes.OK;
            }
        };
    }
}
