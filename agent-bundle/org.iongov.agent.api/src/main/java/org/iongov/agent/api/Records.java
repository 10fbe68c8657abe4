package org.iongov.agent.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.iongov.agent.api.spi.WireRecord;

/** The records the API makes: a lean one for statistic points, a general one for the rest. */
final class Records {

    private Records() {
    }

    /** The hot path: one statistic point, a few fields, no map. */
    static final class StatisticPoint extends WireRecord {
        private final String runId;
        private final String component;
        private final String name;
        private final double value;

        StatisticPoint(String producer, long sequence, long time, String runId, String component, String name, double value) {
            super("statistic", producer, sequence, time);
            this.runId = runId;
            this.component = component;
            this.name = name;
            this.value = value;
        }

        @Override
        public boolean isEvidence() {
            return false;
        }

        @Override
        protected void writeFields(StringBuilder out) {
            field(out, "runId", runId);
            field(out, "component", component);
            field(out, "name", name);
            time(out, "time", timeMillis());
            field(out, "value", value);
        }
    }

    /** Any other kind: its fields in order. */
    static final class FieldRecord extends WireRecord {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final boolean evidence;

        FieldRecord(String kind, String id, long time, boolean evidence) {
            super(kind, id, time);
            this.evidence = evidence;
        }

        FieldRecord put(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        FieldRecord putTime(String name, long epochMillis) {
            fields.put(name, java.time.Instant.ofEpochMilli(epochMillis).toString());
            return this;
        }

        @Override
        public boolean isEvidence() {
            return evidence;
        }

        @Override
        protected void writeFields(StringBuilder out) {
            fields.forEach((name, value) -> field(out, name, value));
        }
    }
}
