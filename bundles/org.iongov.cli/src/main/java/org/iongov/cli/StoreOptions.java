package org.iongov.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.Set;

import org.iongov.client.RemoteGovernanceStore;
import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreLocations;

/**
 * Which store a verb works on: an embedded folder ({@code --store DIR}, the default being the
 * user's store), a database behind a Derby network server ({@code --store-url}), or an IonGov
 * server ({@code --server URL --token T}). Output is the same whichever it is.
 */
final class StoreOptions {

    static final String STORE = "--store";
    static final String STORE_URL = "--store-url";
    static final String SERVER = "--server";
    static final String TOKEN = "--token";
    static final String TOKEN_ENV = "IONGOV_TOKEN";

    /** The options every store-reading verb accepts. */
    static final Set<String> OPTIONS = Set.of(STORE, STORE_URL, SERVER, TOKEN);

    static final String HELP = """
              --store DIR       an embedded store folder (default: $IONGOV_STORE, else ~/.iongov/store)
              --store-url URL   a store behind a Derby network server, e.g. jdbc:derby://host:1527/iongov
              --server URL      an IonGov server instead, e.g. http://127.0.0.1:8470
              --token T         the bearer token for --server (default: $IONGOV_TOKEN)
            """;

    private StoreOptions() {
    }

    static Path folder(Arguments args) {
        String named = args.option(STORE);
        return named == null ? StoreLocations.defaultEmbeddedStore() : Path.of(named).toAbsolutePath().normalize();
    }

    /** A store directly (embedded or network Derby), never through a server. */
    static GovernanceStore openDirect(Arguments args) {
        if (args.option(STORE) != null && args.option(STORE_URL) != null) {
            throw new UsageException("give either --store or --store-url, not both");
        }
        GovernanceStoreProvider provider = ServiceLoader.load(GovernanceStoreProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no store implementation on the classpath (org.iongov.store.derby)"));
        String url = args.option(STORE_URL);
        return url != null ? provider.openUrl(url) : provider.openEmbedded(folder(args));
    }

    /** The store the verb should use: a server when --server is given, else a direct store. */
    static GovernanceStore open(Arguments args) {
        String server = args.option(SERVER);
        if (server == null) {
            if (args.option(TOKEN) != null) {
                throw new UsageException("--token goes with --server");
            }
            return openDirect(args);
        }
        if (args.option(STORE) != null || args.option(STORE_URL) != null) {
            throw new UsageException("give either --server or a store (--store, --store-url), not both");
        }
        String token = args.option(TOKEN) != null ? args.option(TOKEN) : System.getenv(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            throw new UsageException("--server needs a token: --token T or $" + TOKEN_ENV);
        }
        URI uri;
        try {
            uri = URI.create(server);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--server '" + server + "' is not a URL such as http://127.0.0.1:8470");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new UsageException("--server '" + server + "' is not a URL such as http://127.0.0.1:8470");
        }
        return new RemoteGovernanceStore(uri, token);
    }

    /**
     * Who a change made on a store directly (not through a server, which names its caller from the
     * token) is recorded as in the governance ledger: the operating-system user, as {@code local:NAME}.
     */
    static String localActor() {
        String user = System.getProperty("user.name");
        return "local:" + (user == null || user.isBlank() ? "unknown" : user);
    }
}
