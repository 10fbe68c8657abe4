package org.iongov.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.SearchResultRecord;
import org.iongov.core.metadata.SignatureRecord;
import org.iongov.core.metadata.StatisticRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MetadataJsonTest {

    private static final Instant T = Instant.parse("2026-11-20T08:00:00.123Z");

    static List<MetadataRecord> oneOfEachKind() {
        return List.of(
                new IonInstanceRecord("i", "ion", 2, T, "first deployment"),
                new RunRecord("r", "i", "train", RunRecord.NodeKind.PIPELINE, T, "h", "spark", "4.0.1", "a", "git://x", "c0ffee",
                        "{\"regParam\":0.1,\"grid\":[1,2]}", null),
                new RunEndRecord("re", "r", T, RunStatus.FAILED),
                new ComponentRunRecord("cr", "r", "trainer", T, null, RunStatus.SUCCEEDED),
                new StatisticRecord("s", "r", null, "confusion", T, Double.NaN, "[[5,1],[2,9]]"),
                new SignatureRecord("sg", "r", "scorer", SignatureRecord.SignatureTarget.PREDICTION, "ct", T,
                        "{\"edges\":[0,0.5,1],\"counts\":[3,4]}"),
                new MessageRecord("m", "i", "models", MessageRecord.MessageType.MODEL, "r", null, T, null, "mod", null),
                new MessageReceivedRecord("mr", "m", "r2", T),
                new ModelRecord("mod", "r", "lr", ModelRecord.ModelFormat.SAVED_MODEL, "a".repeat(64), 3, T, new byte[] { 1, 2, 3 },
                        null, "{\"inputs\":[{\"name\":\"x\",\"dtype\":\"float32\"}]}"),
                new DatasetRecord("d", "file:/data", 10, "beef", null, T),
                new DatasetUseRecord("du", "r", "d", DatasetUseRecord.Direction.WRITTEN, T),
                new PredictionRecord("p", "r2", T, List.of("mod", "mod2"), "dig", "{\"age\":3}", "0.7"),
                new EventRecord("e", null, "r", T, "error", EventRecord.Severity.ERROR, "boom", null),
                new LogRecord("l", "r", T, "WARN", "line with \"quotes\""),
                new SearchResultRecord("sr", "r", "{\"regParam\":0.01}", "auc", 0.83, true),
                new ContextRecord("c", "r", "h", "spark", "4.0.1", "{\"scala\":\"2.13\"}", T),
                new HumanActionRecord("h", "olivia", "operator", "approve", "model", "mod", "approval", T, null));
    }

    @Test
    void everyKindRoundTripsThroughItsWireForm() {
        List<MetadataRecord> records = oneOfEachKind();
        assertEquals(EnumSet.allOf(RecordKind.class), records.stream().map(MetadataRecord::kind).collect(Collectors.toSet()),
                "the fixture covers every kind");
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(MetadataJson.toWire(r)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("records", array);
        List<MetadataRecord> back = MetadataJson.readRecords(body);
        for (int i = 0; i < records.size(); i++) {
            MetadataRecord expected = records.get(i);
            MetadataRecord actual = back.get(i);
            // JSON-valued fields come back as their compact JSON text.
            assertEquals(MetadataJson.toWire(expected), MetadataJson.toWire(actual), expected.kind().wireName());
        }
    }

    @Test
    void wireFormUsesReadableNames() {
        ObjectNode run = MetadataJson.toWire(oneOfEachKind().get(1));
        assertEquals("run", run.get("kind").asText());
        assertEquals("pipeline", run.get("nodeKind").asText());
        assertEquals("2026-11-20T08:00:00.123Z", run.get("startedAt").asText());
        assertEquals(0.1, run.get("configuration").get("regParam").asDouble(), "embedded JSON, not a string");
        ObjectNode model = MetadataJson.toWire(oneOfEachKind().get(8));
        assertEquals("saved-model", model.get("format").asText());
        assertEquals("AQID", model.get("bytes").asText());
    }

    @Test
    void everyProblemIsNamedWithItsPath() throws Exception {
        JsonNode body = MetadataJson.MAPPER.readTree("""
                {"records": [
                  {"kind": "statistic", "id": "s1", "runId": "r", "name": "auc", "time": "yesterday", "value": "high"},
                  {"kind": "gossip", "id": "g"},
                  {"kind": "run", "id": "r", "instanceId": "i", "node": "n", "nodeKind": "robot", "startedAt": "2026-11-20T08:00:00Z", "colour": "red"},
                  {"id": "x"},
                  [1, 2]
                ]}""");
        InvalidRecordsException e = assertThrows(InvalidRecordsException.class, () -> MetadataJson.readRecords(body));
        List<String> problems = e.problems();
        assertEquals(7, problems.size(), problems.toString());
        assertEquals("records[0].time: 'yesterday' is not an ISO-8601 time such as 2026-11-20T08:00:00Z", problems.get(0));
        assertEquals("records[0].value: expected a number, got string \"high\"", problems.get(1));
        assertTrue(problems.get(2).startsWith("records[1].kind: unknown kind 'gossip', expected one of ionInstance, run"), problems.get(2));
        assertEquals("records[2].nodeKind: 'robot' is not one of pipeline, policy", problems.get(3));
        assertTrue(problems.get(4).startsWith("records[2].colour: unknown field; RunRecord fields are "), problems.get(4));
        assertTrue(problems.get(5).startsWith("records[3].kind: is required"), problems.get(5));
        assertEquals("records[4]: expected a JSON object", problems.get(6));
    }

    @Test
    void batchMustBeAnObjectWithRecords() throws Exception {
        assertEquals(List.of("records: expected an array of records"), assertThrows(InvalidRecordsException.class,
                () -> MetadataJson.readRecords(MetadataJson.MAPPER.readTree("{\"recs\": []}"))).problems().subList(0, 1));
        assertEquals(Set.of("body: expected a JSON object {\"records\": [...]}"), Set.copyOf(assertThrows(InvalidRecordsException.class,
                () -> MetadataJson.readRecords(MetadataJson.MAPPER.readTree("[]"))).problems()));
    }
}
