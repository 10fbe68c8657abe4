package org.iongov.internal.ui;

import java.nio.file.Path;

import org.iongov.core.store.StoreLocations;

/**
 * Which store the workbench opens: {@code --store DIR} among the application arguments, else the
 * {@code iongov.store} system property, else the user's default store.
 */
public final class StoreArguments {

    /** System property naming the store folder (used by launchers and tests). */
    public static final String STORE_PROPERTY = "iongov.store";

    private StoreArguments() {
    }

    public static Path storeFolder(String[] applicationArgs) {
        for (int i = 0; i < applicationArgs.length; i++) {
            String arg = applicationArgs[i];
            if (arg.equals("--store")) {
                if (i + 1 >= applicationArgs.length || applicationArgs[i + 1].isBlank()) {
                    throw new IllegalArgumentException("--store needs a folder, e.g. --store ~/iongov-store");
                }
                return Path.of(applicationArgs[i + 1]).toAbsolutePath().normalize();
            }
            if (arg.startsWith("--store=")) {
                return Path.of(arg.substring("--store=".length())).toAbsolutePath().normalize();
            }
        }
        String fromProperty = System.getProperty(STORE_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty).toAbsolutePath().normalize();
        }
        return StoreLocations.defaultEmbeddedStore();
    }
}
