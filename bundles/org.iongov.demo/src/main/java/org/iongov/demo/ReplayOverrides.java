package org.iongov.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to change when replaying a training run: with none it is a reproduction; with any, an
 * alternative (e.g. another regularisation, or a dataset without a suspect group, to investigate
 * bias), reported and recorded as such, never as a reproduction.
 *
 * @param parameters run parameters to set instead of the recorded ones, by name; each value as
 *     written on the command line: a number, a comma-separated list of numbers, or JSON
 * @param datasets datasets to read instead of recorded ones: the recorded path (or file name) to
 *     the file to read in its place
 */
public record ReplayOverrides(Map<String, String> parameters, Map<String, Path> datasets) {

    public ReplayOverrides {
        parameters = Map.copyOf(new LinkedHashMap<>(parameters));
        datasets = Map.copyOf(new LinkedHashMap<>(datasets));
    }

    /** A reproduction: nothing changed. */
    public static ReplayOverrides none() {
        return new ReplayOverrides(Map.of(), Map.of());
    }

    /** Whether anything is changed, which makes the replay an alternative rather than a reproduction. */
    public boolean alternative() {
        return !parameters.isEmpty() || !datasets.isEmpty();
    }

    /** The overrides as one line, e.g. {@code regParam=0.3, dataset batch-2.csv=/tmp/fixed.csv}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        new java.util.TreeMap<>(parameters).forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        new java.util.TreeMap<>(datasets).forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append("dataset ").append(k).append('=')
                .append(v));
        return text.toString();
    }
}
