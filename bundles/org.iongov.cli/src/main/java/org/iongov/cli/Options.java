package org.iongov.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Helpers for declaring a verb's options. */
final class Options {

    private Options() {
    }

    /** The store options plus these. */
    static Set<String> withStore(String... own) {
        Set<String> all = new HashSet<>(StoreOptions.OPTIONS);
        all.addAll(List.of(own));
        return all;
    }

    static void noPositionals(String verb, Arguments args) {
        if (!args.positionals().isEmpty()) {
            throw new UsageException(verb + ": unexpected argument '" + args.positionals().get(0) + "'");
        }
    }
}
