package org.iongov.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.iongov.core.access.AccessToken;
import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.store.GovernanceStore;

/** {@code ./iongov token create|list|revoke}. */
final class TokenVerb implements Verb {

    @Override
    public String name() {
        return "token";
    }

    @Override
    public String summary() {
        return "issue, list and revoke access tokens (per user and per agent)";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov token create --user U --role ROLE [store options]
                       ./iongov token list [--json] [store options]
                       ./iongov token revoke TOKEN-ID [store options]

                Roles: agent (writes metadata), data-scientist (reads, uploads IONs), operator
                (approves, rejects, rolls back), auditor (reads everything, exports), admin.
                create prints the new token's secret on its last line; only its hash is stored.

                """ + StoreOptions.HELP;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args, Options.withStore("--user", "--role"), Set.of("--json"));
        List<String> positionals = parsed.positionals();
        if (positionals.isEmpty()) {
            throw new UsageException("token: say create, list or revoke (see ./iongov token --help)");
        }
        String action = positionals.get(0);
        try (GovernanceStore store = StoreOptions.open(parsed)) {
            switch (action) {
                case "create" -> {
                    String user = parsed.option("--user");
                    String roleName = parsed.option("--role");
                    if (user == null || roleName == null) {
                        throw new UsageException("token create needs --user U and --role ROLE");
                    }
                    Role role = Role.fromWireName(roleName).orElseThrow(
                            () -> new UsageException("token create: role '" + roleName + "' is not one of " + Role.wireNames()));
                    IssuedToken issued = store.createToken(user, role, StoreOptions.localActor());
                    out.println("token " + issued.token().id() + " for " + user + " (" + role.wireName() + "); its secret, shown only now:");
                    out.println(issued.secret());
                }
                case "list" -> {
                    List<AccessToken> tokens = store.tokens();
                    if (parsed.flag("--json")) {
                        Output.json(out, tokens);
                    } else {
                        Output.table(out, List.of("ID", "USER", "ROLE", "CREATED"), tokens.stream()
                                .map(t -> Output.row(t.id(), t.user(), t.role().wireName(), t.createdAt())).toList());
                    }
                }
                case "revoke" -> {
                    if (positionals.size() != 2) {
                        throw new UsageException("token revoke needs the token's id (see ./iongov token list)");
                    }
                    if (!store.revokeToken(positionals.get(1), StoreOptions.localActor())) {
                        err.println("iongov token: no active token '" + positionals.get(1) + "'");
                        return ExitCodes.FAILED;
                    }
                    out.println("revoked " + positionals.get(1));
                }
                default -> throw new UsageException("token: unknown action '" + action + "'; say create, list or revoke");
            }
            return ExitCodes.OK;
        }
    }
}
