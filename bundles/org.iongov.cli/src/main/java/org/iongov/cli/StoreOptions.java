package org.iongov.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;

import org.iongov.core.store.GovernanceStore;
import org.iongov.core.store.GovernanceStoreProvider;
import org.iongov.core.store.StoreLocations;

/** {@code --store DIR}: which embedded store a verb works on. */
final class StoreOptions {

    static final String STORE = "--store";

    private StoreOptions() {
    }

    static Path folder(Arguments args) {
        String named = args.option(STORE);
        return named == null ? StoreLocations.defaultEmbeddedStore() : Path.of(named).toAbsolutePath().normalize();
    }

    static GovernanceStore open(Arguments args) {
        GovernanceStoreProvider provider = ServiceLoader.load(GovernanceStoreProvider.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no store implementation on the classpath (org.iongov.store.derby)"));
        return provider.openEmbedded(folder(args));
    }
}
