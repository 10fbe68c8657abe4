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
        String option = option(applicationArgs, "--store", "a folder, e.g. --store ~/iongov-store");
        if (option != null) {
            return Path.of(option).toAbsolutePath().normalize();
        }
        String fromProperty = System.getProperty(STORE_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty).toAbsolutePath().normalize();
        }
        return StoreLocations.defaultEmbeddedStore();
    }

    /**
     * The value of {@code --name VALUE} or {@code --name=VALUE} among the application arguments,
     * null when absent.
     *
     * @param what what the option needs, for the message when its value is missing
     */
    static String option(String[] applicationArgs, String name, String what) {
        for (int i = 0; i < applicationArgs.length; i++) {
            String arg = applicationArgs[i];
            if (arg.equals(name)) {
                if (i + 1 >= applicationArgs.length || applicationArgs[i + 1].isBlank()) {
                    throw new IllegalArgumentException(name + " needs " + what);
                }
                return applicationArgs[i + 1];
            }
            if (arg.startsWith(name + "=") && !arg.substring(name.length() + 1).isBlank()) {
                return arg.substring(name.length() + 1);
            }
        }
        return null;
    }
}
