package org.iongov.connector.tensorflow.internal;

import java.util.Collection;
import java.util.Map;

/** Writes small JSON documents (model metadata, structured statistics) without a JSON library. */
public final class Json {

    private Json() {
    }

    /** JSON text of a value: null, String, Number, Boolean, Map (keys as text), Collection, long[] or double[]. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(out, s);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? number(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, String.valueOf(e.getKey()));
                out.append(':');
                append(out, e.getValue());
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                append(out, item);
            }
            out.append(']');
        } else if (value instanceof long[] longs) {
            append(out, java.util.Arrays.stream(longs).boxed().toList());
        } else if (value instanceof double[] doubles) {
            append(out, java.util.Arrays.stream(doubles).boxed().toList());
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d); // shortest text that reads back to the same double; 1.0E-5 is valid JSON
    }

    private static void quote(StringBuilder out, String s) {
        org.iongov.agent.api.spi.JsonText.string(out, s);
    }
}
