package org.iongov.store.derby;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A compact binary form for bulky numeric JSON (histograms, signatures): arrays of decimals that
 * share a scale are stored as zig-zag varint deltas of their unscaled values, which turns bin
 * edges into runs of equal bytes, and the whole is deflated. Numbers come back with exactly the
 * digits they were written with; key order is kept. Text that is not JSON is stored as text.
 */
final class CompactJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** Reads decimals exactly as written (no trailing zeros dropped). */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(NODES);

    private static final int FORMAT = 1;
    private static final int TEXT = 0;
    private static final int NULL = 1;
    private static final int TRUE = 2;
    private static final int FALSE = 3;
    private static final int STRING = 4;
    private static final int NUMBER = 5;
    private static final int OBJECT = 6;
    private static final int ARRAY = 7;
    private static final int DECIMAL_ARRAY = 8;

    private CompactJson() {
    }

    static byte[] encode(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length() / 8 + 16);
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeByte(FORMAT);
            JsonNode tree;
            try {
                tree = MAPPER.readTree(json);
            } catch (IOException notJson) {
                tree = null;
            }
            if (tree == null) {
                out.writeByte(TEXT);
                writeString(out, json);
            } else {
                write(out, tree);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String decode(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(stored)))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown compact JSON format " + format);
            }
            int tag = in.readUnsignedByte();
            if (tag == TEXT) {
                return readString(in);
            }
            return MAPPER.writeValueAsString(read(in, tag));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, JsonNode node) throws IOException {
        if (node.isNull()) {
            out.writeByte(NULL);
        } else if (node.isBoolean()) {
            out.writeByte(node.booleanValue() ? TRUE : FALSE);
        } else if (node.isTextual()) {
            out.writeByte(STRING);
            writeString(out, node.textValue());
        } else if (node.isNumber()) {
            out.writeByte(NUMBER);
            writeString(out, node.decimalValue().toString());
        } else if (node.isObject()) {
            out.writeByte(OBJECT);
            writeVarint(out, node.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                writeString(out, field.getKey());
                write(out, field.getValue());
            }
        } else if (node.isArray() && isDecimalArray(node)) {
            int scale = Math.max(0, node.get(0).decimalValue().scale());
            out.writeByte(DECIMAL_ARRAY);
            writeVarint(out, node.size());
            writeVarint(out, scale);
            long previous = 0;
            for (JsonNode item : node) {
                long unscaled = item.decimalValue().setScale(scale).unscaledValue().longValueExact();
                writeVarint(out, zigzag(unscaled - previous));
                previous = unscaled;
            }
        } else {
            out.writeByte(ARRAY);
            writeVarint(out, node.size());
            for (JsonNode item : node) {
                write(out, item);
            }
        }
    }

    /** Non-empty, all numbers of one non-negative scale whose unscaled values fit a long. */
    private static boolean isDecimalArray(JsonNode array) {
        if (array.isEmpty() || !array.get(0).isNumber()) {
            return false;
        }
        int scale = array.get(0).decimalValue().scale();
        if (scale < 0 || scale > 18) {
            return false;
        }
        long previous = 0;
        for (JsonNode item : array) {
            if (!item.isNumber()) {
                return false;
            }
            BigDecimal value = item.decimalValue();
            if (value.scale() != scale || value.unscaledValue().bitLength() > 62) {
                return false;
            }
            long unscaled = value.unscaledValue().longValue();
            if (Math.abs(unscaled - previous) > Long.MAX_VALUE / 2) {
                return false;
            }
            previous = unscaled;
        }
        return true;
    }

    private static JsonNode read(DataInputStream in, int tag) throws IOException {
        switch (tag) {
            case NULL:
                return NODES.nullNode();
            case TRUE:
                return NODES.booleanNode(true);
            case FALSE:
                return NODES.booleanNode(false);
            case STRING:
                return NODES.textNode(readString(in));
            case NUMBER:
                return number(new BigDecimal(readString(in)));
            case OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (long i = readVarint(in); i > 0; i--) {
                    String key = readString(in);
                    object.set(key, read(in, in.readUnsignedByte()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (long i = readVarint(in); i > 0; i--) {
                    array.add(read(in, in.readUnsignedByte()));
                }
                return array;
            }
            case DECIMAL_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                long n = readVarint(in);
                int scale = (int) readVarint(in);
                long value = 0;
                for (long i = 0; i < n; i++) {
                    value += unzigzag(readVarint(in));
                    array.add(number(new BigDecimal(BigInteger.valueOf(value), scale)));
                }
                return array;
            }
            default:
                throw new IOException("corrupt compact JSON: tag " + tag);
        }
    }

    /** Integers stay integers; decimals keep their digits. */
    private static JsonNode number(BigDecimal value) {
        if (value.scale() == 0 && value.unscaledValue().bitLength() < 64) {
            return NODES.numberNode(value.longValue());
        }
        return NODES.numberNode(value);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        writeVarint(out, utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[(int) readVarint(in)];
        in.readFully(utf8);
        return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarint(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarint(DataInputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("corrupt compact JSON: varint too long");
    }
}
