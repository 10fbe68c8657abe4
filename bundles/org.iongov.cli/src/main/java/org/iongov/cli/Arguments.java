package org.iongov.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verb's arguments: {@code --name value} options, {@code --flag} switches and positionals.
 * Anything the verb does not declare is a usage error naming it.
 */
final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positionals = new ArrayList<>();

    private Arguments() {
    }

    /**
     * @param valued options that take a value, e.g. {@code --store}
     * @param flags switches without a value, e.g. {@code --json}
     */
    static Arguments parse(String verb, List<String> args, Set<String> valued, Set<String> flags) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positionals.add(arg);
                continue;
            }
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flags.contains(name) && value == null) {
                parsed.options.put(name, "true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(verb + ": " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                parsed.options.put(name, value);
            } else {
                throw new UsageException(verb + ": unknown option '" + name + "' (see ./iongov " + verb + " --help)");
            }
        }
        return parsed;
    }

    String option(String name) {
        return options.get(name);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> positionals() {
        return positionals;
    }
}
