package org.iongov.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry of the governance ledger.
 *
 * <p>{@code hash} is the lower-case hex SHA-256 of the UTF-8 text {@code previousHash + "\n" +
 * canonicalContent()}, where the canonical content is the JSON object {@code {actor, kind,
 * payload, sequence, subject, time}} with keys sorted at every level, no white space, {@code
 * time} as an ISO-8601 instant of whole milliseconds and {@code payload} itself canonical. The
 * first entry's previous hash is {@link #GENESIS_HASH}.
 *
 * @param sequence 1, 2, 3, ... without gaps
 * @param time when the store appended the entry
 * @param kind a {@link LedgerEntryKind#wireName()}
 * @param actor who made the change (a person, a policy node as {@code policy:<node>}, a pipeline
 *     as {@code pipeline:<node>}), or {@code store} when the store is not told who
 * @param subject what changed, as {@code <type>:<id>} (e.g. {@code model:m-1}, {@code token:tok-..})
 * @param payloadJson the details, canonical JSON
 * @param previousHash the previous entry's hash
 * @param hash this entry's hash
 */
public record LedgerEntry(long sequence, Instant time, String kind, String actor, String subject, String payloadJson,
        String previousHash, String hash) {

    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * A new entry chained after {@code previous}.
     *
     * @param payload the details as a JSON object (any key order; it is made canonical)
     */
    public static LedgerEntry append(LedgerHead previous, Instant time, LedgerEntryKind kind, String actor, String subject,
            JsonNode payload) {
        long sequence = previous.sequence() + 1;
        Instant millis = Instant.ofEpochMilli(time.toEpochMilli());
        String canonicalPayload = canonical(payload);
        String hash = hashOf(previous.hash(), content(sequence, millis, kind.wireName(), actor, subject, canonicalPayload));
        return new LedgerEntry(sequence, millis, kind.wireName(), actor, subject, canonicalPayload, previous.hash(), hash);
    }

    /** This entry's canonical content, what its hash covers together with the previous hash. */
    public String canonicalContent() {
        return content(sequence, time, kind, actor, subject, payloadJson);
    }

    /** The hash this entry's previous hash and content give, to compare with {@link #hash()}. */
    public String computedHash() {
        return hashOf(previousHash, canonicalContent());
    }

    /** Where the chain ends when this is its last entry. */
    public LedgerHead head() {
        return new LedgerHead(sequence, hash);
    }

    private static String content(long sequence, Instant time, String kind, String actor, String subject, String payloadJson) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("actor", actor);
        node.put("kind", kind);
        node.set("payload", parseOrText(payloadJson));
        node.put("sequence", sequence);
        node.put("subject", subject);
        node.put("time", time == null ? null : time.toString());
        return canonical(node);
    }

    private static JsonNode parseOrText(String json) {
        if (json == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // A payload altered into something that is not JSON still hashes (to something else).
            return JsonNodeFactory.instance.textNode(json);
        }
    }

    /** JSON with object keys sorted at every level and no white space. */
    public static String canonical(JsonNode value) {
        try {
            return MAPPER.writeValueAsString(sorted(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode sorted(JsonNode value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            value.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            fields.forEach(node::set);
            return node;
        }
        if (value.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> array.add(sorted(item)));
            return array;
        }
        return value;
    }

    private static String hashOf(String previousHash, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((previousHash + "\n" + content).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
