package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
import org.iongov.core.compliance.CompliancePolicies;
import org.iongov.core.compliance.CompliancePolicy;
import org.iongov.core.store.GovernanceStore;
import org.iongov.server.GovernanceServer;
import org.iongov.server.IonDefinitionCheck;
import org.iongov.server.ServerOptions;

/** {@code ./iongov server}: serves a store over HTTP until stopped. */
final class ServerVerb implements Verb {

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String summary() {
        return "serve a governance store over HTTP (loopback by default)";
    }

    @Override
    public String help() {
        return """
                Usage: ./iongov server [--port P] [--bind ADDRESS] [--store DIR | --store-url URL]
                                       [--max-body-mb N] [--max-batch N]
                                       [--compliance-interval D] [--compliance-policies FILE]

                Serves the governance store over HTTP (API: docs/api.md) until it is stopped (Ctrl-C
                or SIGTERM). Every request needs a bearer token. When the store has no token yet, an
                admin token is created and printed once; issue more with ./iongov token create.

                  --port P          the port (default 8470; 0 picks a free one)
                  --bind ADDRESS    the address to listen on (default: loopback only)
                  --store DIR       an embedded store folder (default: $IONGOV_STORE, else ~/.iongov/store)
                  --store-url URL   a store behind a Derby network server, e.g. jdbc:derby://host:1527/iongov
                  --max-body-mb N   refuse request bodies larger than N MiB (default 32)
                  --max-batch N     refuse ingest batches of more than N records (default 100000)
                  --compliance-interval D   run the compliance policies every D (e.g. 30s, 5m, 1h; default 5m)
                                    over what was recorded since the last run; 0 runs them only on request
                  --compliance-policies FILE   which policies (docs/api.md, "Compliance"; default: the built-in ones)

                Started as ./iongov server from a built checkout, it also replays recorded trainings for
                remote investigators (POST /api/v1/reproductions, as ./iongov reproduce does locally).
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args,
                Set.of(StoreOptions.STORE, StoreOptions.STORE_URL, "--port", "--bind", "--max-body-mb", "--max-batch",
                        "--compliance-interval", "--compliance-policies"), Set.of());
        Options.noPositionals(name(), parsed);
        ServerOptions defaults = ServerOptions.defaults();
        int port = Output.number(parsed, "--port", ServerOptions.DEFAULT_PORT, 0, 65535);
        long maxBody = (long) Output.number(parsed, "--max-body-mb", (int) (defaults.maxBodyBytes() >> 20), 1, 4096) << 20;
        int maxBatch = Output.number(parsed, "--max-batch", defaults.maxBatchRecords(), 1, 10_000_000);
        InetAddress bind = defaults.bindAddress();
        if (parsed.option("--bind") != null) {
            try {
                bind = InetAddress.getByName(parsed.option("--bind"));
            } catch (UnknownHostException e) {
                throw new UsageException("server: --bind '" + parsed.option("--bind") + "' is not an address of this machine");
            }
        }
        Duration complianceInterval = parsed.option("--compliance-interval") == null ? ServerOptions.DEFAULT_COMPLIANCE_INTERVAL
                : interval(parsed.option("--compliance-interval"));
        List<CompliancePolicy> policies;
        try {
            policies = parsed.option("--compliance-policies") == null ? CompliancePolicies.defaults()
                    : CompliancePolicies.read(Path.of(parsed.option("--compliance-policies")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("server: " + e.getMessage());
        }
        ServerOptions options = new ServerOptions(bind, port, maxBody, maxBatch, defaults.threads(), complianceInterval, policies, null);
        // Beside a built checkout the server can replay recorded trainings (POST /api/v1/reproductions).
        String root = System.getenv("IONGOV_ROOT") != null ? System.getenv("IONGOV_ROOT") : System.getProperty("iongov.root");
        boolean reproduces = root != null && org.iongov.demo.SparkReproducer.available(Path.of(root));
        if (reproduces) {
            options = options.withReproducer(new org.iongov.demo.SparkReproducer(Path.of(root)));
        }

        GovernanceStore store = StoreOptions.openDirect(parsed);
        GovernanceServer server;
        try {
            if (store.tokens().isEmpty()) {
                IssuedToken admin = store.createToken("admin", Role.ADMIN, StoreOptions.localActor());
                out.println("This store had no tokens: created an admin token for 'admin' (" + admin.token().id()
                        + "). It is shown only now:");
                out.println(admin.secret());
            }
            server = GovernanceServer.start(store, IonDefinitionCheck.ionModel(), options);
        } catch (BindException e) {
            store.close();
            throw new UsageException("server: cannot listen on " + bind.getHostAddress() + ":" + port + " (" + e.getMessage()
                    + "): stop what uses it or choose another --port");
        } catch (IOException | RuntimeException e) {
            store.close();
            throw new IllegalStateException("server could not start: " + e, e);
        }
        out.println(reproduces ? "Reproductions (POST /api/v1/reproductions) replay trainings with the connectors under " + root
                : "Reproductions are not offered: the engines' connectors are not built beside this server");
        if (!complianceInterval.isZero()) {
            out.println("Compliance policies (" + String.join(", ", policies.stream().map(CompliancePolicy::id).toList()) + ") run every "
                    + complianceInterval.toString().substring(2).toLowerCase(java.util.Locale.ROOT));
        }
        return UntilStopped.run(out, "IonGov server listening on " + server.uri() + " (" + store.info().summary() + ")", "server",
                () -> {
                    server.close();
                    store.close();
                });
    }

    /** {@code 0}, or a whole number of seconds, minutes or hours: {@code 30s}, {@code 5m}, {@code 1h}. */
    static Duration interval(String text) {
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,6})([smh])").matcher(text);
        if (!m.matches()) {
            throw new UsageException("server: --compliance-interval '" + text + "' is not 0 or a duration such as 30s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
