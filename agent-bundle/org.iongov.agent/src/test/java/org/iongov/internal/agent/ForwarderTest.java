package org.iongov.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForwarderTest {

    @Test
    void onlyTheRecordsAProblemIsAboutCountAsInvalid() {
        String reply = "{\"status\":400,\"error\":\"2 invalid records, first: records[1].modelIds[0]: model 'm' is not recorded"
                + " (records[3] names it)\",\"problems\":[\"records[1].modelIds[0]: model 'm' is not recorded\","
                + "\"records[4].runId: run 'r' is not recorded; records[0] started it\",\"records[99].id: beyond the batch\"]}";
        assertEquals(List.of(1, 4), List.copyOf(Forwarder.invalidRecords(reply, 10)));
        assertEquals(List.of(), List.copyOf(Forwarder.invalidRecords("{\"status\":400,\"error\":\"malformed JSON at line 1\"}", 10)));
    }

    @Test
    void aBatchWrittenPieceByPieceIsTheBodyTheServerTakes() throws Exception {
        List<Spool.Entry> records = List.of(entry("{\"kind\":\"statistic\",\"id\":\"a\"}", 1),
                entry("{\"kind\":\"log\",\"text\":\"é\"}", 2), entry("{}", 3));
        Forwarder.Batch batch = new Forwarder.Batch(records);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        batch.writeTo(out);
        String expected = "{\"records\":[{\"kind\":\"statistic\",\"id\":\"a\"},{\"kind\":\"log\",\"text\":\"é\"},{}]}";
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, batch.length(), "the length sent is the bytes written");
        assertEquals(expected, new String(Forwarder.body(records), StandardCharsets.UTF_8));
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        new Forwarder.Batch(List.of()).writeTo(none);
        assertEquals("{\"records\":[]}", none.toString(StandardCharsets.UTF_8));
        assertEquals(none.size(), new Forwarder.Batch(List.of()).length());
    }

    private static Spool.Entry entry(String json, long offset) {
        return new Spool.Entry(json.getBytes(StandardCharsets.UTF_8), new Spool.Position(0, offset));
    }
}
