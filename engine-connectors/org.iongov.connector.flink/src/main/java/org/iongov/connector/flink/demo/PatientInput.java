package org.iongov.connector.flink.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.flink.GovernanceConfig;
import org.iongov.connector.flink.InferenceInput;

/** Reads the demo's patient encounters for a governed inference, and their signature bins. */
public final class PatientInput implements InferenceInput<PatientRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public String id(PatientRecord element) {
        return element.encounterId();
    }

    @Override
    public double[] features(PatientRecord element) {
        return element.features();
    }

    /** {@link PatientRecord#featuresJson()}, character for character, without its {@code String.format} (the costly part of a recorded prediction). */
    @Override
    public String inputJson(PatientRecord element) {
        double[] f = element.features();
        StringBuilder json = new StringBuilder(200).append("{\"encounterId\":\"").append(element.encounterId()).append('"');
        for (int i = 0; i < f.length; i++) {
            json.append(",\"").append(NAMES[i]).append("\":");
            number(json, f[i]);
        }
        return json.append('}').toString();
    }

    private static final String[] NAMES = PatientRecord.FEATURES.toArray(new String[0]);

    /** As featuresJson writes a feature: a whole number as such, else {@code %.4f} (half-up on the shortest decimal form, as Formatter does). */
    static void number(StringBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            out.append((long) v);
        } else if (Math.abs(v) < 1e5 && fourDecimals(out, v)) {
            return;
        } else if (Double.isFinite(v)) {
            BigDecimal rounded = new BigDecimal(Double.toString(v)).setScale(4, RoundingMode.HALF_UP);
            if (v < 0 && rounded.signum() == 0) {
                out.append('-');
            }
            out.append(rounded.toPlainString());
        } else {
            out.append(String.format(Locale.ROOT, "%.4f", v));
        }
    }

    /**
     * {@code %.4f} by arithmetic, when the value is not within 1e-6 of a rounding tie: there the
     * scaled value's rounding errors (below 1e-7 for magnitudes under 1e5) cannot change the result,
     * and the decimal and the binary value round alike. False (nothing written) near a tie.
     */
    private static boolean fourDecimals(StringBuilder out, double v) {
        double scaled = Math.abs(v) * 10_000;
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) <= 1e-6) {
            return false;
        }
        long units = (long) whole + (fraction > 0.5 ? 1 : 0);
        if (v < 0) {
            out.append('-'); // (also for a negative value rounded to zero, as Formatter writes it)
        }
        out.append(units / 10_000).append('.');
        long decimals = units % 10_000;
        for (long pad = 1000; pad > 1 && decimals < pad; pad /= 10) {
            out.append('0');
        }
        out.append(decimals);
        return true;
    }

    /** The encounter features' names and fixed signature bins (wide enough for the drifted population). */
    public static GovernanceConfig signatures(GovernanceConfig config) {
        return config.features(PatientRecord.FEATURES)
                .signature("age", 18, 30, 40, 50, 60, 70, 80, 95)
                .signature("sex", 0, 0.5, 1)
                .signature("bmi", 15, 20, 25, 30, 35, 40, 50)
                .signature("systolic_bp", 85, 110, 120, 130, 140, 160, 210)
                .signature("heart_rate", 40, 60, 70, 80, 90, 100, 170)
                .signature("temperature", 35, 36.5, 37, 37.5, 38, 38.5, 41.5)
                .signature("white_cell_count", 2, 6, 8, 10, 12, 15, 30)
                .signature("pain_score", 0, 2, 4, 6, 8, 10)
                .signature("prior_visits", 0, 1, 2, 3, 5, 20);
    }

    /** The feature names, in the order of {@link #features}. */
    public static List<String> featureNames() {
        return PatientRecord.FEATURES;
    }
}
