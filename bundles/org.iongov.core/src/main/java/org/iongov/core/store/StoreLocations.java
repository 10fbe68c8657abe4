package org.iongov.core.store;

import java.nio.file.Path;

/** Where the user's store is when none is named. */
public final class StoreLocations {

    /** Environment variable that overrides the default store folder. */
    public static final String STORE_ENV = "IONGOV_STORE";

    private StoreLocations() {
    }

    /** {@code $IONGOV_STORE} when set, else {@code ~/.iongov/store}. */
    public static Path defaultEmbeddedStore() {
        String fromEnv = System.getenv(STORE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".iongov", "store").toAbsolutePath().normalize();
    }
}
