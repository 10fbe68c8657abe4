package org.iongov.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

import org.iongov.core.access.IssuedToken;
import org.iongov.core.access.Role;
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

                Serves the governance store over HTTP (API: docs/api.md) until it is stopped (Ctrl-C
                or SIGTERM). Every request needs a bearer token. When the store has no token yet, an
                admin token is created and printed once; issue more with ./iongov token create.

                  --port P          the port (default 8470; 0 picks a free one)
                  --bind ADDRESS    the address to listen on (default: loopback only)
                  --store DIR       an embedded store folder (default: $IONGOV_STORE, else ~/.iongov/store)
                  --store-url URL   a store behind a Derby network server, e.g. jdbc:derby://host:1527/iongov
                  --max-body-mb N   refuse request bodies larger than N MiB (default 32)
                  --max-batch N     refuse ingest batches of more than N records (default 100000)
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments parsed = Arguments.parse(name(), args,
                Set.of(StoreOptions.STORE, StoreOptions.STORE_URL, "--port", "--bind", "--max-body-mb", "--max-batch"), Set.of());
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
        ServerOptions options = new ServerOptions(bind, port, maxBody, maxBatch, defaults.threads());

        GovernanceStore store = StoreOptions.openDirect(parsed);
        GovernanceServer server;
        try {
            if (store.tokens().isEmpty()) {
                IssuedToken admin = store.createToken("admin", Role.ADMIN);
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
        return UntilStopped.run(out, "IonGov server listening on " + server.uri() + " (" + store.info().summary() + ")", "server",
                () -> {
                    server.close();
                    store.close();
                });
    }
}
