package org.iongov.connector.flink.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.junit.jupiter.api.Test;

/** The fast input JSON is the records' own featuresJson, so that every engine records the same input digest. */
class PatientInputTest {

    @Test
    void writesExactlyWhatFeaturesJsonWrites() {
        PatientInput view = new PatientInput();
        for (boolean drifted : new boolean[] {false, true}) {
            for (PatientRecord r : PatientData.batch(11, 0, 20_000, drifted)) {
                assertEquals(r.featuresJson(), view.inputJson(r));
            }
        }
    }

    @Test
    void roundsLikeFormatter() {
        double[] values = {0.00005, 0.00015, 1.23445, 1.23455, -1.23455, -0.00004, 2.5e-5, 123.456789, 0.1 + 0.2, 1e-9, 99999.99995};
        for (double v : values) {
            StringBuilder out = new StringBuilder();
            PatientInput.number(out, v);
            assertEquals(String.format(Locale.ROOT, "%.4f", v), out.toString(), "value " + v);
        }
    }

    @Test
    void roundsLikeFormatterAcrossMagnitudesAndNearTies() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> random.nextDouble(-200, 200);
                case 1 -> random.nextDouble(-1e5, 1e5);
                case 2 -> (random.nextInt(-2_000_000, 2_000_000) + 0.5) / 10_000; // a tie in decimal, rarely in binary
                default -> Math.scalb(random.nextDouble(), -random.nextInt(1, 40)); // small magnitudes
            };
            StringBuilder out = new StringBuilder();
            PatientInput.number(out, v);
            assertEquals(String.format(Locale.ROOT, "%.4f", v), out.toString(), "value " + v);
        }
    }
}
