package org.iongov.store.derby;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompactJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"edges\":[-4.000000,-3.998000,-3.996000],\"counts\":[0,12,7]}",
            "{\"a\":[1.5,2.25,3],\"b\":\"Zürich ✓\",\"c\":null,\"d\":true,\"e\":false,\"f\":[]}",
            "[[50,3],[4,43]]",
            "{\"big\":123456789012345678901234567890,\"neg\":[-7,-8,9223372036854775807],\"tiny\":1E-30}",
            "42",
            "\"just a string\"",
            "[{\"k\":1},{\"k\":2.0},[1,\"x\"]]" })
    void jsonComesBackWithTheSameValuesAndDigits(String json) throws Exception {
        String back = CompactJson.decode(CompactJson.encode(json));
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
        assertEquals(mapper.readTree(json), mapper.readTree(back), back);
        assertEquals(json.replace("1E-30", "1E-30"), back.replace("1.0E-30", "1E-30"), "digits are kept as written");
    }

    @Test
    void textThatIsNotJsonIsKeptAsText() {
        String text = "not json {" + "x".repeat(70_000);
        assertEquals(text, CompactJson.decode(CompactJson.encode(text)));
    }

    @Test
    void histogramsShrinkFarBelowGzip() {
        Random random = new Random(1);
        StringBuilder json = new StringBuilder("{\"edges\":[");
        for (int b = 0; b <= 4000; b++) {
            json.append(b == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", -4 + 8.0 * b / 4000));
        }
        json.append("],\"counts\":[");
        for (int b = 0; b < 4000; b++) {
            double x = -4 + 8.0 * b / 4000;
            json.append(b == 0 ? "" : ",").append(Math.max(0, Math.round(5000 * Math.exp(-x * x / 2) + random.nextGaussian() * 40)));
        }
        String histogram = json.append("]}").toString();
        int compact = CompactJson.encode(histogram).length;
        int gzip = Sql.gzip(histogram).length;
        assertTrue(compact * 2 < gzip, "compact " + compact + " bytes vs gzip " + gzip);
        assertEquals(histogram, CompactJson.decode(CompactJson.encode(histogram)));
    }
}
