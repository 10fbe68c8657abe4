package org.iongov.agent.api.spi;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes JSON without a JSON library (the API must not bring one into an engine's classpath). */
public final class JsonText {

    private JsonText() {
    }

    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** The last day an instant was written on and its text up to the hour: records come in time order. */
    private record Day(long startMillis, String prefix) {
    }

    private static volatile Day lastDay = new Day(Long.MIN_VALUE, "");

    /**
     * Appends an instant as {@link java.time.Instant#toString()} writes it ({@code
     * 2026-11-26T21:07:04.512Z}; no fraction on a whole second), without its formatter: on an
     * agent's writer this is the largest share of a statistic's JSON.
     */
    public static void instant(StringBuilder out, long epochMillis) {
        Day day = lastDay;
        long sinceDayStart = epochMillis - day.startMillis;
        if (sinceDayStart < 0 || sinceDayStart >= MILLIS_PER_DAY) {
            long start = Math.floorDiv(epochMillis, MILLIS_PER_DAY) * MILLIS_PER_DAY;
            java.time.LocalDate date = java.time.LocalDate.ofEpochDay(start / MILLIS_PER_DAY);
            if (date.getYear() < 0 || date.getYear() > 9999) {
                out.append(java.time.Instant.ofEpochMilli(epochMillis)); // signs and wide years: the formatter's way
                return;
            }
            day = new Day(start, date + "T");
            lastDay = day;
            sinceDayStart = epochMillis - start;
        }
        out.append(day.prefix);
        int millisOfDay = (int) sinceDayStart;
        int seconds = millisOfDay / 1000;
        twoDigits(out, seconds / 3600).append(':');
        twoDigits(out, seconds / 60 % 60).append(':');
        twoDigits(out, seconds % 60);
        int millis = millisOfDay % 1000;
        if (millis != 0) {
            out.append('.').append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
        }
        out.append('Z');
    }

    private static StringBuilder twoDigits(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    public static void string(StringBuilder out, String text) {
        out.append('"');
        escaped(out, text);
        out.append('"');
    }

    /** {@code "producer:000000000042"}, as {@link WireRecord#sequenceId} spells it, without making that string first. */
    public static void sequenceId(StringBuilder out, String producer, long sequence) {
        out.append('"');
        escaped(out, producer);
        out.append(':');
        long n = sequence;
        int at = out.length();
        out.append("000000000000");
        for (int i = 11; i >= 0; i--) {
            out.setCharAt(at + i, (char) ('0' + n % 10));
            n /= 10;
        }
        out.append('"');
    }

    private static void escaped(StringBuilder out, String text) {
        int clean = 0; // most text (ids, names) needs no escape: copied at once
        while (clean < text.length()) {
            char c = text.charAt(clean);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            clean++;
        }
        if (clean == text.length()) {
            out.append(text);
            return;
        }
        out.append(text, 0, clean);
        for (int i = clean; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** A number; NaN and infinities have no JSON form and become null. */
    public static void number(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    /** Strings, numbers, booleans, null, maps with string keys and lists, nested. */
    public static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Double || value instanceof Float) {
            number(out, ((Number) value).doubleValue());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                value(out, e.getValue());
                if (it.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(out, list.get(i));
            }
            out.append(']');
        } else if (value instanceof double[] array) {
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                number(out, array[i]);
            }
            out.append(']');
        } else if (value instanceof long[] array) {
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(array[i]);
            }
            out.append(']');
        } else if (value instanceof RawJson raw) {
            out.append(raw.json());
        } else {
            string(out, value.toString());
        }
    }

    /** JSON text to embed as it is (the caller vouches that it is JSON). */
    public record RawJson(String json) {
    }
}
