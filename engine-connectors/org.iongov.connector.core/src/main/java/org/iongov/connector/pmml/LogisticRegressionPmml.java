package org.iongov.connector.pmml;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a binary logistic regression as PMML 4.4 (a {@code RegressionModel} with the logit
 * normalisation): P(target = 1) = 1 / (1 + exp(-(intercept + sum(coefficient * feature)))).
 *
 * <p>Our own writer rather than a converter library: the JPMML converters are AGPL, and this one
 * model type needs a page of XML. Coefficients are written in Java's shortest round-trip form, so
 * the PMML scores exactly as the coefficients do; nothing time-dependent is written, so the same
 * model always gives the same bytes (and digest).
 */
public final class LogisticRegressionPmml {

    private LogisticRegressionPmml() {
    }

    /**
     * @param modelName the model's name in the document
     * @param features the input features, in the coefficients' order
     * @param coefficients one per feature, on the features' own scale
     * @param intercept the intercept
     * @param target the binary target field (categories 0 and 1)
     */
    public static byte[] write(String modelName, List<String> features, double[] coefficients, double intercept, String target) {
        if (features.size() != coefficients.length) {
            throw new IllegalArgumentException(features.size() + " features but " + coefficients.length + " coefficients");
        }
        for (double c : coefficients) {
            requireFinite(c);
        }
        requireFinite(intercept);
        StringBuilder x = new StringBuilder(2048);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<PMML xmlns=\"http://www.dmg.org/PMML-4_4\" version=\"4.4\">\n");
        x.append("  <Header description=\"Logistic regression exported by IonGov\">\n");
        x.append("    <Application name=\"IonGov\" version=\"1\"/>\n");
        x.append("  </Header>\n");
        x.append("  <DataDictionary numberOfFields=\"").append(features.size() + 1).append("\">\n");
        for (String f : features) {
            x.append("    <DataField name=\"").append(escape(f)).append("\" optype=\"continuous\" dataType=\"double\"/>\n");
        }
        x.append("    <DataField name=\"").append(escape(target)).append("\" optype=\"categorical\" dataType=\"integer\">\n");
        x.append("      <Value value=\"0\"/>\n      <Value value=\"1\"/>\n    </DataField>\n");
        x.append("  </DataDictionary>\n");
        x.append("  <RegressionModel modelName=\"").append(escape(modelName))
                .append("\" functionName=\"classification\" normalizationMethod=\"logit\">\n");
        x.append("    <MiningSchema>\n");
        x.append("      <MiningField name=\"").append(escape(target)).append("\" usageType=\"target\"/>\n");
        for (String f : features) {
            x.append("      <MiningField name=\"").append(escape(f)).append("\"/>\n");
        }
        x.append("    </MiningSchema>\n");
        x.append("    <Output>\n");
        x.append("      <OutputField name=\"probability(0)\" optype=\"continuous\" dataType=\"double\" feature=\"probability\" value=\"0\"/>\n");
        x.append("      <OutputField name=\"probability(1)\" optype=\"continuous\" dataType=\"double\" feature=\"probability\" value=\"1\"/>\n");
        x.append("    </Output>\n");
        x.append("    <RegressionTable intercept=\"").append(intercept).append("\" targetCategory=\"1\">\n");
        for (int i = 0; i < coefficients.length; i++) {
            x.append("      <NumericPredictor name=\"").append(escape(features.get(i))).append("\" coefficient=\"")
                    .append(coefficients[i]).append("\"/>\n");
        }
        x.append("    </RegressionTable>\n");
        x.append("    <RegressionTable intercept=\"0.0\" targetCategory=\"0\"/>\n");
        x.append("  </RegressionModel>\n");
        x.append("</PMML>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void requireFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a PMML coefficient must be finite, was " + v);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
