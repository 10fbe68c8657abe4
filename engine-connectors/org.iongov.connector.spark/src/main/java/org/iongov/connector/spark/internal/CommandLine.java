package org.iongov.connector.spark.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --name value} arguments, checked against the names a program knows. */
public final class CommandLine {

    /** Bad arguments: the message is one line for the user. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> values = new LinkedHashMap<>();

    private CommandLine() {
    }

    public static CommandLine parse(String[] args, Set<String> known) throws UsageException {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
                throw new UsageException("unknown argument '" + arg + "' (known: --" + String.join(", --", new TreeSet<>(known)) + ")");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new UsageException(arg + " needs a value");
            }
            line.values.put(arg.substring(2), args[++i]);
        }
        return line;
    }

    public String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing --" + name);
        }
        return v;
    }

    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public long number(String name, long fallback, long min) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min) {
                throw new UsageException("--" + name + " must be at least " + min + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + v + "'");
        }
    }

    public double decimal(String name, double fallback) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + v + "'");
        }
    }
}
