package org.iongov.connector.pmml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.iongov.connector.scoring.Scorer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Scores the PMML models we export: a {@code RegressionModel}, either a binary classification
 * with the logit normalisation (P of the first table's category) or a plain regression, with
 * numeric predictors of exponent 1. Anything else is refused with the reason, never guessed at.
 */
public final class PmmlRegressionModel implements Scorer {

    private final String name;
    private final List<String> inputs;
    private final double[] coefficients;
    private final double intercept;
    private final boolean logit;

    private PmmlRegressionModel(String name, List<String> inputs, double[] coefficients, double intercept, boolean logit) {
        this.name = name;
        this.inputs = List.copyOf(inputs);
        this.coefficients = coefficients;
        this.intercept = intercept;
        this.logit = logit;
    }

    /** Reads a PMML document; the error names what is not supported. */
    public static PmmlRegressionModel parse(byte[] pmml) {
        Document doc = read(pmml);
        Element root = doc.getDocumentElement();
        if (!"PMML".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a PMML document: the root element is <" + root.getLocalName() + ">");
        }
        Element model = child(root, "RegressionModel");
        if (model == null) {
            throw new IllegalArgumentException("unsupported PMML model: only RegressionModel is scored here, found "
                    + modelElements(root));
        }
        String function = model.getAttribute("functionName");
        String normalization = model.getAttribute("normalizationMethod");
        boolean logit;
        if ("classification".equals(function) && "logit".equals(normalization)) {
            logit = true;
        } else if ("regression".equals(function) && (normalization.isEmpty() || "none".equals(normalization))) {
            logit = false;
        } else {
            throw new IllegalArgumentException("unsupported RegressionModel: functionName=" + function + ", normalizationMethod="
                    + (normalization.isEmpty() ? "none" : normalization));
        }
        List<String> inputs = new ArrayList<>();
        Element schema = child(model, "MiningSchema");
        for (Element field : children(schema, "MiningField")) {
            String usage = field.getAttribute("usageType");
            if (usage.isEmpty() || "active".equals(usage)) {
                inputs.add(field.getAttribute("name"));
            }
        }
        List<Element> tables = children(model, "RegressionTable");
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("the RegressionModel has no RegressionTable");
        }
        Element table = tables.get(0);
        if (logit && (tables.size() != 2 || nonZero(tables.get(1)))) {
            throw new IllegalArgumentException("unsupported classification: only two categories with a zero second table are scored");
        }
        double[] coefficients = new double[inputs.size()];
        for (Element predictor : children(table, "NumericPredictor")) {
            String field = predictor.getAttribute("name");
            int index = inputs.indexOf(field);
            if (index < 0) {
                throw new IllegalArgumentException("predictor '" + field + "' is not an active field of the MiningSchema");
            }
            String exponent = predictor.getAttribute("exponent");
            if (!exponent.isEmpty() && Integer.parseInt(exponent) != 1) {
                throw new IllegalArgumentException("unsupported predictor '" + field + "': exponent " + exponent);
            }
            coefficients[index] = Double.parseDouble(predictor.getAttribute("coefficient"));
        }
        if (!children(table, "CategoricalPredictor").isEmpty() || !children(table, "PredictorTerm").isEmpty()) {
            throw new IllegalArgumentException("unsupported RegressionTable: only NumericPredictor terms are scored");
        }
        return new PmmlRegressionModel(model.getAttribute("modelName"), inputs, coefficients,
                Double.parseDouble(table.getAttribute("intercept")), logit);
    }

    @Override
    public String format() {
        return "pmml";
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    /** The model's name in the document. */
    public String name() {
        return name;
    }

    /** P(target = 1) for a classification, the predicted value for a regression. */
    @Override
    public double score(double[] features) {
        if (features.length != coefficients.length) {
            throw new IllegalArgumentException("the model takes " + coefficients.length + " inputs " + inputs + ", got "
                    + features.length);
        }
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            y += coefficients[i] * features[i];
        }
        return logit ? 1 / (1 + Math.exp(-y)) : y;
    }

    /** Scores named inputs; a missing one is an error naming it. */
    public double score(Map<String, Double> features) {
        double[] values = new double[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            Double v = features.get(inputs.get(i));
            if (v == null) {
                throw new IllegalArgumentException("input '" + inputs.get(i) + "' is missing");
            }
            values[i] = v;
        }
        return score(values);
    }

    /** Coefficients in the order of {@link #inputs()}. */
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    private static boolean nonZero(Element table) {
        String intercept = table.getAttribute("intercept");
        return (!intercept.isEmpty() && Double.parseDouble(intercept) != 0) || !children(table, "NumericPredictor").isEmpty();
    }

    private static Document read(byte[] pmml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // Model files come from other people: no DTDs, no external entities.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(pmml));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not a well-formed PMML document: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot read PMML", e);
        }
    }

    private static String modelElements(Element root) {
        List<String> names = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().endsWith("Model")) {
                names.add(e.getLocalName());
            }
        }
        return names.isEmpty() ? "no model" : String.join(", ", names);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
