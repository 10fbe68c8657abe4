package org.iongov.connector.flink.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} command-line arguments, with one-line errors for bad input. */
final class DemoArguments {

    private final Map<String, String> values = new HashMap<>();
    private final String usage;

    DemoArguments(String[] args, Set<String> known, String usage) {
        this.usage = usage;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown argument '" + name + "'; usage: " + usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value; usage: " + usage);
            }
            values.put(name.substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required; usage: " + usage);
        }
        return v;
    }

    long number(String name, long fallback, long min) {
        String v = values.get(name);
        try {
            long n = v == null ? fallback : Long.parseLong(v);
            if (n < min) {
                throw new IllegalArgumentException("--" + name + " must be at least " + min + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, was '" + v + "'");
        }
    }

    double decimal(String name, double fallback, double min, double max) {
        String v = values.get(name);
        try {
            double d = v == null ? fallback : Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", was " + d);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, was '" + v + "'");
        }
    }

    /** Quiet logging from the demo's own configuration, unless one is given; before any logger exists. */
    static void quietLogging() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "org/iongov/connector/flink/demo/log4j2-demo.properties");
        }
    }
}
