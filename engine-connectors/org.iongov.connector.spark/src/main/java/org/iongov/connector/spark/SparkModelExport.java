package org.iongov.connector.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.util.MLWritable;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.connector.pmml.LogisticRegressionPmml;
import org.iongov.connector.spark.internal.DeterministicZip;
import org.iongov.connector.spark.internal.Json;
import org.iongov.connector.spark.internal.LinearForm;

/** Turns Spark ML models into artifacts to publish: PMML where we can express the model, Spark's own format otherwise. */
public final class SparkModelExport {

    private SparkModelExport() {
    }

    /**
     * A PMML logistic regression on the raw input columns, from a pipeline model (or a tuner's
     * best model) of a {@code VectorAssembler}, an optional {@code StandardScalerModel} (folded
     * into the coefficients) and a binary {@code LogisticRegressionModel}. Its metadata JSON
     * gives the inputs, target, coefficients by input, intercept and the stages.
     *
     * @param model the fitted pipeline
     * @param name the model's name
     * @param target the label's name (categories 0 and 1)
     * @throws IllegalArgumentException naming the first stage that cannot be expressed
     */
    public static ModelArtifact pmml(Transformer model, String name, String target) {
        LinearForm form = LinearForm.of(model);
        byte[] pmml = LogisticRegressionPmml.write(name, form.columns(), form.coefficients(), form.intercept(), target);
        Map<String, Object> coefficients = new LinkedHashMap<>();
        for (int i = 0; i < form.coefficients().length; i++) {
            coefficients.put(form.columns().get(i), form.coefficients()[i]);
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("inputs", form.columns());
        metadata.put("target", target);
        metadata.put("output", "probability(1)");
        metadata.put("coefficients", coefficients);
        metadata.put("intercept", form.intercept());
        metadata.put("stages", form.stages());
        metadata.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        return new ModelArtifact(name, "pmml", pmml, Json.write(metadata));
    }

    /**
     * The model in Spark's own format (as {@code model.write().save} writes it), zipped with
     * sorted entries and fixed times, as an opaque artifact. Spark itself records the save time
     * in the model's metadata, so two saves differ; the same saved folder always zips alike.
     */
    public static ModelArtifact sparkNative(MLWritable model, String name) {
        try {
            Path folder = Files.createTempDirectory("iongov-spark-model");
            try {
                Path saved = folder.resolve("model");
                model.write().save(saved.toUri().toString());
                byte[] zip = DeterministicZip.zip(saved);
                Map<String, Object> metadata = new LinkedHashMap<>();
                metadata.put("layout", "zip of a Spark ML model folder (MLWriter)");
                metadata.put("class", model.getClass().getName());
                metadata.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
                return new ModelArtifact(name, "opaque", zip, Json.write(metadata));
            } finally {
                DeterministicZip.delete(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the Spark model " + name, e);
        }
    }

    /** Unpacks an artifact of {@link #sparkNative} into a folder, to load with e.g. {@code PipelineModel.load}. */
    public static Path unpackNative(byte[] zip, Path folder) {
        try {
            DeterministicZip.unzip(zip, folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Spark model into " + folder, e);
        }
    }
}
