package org.iongov.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.iongov.core.json.MetadataJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Printing verb results: aligned tables for people, JSON for programs. */
final class Output {

    private Output() {
    }

    static void json(PrintStream out, Object value) {
        try {
            out.println(MetadataJson.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(MetadataJson.valueToJson(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }

    /** A table with a header row; cells longer than 60 characters are cut with an ellipsis. */
    static void table(PrintStream out, List<String> header, List<List<String>> rows) {
        if (rows.isEmpty()) {
            out.println("(none)");
            return;
        }
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (List<String> row : rows) {
            all.add(row.stream().map(Output::cell).toList());
        }
        for (List<String> row : all) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                line.append(cell).append(c == widths.length - 1 ? "" : " ".repeat(widths[c] - cell.length() + 2));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    static List<String> row(Object... cells) {
        return Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toList();
    }

    private static String cell(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 60 ? oneLine.substring(0, 59) + "…" : oneLine;
    }

    /** A time option; a clear usage error when it is not ISO-8601. */
    static Instant time(Arguments args, String option) {
        String value = args.option(option);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " '" + value + "' is not an ISO-8601 time such as 2026-11-20T08:00:00Z");
        }
    }

    /** A whole-number option within bounds. */
    static int number(Arguments args, String option, int defaultValue, int min, int max) {
        String value = args.option(option);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new UsageException(option + " must be between " + min + " and " + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, was '" + value + "'");
        }
    }
}
