package org.iongov.connector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.pmml.LogisticRegressionPmml;
import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.connector.scoring.Scorer;
import org.iongov.connector.scoring.Scorers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorCoreTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesTheSameBytesAndDriftShiftsThePopulation() throws Exception {
        Path a = PatientData.writeCsv(dir.resolve("a.csv"), PatientData.batch(42, 0, 2000, false));
        Path b = PatientData.writeCsv(dir.resolve("b.csv"), PatientData.batch(42, 0, 2000, false));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertNotEquals(PatientData.batch(42, 1, 10, false), PatientData.batch(42, 0, 10, false));
        List<PatientRecord> normal = PatientData.readCsv(a);
        assertEquals(PatientData.batch(42, 0, 2000, false), normal, "CSV round trip keeps every value");
        double positive = normal.stream().mapToInt(PatientRecord::testOrdered).average().orElseThrow();
        assertTrue(positive > 0.15 && positive < 0.6, "a useful share of CT scans is ordered: " + positive);
        List<PatientRecord> drifted = PatientData.batch(42, 2, 2000, true);
        double normalAge = normal.stream().mapToDouble(PatientRecord::age).average().orElseThrow();
        double driftedAge = drifted.stream().mapToDouble(PatientRecord::age).average().orElseThrow();
        assertTrue(driftedAge - normalAge > 7, normalAge + " -> " + driftedAge);
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith(".")), "no partial file left");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, PatientData.CSV_HEADER + "\nenc-1,40,1,22\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PatientData.readCsv(file));
        assertTrue(e.getMessage().contains("bad.csv:2: expected 11 columns, found 4"), e.getMessage());
        Files.writeString(file, "a,b\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PatientData.readCsv(file)).getMessage()
                .contains("is not a patient encounter file"));
    }

    @Test
    void exportedPmmlScoresExactlyAsItsCoefficients() {
        double[] coefficients = {0.0451234567890123, 0.25, 0.02, 0.008, 0.012, 0.06, 0.11, 0.28, -0.08};
        double intercept = -9.123456789012345;
        byte[] pmml = LogisticRegressionPmml.write("lr", PatientRecord.FEATURES, coefficients, intercept, PatientRecord.LABEL);
        assertArrayEquals(pmml, LogisticRegressionPmml.write("lr", PatientRecord.FEATURES, coefficients, intercept,
                PatientRecord.LABEL), "the same model gives the same bytes");
        Scorer scorer = Scorers.load("pmml", pmml);
        assertEquals(PatientRecord.FEATURES, scorer.inputs());
        for (PatientRecord r : PatientData.batch(7, 0, 500, false)) {
            double y = intercept;
            double[] f = r.features();
            for (int i = 0; i < f.length; i++) {
                y += coefficients[i] * f[i];
            }
            assertEquals(1 / (1 + Math.exp(-y)), scorer.score(f), 1e-15);
        }
        PmmlRegressionModel model = PmmlRegressionModel.parse(pmml);
        assertArrayEquals(coefficients, model.coefficients());
        assertEquals(intercept, model.intercept());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> model.score(Map.of("age", 1.0)));
        assertEquals("input 'sex' is missing", missing.getMessage());
    }

    @Test
    void modelsWeDoNotScoreAreRefusedByName() {
        String tree = "<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\"><TreeModel/></PMML>";
        assertEquals("unsupported PMML model: only RegressionModel is scored here, found TreeModel",
                assertThrows(IllegalArgumentException.class, () -> Scorers.load("pmml", tree.getBytes(StandardCharsets.UTF_8)))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scorers.load("pmml", "<PMML".getBytes(StandardCharsets.UTF_8)))
                .getMessage().startsWith("not a well-formed PMML document"));
        String doctype = "<!DOCTYPE PMML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><PMML>&x;</PMML>";
        assertThrows(IllegalArgumentException.class, () -> Scorers.load("pmml", doctype.getBytes(StandardCharsets.UTF_8)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Scorers.load("onnx", new byte[0])).getMessage()
                .startsWith("no scorer for models of format 'onnx'"));
    }

    @Test
    void featuresJsonNamesEveryFeature() {
        PatientRecord r = new PatientRecord("enc-1", 40, 1, 22.5, 120, 80, 37.2, 8.1, 3, 0, 1);
        assertEquals("{\"encounterId\":\"enc-1\",\"age\":40,\"sex\":1,\"bmi\":22.5000,\"systolic_bp\":120,\"heart_rate\":80,"
                + "\"temperature\":37.2000,\"white_cell_count\":8.1000,\"pain_score\":3,\"prior_visits\":0}", r.featuresJson());
    }
}
