package org.iongov.core.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.iongov.core.metadata.ComponentRunRecord;
import org.iongov.core.metadata.ContextRecord;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.EventRecord;
import org.iongov.core.metadata.HumanActionRecord;
import org.iongov.core.metadata.InvalidRecordsException;
import org.iongov.core.metadata.IonInstanceRecord;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MessageReceivedRecord;
import org.iongov.core.metadata.MessageRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.PredictionRecord;
import org.iongov.core.metadata.RecordKind;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The wire form of metadata records, shared by server, clients, agents and the CLI's
 * {@code --json}. A record is a JSON object with {@code kind} and its fields by name: times as
 * ISO-8601 strings, enums in lower case, bytes in base64, and fields that hold JSON (the
 * components ending in {@code Json}, e.g. {@code configurationJson}) as embedded JSON values
 * under the name without that suffix ({@code "configuration": {...}}).
 */
public final class MetadataJson {

    /** Shared, thread-safe after configuration. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String JSON_SUFFIX = "Json";
    private static final Map<RecordKind, Class<? extends MetadataRecord>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(RecordKind.ION_INSTANCE, IonInstanceRecord.class);
        TYPES.put(RecordKind.RUN, RunRecord.class);
        TYPES.put(RecordKind.RUN_END, RunEndRecord.class);
        TYPES.put(RecordKind.COMPONENT_RUN, ComponentRunRecord.class);
        TYPES.put(RecordKind.STATISTIC, StatisticRecord.class);
        TYPES.put(RecordKind.SIGNATURE, SignatureRecord.class);
        TYPES.put(RecordKind.MESSAGE, MessageRecord.class);
        TYPES.put(RecordKind.MESSAGE_RECEIVED, MessageReceivedRecord.class);
        TYPES.put(RecordKind.MODEL, ModelRecord.class);
        TYPES.put(RecordKind.DATASET, DatasetRecord.class);
        TYPES.put(RecordKind.DATASET_USE, DatasetUseRecord.class);
        TYPES.put(RecordKind.PREDICTION, PredictionRecord.class);
        TYPES.put(RecordKind.EVENT, EventRecord.class);
        TYPES.put(RecordKind.LOG, LogRecord.class);
        TYPES.put(RecordKind.SEARCH_RESULT, SearchResultRecord.class);
        TYPES.put(RecordKind.CONTEXT, ContextRecord.class);
        TYPES.put(RecordKind.HUMAN_ACTION, HumanActionRecord.class);
    }

    private MetadataJson() {
    }

    // ---- writing ----

    /** A metadata record's wire form (every kind is a Java record). */
    public static ObjectNode toWire(MetadataRecord record) {
        return toJson((Record) record);
    }

    /** Any Java record (metadata, query results) as a JSON object, by the rules above. */
    public static ObjectNode toJson(Record record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (record instanceof MetadataRecord metadata) {
            node.put("kind", metadata.kind().wireName());
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(component, record);
            if (value == null || value instanceof Double d && d.isNaN()) {
                continue;
            }
            String name = component.getName();
            if (name.endsWith(JSON_SUFFIX) && component.getType() == String.class) {
                node.set(name.substring(0, name.length() - JSON_SUFFIX.length()), parseEmbedded((String) value));
            } else {
                node.set(name, valueToJson(value));
            }
        }
        return node;
    }

