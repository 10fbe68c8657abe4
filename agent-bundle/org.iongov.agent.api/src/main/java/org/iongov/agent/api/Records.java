package org.iongov.agent.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iongov.agent.api.spi.JsonText;
import org.iongov.agent.api.spi.WireRecord;

/** The records the API makes: lean ones for statistic points and predictions, a general one for the rest. */
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

    /**
     * A recorded prediction. No digest of the input: the server computes it from the input it
     * stores (an engine's CPU is better spent scoring, and the digest then matches the stored text).
     */
    static final class PredictionPoint extends WireRecord {
        private final String runId;
        private final List<String> modelIds;
        private final String inputJson;
        private final String outputJson;

        PredictionPoint(String id, long time, String runId, List<String> modelIds, String inputJson, String outputJson) {
            super("prediction", id, time);
            this.runId = runId;
            this.modelIds = List.copyOf(modelIds); // no copy when it is already immutable
            this.inputJson = inputJson;
            this.outputJson = outputJson;
        }

        @Override
        protected void writeFields(StringBuilder out) {
            // Written field by field rather than through the general value writer: a pipeline records many.
            field(out, "runId", runId);
            time(out, "time", timeMillis());
            out.append(",\"modelIds\":[");
            for (int i = 0; i < modelIds.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                JsonText.string(out, modelIds.get(i));
            }
            out.append(']');
            if (inputJson != null) {
                out.append(",\"input\":").append(inputJson);
            }
            if (outputJson != null) {
                out.append(",\"output\":").append(outputJson);
            }
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
