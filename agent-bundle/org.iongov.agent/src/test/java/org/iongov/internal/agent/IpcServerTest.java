package org.iongov.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class IpcServerTest {

    private static String kind(String line) {
        return IpcServer.kindOf(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theKindOfALineIsReadFromItsStartOrParsed() {
        // The API's kinds come back as the same strings, without one made per record.
        assertSame(kind("{\"kind\":\"prediction\",\"id\":\"p\"}"), kind("{\"kind\":\"prediction\",\"id\":\"q\"}"));
        assertEquals("prediction", kind("{\"kind\":\"prediction\",\"id\":\"p\"}"));
        assertEquals("statistic", kind("{\"kind\":\"statistic\",\"id\":\"s\"}"));
        // A kind the agent does not know yet still goes to the server, which decides.
        assertEquals("somethingNew", kind("{\"kind\":\"somethingNew\",\"id\":\"x\"}"));
        // A prefix of a known kind is not that kind.
        assertEquals("pred", kind("{\"kind\":\"pred\",\"id\":\"x\"}"));
        // Written by something else (the kind not first, spaces): parsed.
        assertEquals("event", kind("{ \"id\": \"e\", \"kind\": \"event\" }"));
        assertEquals("unknown", kind("not json"));
    }
}
