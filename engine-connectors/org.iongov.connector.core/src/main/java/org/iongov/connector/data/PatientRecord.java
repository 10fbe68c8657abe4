package org.iongov.connector.data;

import java.util.List;
import java.util.Locale;

/**
 * One patient encounter of the demo's medical-test recommendation data set: the features a
 * clinician sees at triage, and whether a CT scan was ordered ({@code testOrdered}, the label).
 *
 * @param encounterId unique id of the encounter
 * @param age years
 * @param sex 0 or 1
 * @param bmi body-mass index
 * @param systolicBp mmHg
 * @param heartRate beats per minute
 * @param temperature degrees Celsius
 * @param whiteCellCount 10^9 cells per litre
 * @param painScore 0 to 10
 * @param priorVisits visits in the last year
 * @param testOrdered 1 when the test was ordered (the label), 0 otherwise
 */
public record PatientRecord(String encounterId, double age, double sex, double bmi, double systolicBp, double heartRate,
        double temperature, double whiteCellCount, double painScore, double priorVisits, int testOrdered) {

    /** The feature names, in the order of {@link #features()}: the models' input schema. */
    public static final List<String> FEATURES = List.of("age", "sex", "bmi", "systolic_bp", "heart_rate", "temperature",
            "white_cell_count", "pain_score", "prior_visits");

    /** The label's name in files and models. */
    public static final String LABEL = "test_ordered";

    /** The features in the order of {@link #FEATURES}. */
    public double[] features() {
        return new double[] {age, sex, bmi, systolicBp, heartRate, temperature, whiteCellCount, painScore, priorVisits};
    }

    /** The features as a JSON object, as a prediction's recorded input. */
    public String featuresJson() {
        double[] f = features();
        StringBuilder json = new StringBuilder(200).append("{\"encounterId\":\"").append(encounterId).append('"');
        for (int i = 0; i < f.length; i++) {
            json.append(",\"").append(FEATURES.get(i)).append("\":").append(format(f[i]));
        }
        return json.append('}').toString();
    }

    /** One CSV line, in the column order of {@link PatientData#CSV_HEADER}. */
    public String csvLine() {
        StringBuilder line = new StringBuilder(120).append(encounterId);
        for (double v : features()) {
            line.append(',').append(format(v));
        }
        return line.append(',').append(testOrdered).toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
