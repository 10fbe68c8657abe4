package org.iongov.agent.api.spi;

/**
 * A metadata record on its way to the agent. It is built cheaply on the pipeline's thread and
 * written as JSON (the server's wire format, see docs/api.md) later, on the agent's thread.
 */
public abstract class WireRecord {

    private final String kind;
    private final String id;
    private final String producer;
    private final long sequence;
    private final long timeMillis;

    /** A record with an id of its own (content-addressed datasets, predictions with given ids). */
    protected WireRecord(String kind, String id, long timeMillis) {
        this.kind = kind;
        this.id = id;
        this.producer = null;
        this.sequence = 0;
        this.timeMillis = timeMillis;
    }

    /**
     * A record whose id is {@code producer:sequence}, spelled out only when written (off the
     * pipeline's thread).
     */
    protected WireRecord(String kind, String producer, long sequence, long timeMillis) {
        this.kind = kind;
        this.id = null;
        this.producer = producer;
        this.sequence = sequence;
        this.timeMillis = timeMillis;
    }

    /** {@code p-1a2b3c4d5e6f:000000000042}: ids increase per producer, as the store's indexes like. */
    public static String sequenceId(String producer, long sequence) {
        char[] digits = new char[12];
        long n = sequence;
        for (int i = 11; i >= 0; i--) {
            digits[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return producer + ':' + new String(digits);
    }

    /** The wire kind, e.g. {@code statistic}. */
    public final String kind() {
        return kind;
    }

    public final String id() {
        return id != null ? id : sequenceId(producer, sequence);
    }

    /** When the record was made (epoch milliseconds). */
    public final long timeMillis() {
        return timeMillis;
    }

    /**
     * Whether this record is governance evidence (runs, models, messages, events) rather than
     * telemetry (statistics, signatures, logs): evidence is never refused while there is room.
     */
    public boolean isEvidence() {
        return true;
    }

    /** Appends the record as one JSON object. */
    public final void writeJson(StringBuilder out) {
        out.append("{\"kind\":\"").append(kind).append("\",\"id\":");
        if (id != null) {
            JsonText.string(out, id);
        } else {
            JsonText.sequenceId(out, producer, sequence);
        }
        writeFields(out);
        out.append('}');
    }

    public final String toJson() {
        StringBuilder out = new StringBuilder(128);
        writeJson(out);
        return out.toString();
    }

    /** Appends {@code ,"field":value} for each field after the id. */
    protected abstract void writeFields(StringBuilder out);

    protected static void field(StringBuilder out, String name, Object value) {
        if (value == null) {
            return;
        }
        out.append(",\"").append(name).append("\":");
        JsonText.value(out, value);
    }

    protected static void time(StringBuilder out, String name, long epochMillis) {
        out.append(",\"").append(name).append("\":\"");
        JsonText.instant(out, epochMillis);
        out.append('"');
    }
}
