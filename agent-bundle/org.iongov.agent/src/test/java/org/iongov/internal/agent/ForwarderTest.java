package org.iongov.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
