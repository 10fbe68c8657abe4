package org.iongov.connector.spark.internal;

import java.util.Collection;
import java.util.Map;

/** Just enough JSON writing for what we report (the API takes structured values as JSON text). */
public final class Json {

    private Json() {
    }

    /** Writes strings, numbers, booleans, null, {@link Raw} text, maps, collections and double/long arrays. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        append(out, value);
        return out.toString();
    }

    /** JSON text to embed as it is (e.g. a Spark param's own JSON encoding). */
    public record Raw(String json) {
    }

    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Double || value instanceof Float) {
            number(out, ((Number) value).doubleValue());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof double[] array) {
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                out.append(i == 0 ? "" : ",");
                number(out, array[i]);
            }
            out.append(']');
        } else if (value instanceof long[] array) {
            out.append('[');
            for (int i = 0; i < array.length; i++) {
                out.append(i == 0 ? "" : ",").append(array[i]);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                append(out, item);
            }
            out.append(']');
        } else if (value instanceof Object[] array) {
            append(out, java.util.Arrays.asList(array));
        } else {
            string(out, value.toString());
        }
    }

    private static void number(StringBuilder out, double v) {
        // JSON has no NaN or infinities.
        if (Double.isFinite(v)) {
            out.append(v);
        } else {
            out.append("null");
        }
    }

    private static void string(StringBuilder out, String s) {
        org.iongov.agent.api.spi.JsonText.string(out, s);
    }
}