    /** A value as JSON: records recursively, collections, maps, times, enums, bytes, numbers, text. */
    public static JsonNode valueToJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        } else if (value instanceof Record r) {
            return toJson(r);
        } else if (value instanceof java.util.Optional<?> o) {
            return o.isPresent() ? valueToJson(o.get()) : f.nullNode();
        } else if (value instanceof Instant i) {
            return f.textNode(i.toString());
        } else if (value instanceof Enum<?> e) {
            return f.textNode(wireName(e));
        } else if (value instanceof byte[] b) {
            return f.textNode(Base64.getEncoder().encodeToString(b));
        } else if (value instanceof Double d) {
            return d.isNaN() ? f.nullNode() : f.numberNode(d);
        } else if (value instanceof Number n) {
            return f.numberNode(n.longValue());
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (value instanceof Iterable<?> items) {
            ArrayNode array = f.arrayNode();
            items.forEach(item -> array.add(valueToJson(item)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = f.objectNode();
            map.forEach((k, v) -> object.set(k instanceof Enum<?> e ? wireName(e) : String.valueOf(k), valueToJson(v)));
            return object;
        }
        return f.textNode(value.toString());
    }

    /** {@code DATA_SCIENTIST} becomes {@code data-scientist}; metadata kinds use their wire names. */
    public static String wireName(Enum<?> e) {
        if (e instanceof RecordKind k) {
            return k.wireName();
        }
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static JsonNode parseEmbedded(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // Stored text that is not JSON travels as a string rather than failing the reply.
            return JsonNodeFactory.instance.textNode(json);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    // ---- reading ----

    /**
     * Reads the {@code records} array of an ingest request. Every problem (unknown kind or
     * field, wrong type) is collected with its path before anything is refused.
     *
     * @throws InvalidRecordsException naming each problem
     */
    public static List<MetadataRecord> readRecords(JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new InvalidRecordsException(List.of("body: expected a JSON object {\"records\": [...]}"));
        }
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            throw new InvalidRecordsException(List.of("records: expected an array of records"));
        }
        Iterator<String> fields = body.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!field.equals("records")) {
                problems.add("body." + field + ": unknown field (a batch has only 'records')");
            }
        }
        List<MetadataRecord> result = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            MetadataRecord record = readRecord(records.get(i), "records[" + i + "]", problems);
            result.add(record);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRecordsException(problems);
        }
        return result;
    }

    /** Reads one record; problems are added to the list and null returned when it cannot be built. */
    public static MetadataRecord readRecord(JsonNode node, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(path + ": expected a JSON object");
            return null;
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            problems.add(path + ".kind: is required, one of " + RecordKind.wireNames());
            return null;
        }
        RecordKind kind = RecordKind.fromWireName(kindNode.asText()).orElse(null);
        if (kind == null) {
            problems.add(path + ".kind: unknown kind '" + kindNode.asText() + "', expected one of " + RecordKind.wireNames());
            return null;
        }
        @SuppressWarnings("unchecked")
        Class<? extends Record> type = (Class<? extends Record>) (Class<?>) TYPES.get(kind);
        return (MetadataRecord) readAs(type, node, path, problems, Set.of("kind"));
    }

    /** Reads a JSON object into a Java record of this type (also used for query results). */
    public static <R extends Record> R readAs(Class<R> type, JsonNode node, String path, List<String> problems,
            Set<String> ignoredFields) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Set<String> known = new TreeSet<>(ignoredFields);
        int before = problems.size();
        for (int c = 0; c < components.length; c++) {
            RecordComponent component = components[c];
            types[c] = component.getType();
            String name = component.getName();
            boolean embedded = name.endsWith(JSON_SUFFIX) && component.getType() == String.class;
            String wire = embedded ? name.substring(0, name.length() - JSON_SUFFIX.length()) : name;
            known.add(wire);
            JsonNode value = node.get(wire);
            String at = path + "." + wire;
            args[c] = embedded ? embeddedText(value) : convert(component, value, at, problems);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(path + "." + name + ": unknown field; " + type.getSimpleName() + " fields are "
                        + String.join(", ", known));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            problems.add(path + ": " + e.getCause().getMessage());
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    /** Metadata records carry their kind on the wire; it is not a component. */
    private static Set<String> ignoredFor(Class<?> type) {
        return MetadataRecord.class.isAssignableFrom(type) ? Set.of("kind") : Set.of();
    }

    private static String embeddedText(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static Object convert(RecordComponent component, JsonNode value, String at, List<String> problems) {
        Class<?> type = component.getType();
        boolean missing = value == null || value.isNull();
        if (type == double.class) {
            if (missing) {
                return Double.NaN;
            }
            if (!value.isNumber()) {
                problems.add(at + ": expected a number, got " + describe(value));
                return 0.0;
            }
            return value.asDouble();
        }
        if (type == long.class || type == int.class) {
            if (missing) {
                return type == long.class ? (Object) (-1L) : (Object) 0;
            }
            if (!value.isIntegralNumber() || (type == int.class && !value.canConvertToInt())
                    || (type == long.class && !value.canConvertToLong())) {
                problems.add(at + ": expected a whole number, got " + describe(value));
                return type == long.class ? (Object) 0L : (Object) 0;
            }
            return type == long.class ? (Object) value.asLong() : (Object) value.asInt();
        }
        if (type == boolean.class) {
            if (missing) {
                return false;
            }
            if (!value.isBoolean()) {
                problems.add(at + ": expected true or false, got " + describe(value));
            }
            return value.asBoolean();
        }
        if (missing) {
            return type == List.class ? List.of() : null;
        }
        if (type == String.class) {
            if (!value.isTextual()) {
                problems.add(at + ": expected text, got " + describe(value));
                return null;
            }
            return value.asText();
        }
        if (type == Instant.class) {
            if (!value.isTextual()) {
                problems.add(at + ": expected an ISO-8601 time such as 2026-11-20T08:00:00Z, got " + describe(value));
                return null;
            }
            try {
                return Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                problems.add(at + ": '" + value.asText() + "' is not an ISO-8601 time such as 2026-11-20T08:00:00Z");
                return null;
            }
        }
        if (type == byte[].class) {
            try {
                return Base64.getDecoder().decode(value.asText());
            } catch (IllegalArgumentException e) {
                problems.add(at + ": expected base64 bytes");
                return null;
            }
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (wireName((Enum<?>) constant).equals(value.asText())) {
                    return constant;
                }
            }
            List<String> allowed = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                allowed.add(wireName((Enum<?>) constant));
            }
            problems.add(at + ": '" + value.asText() + "' is not one of " + String.join(", ", allowed));
            return null;
        }
        if (Record.class.isAssignableFrom(type)) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> nested = (Class<? extends Record>) type;
            return readAs(nested, value, at, problems, ignoredFor(nested));
        }
        if (type == List.class && component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> element && Record.class.isAssignableFrom(element)) {
            if (!value.isArray()) {
                problems.add(at + ": expected an array, got " + describe(value));
                return List.of();
            }
            @SuppressWarnings("unchecked")
            Class<? extends Record> elementType = (Class<? extends Record>) element;
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(readAs(elementType, value.get(i), at + "[" + i + "]", problems, ignoredFor(elementType)));
            }
            return items;
        }
        if (type == List.class) {
            if (!value.isArray()) {
                problems.add(at + ": expected an array of text, got " + describe(value));
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                if (!value.get(i).isTextual()) {
                    problems.add(at + "[" + i + "]: expected text, got " + describe(value.get(i)));
                }
                items.add(value.get(i).asText());
            }
            return items;
        }
        throw new IllegalStateException("no wire mapping for " + type + " at " + at);
    }

    private static String describe(JsonNode value) {
        String text = value.toString();
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
