package org.iongov.connector.spark.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.sql.SparkSession;
import org.iongov.agent.api.ContentSignature;
import org.iongov.agent.api.ModelArtifact;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.spark.SparkModelExport;
import org.iongov.connector.spark.internal.CommandLine;
import org.iongov.connector.spark.internal.CommandLine.UsageException;
import org.iongov.connector.spark.internal.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Re-runs a recorded training of the recommender, for a reproduction or for an alternative (a
 * replay with other parameters or data). It first checks that what the run depended on is still
 * what was recorded: the code reference ({@link TrainingCode}), Spark's version and each dataset's
 * content signature (SHA-256, as the agent API signs a file or folder), and refuses naming every
 * difference. Then it trains with the given settings, in the given file order, and writes the
 * model it produced.
 *
 * <pre>
 * --request FILE   what to replay, JSON: {"run": id, "codeUri", "codeVersion", "engineVersion",
 *                  "modelName", "parameters": {seed, maxIter, regParam, elasticNetParam, trainRatio,
 *                  holdoutFraction}, "datasets": [{"path", "digest", "replaced": false}]}
 *                  (a replaced dataset is one the caller substituted on purpose: not checked)
 * --result FILE    where the outcome is written, JSON (see below)
 * --model FILE     where the produced model (PMML) is written
 * --master M       Spark master (local[2], as the demo trains)
 * </pre>
 *
 * The result: {"status": "trained" | "refused" | "failed", "refusals": [{"check", "subject",
 * "recorded", "current"}], "codeUri", "codeVersion", "engineVersion", "datasets": [{"path",
 * "digest", "size", "replaced"}], once trained "rows", "trainingAuc", "holdoutAuc", "chosen" (the
 * tuner's choice), "modelSha256", "modelMetadata", "seconds"; once failed "error" (one line, for the
 * user)}.
 *
 * Exit codes: 0 trained, 3 refused (the result says why), 1 failed (the result says why, when it
 * could be written), 2 bad arguments (parameters the training cannot take: the result says which).
 */
public final class TrainingReplay {

    /** The exit code of a refusal: the run's code, engine or data is not what was recorded. */
    public static final int REFUSED = 3;

    private static final Set<String> ARGS = Set.of("request", "result", "model", "master");
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingReplay() {
    }

    public static void main(String[] args) {
        DemoLogging.quiet();
        System.exit(run(args));
    }

    /**
     * Why a replay cannot train with these run parameters ({@code parametersJson}, a JSON object),
     * of which the caller changed {@code changed}; null when it can. For callers that check a
     * replay's parameters before starting its JVM (./iongov reproduce, which loads this class from
     * the built connector in a class loader of its own): JDK types only, no Spark is started.
     */
    public static String problem(String parametersJson, Collection<String> changed) {
        JsonNode parameters;
        try {
            parameters = JSON.readTree(parametersJson);
        } catch (IOException e) {
            return "the parameters are not JSON: " + e.getMessage();
        }
        if (parameters == null || !parameters.isObject()) {
            return "the parameters are not a JSON object";
        }
        return TrainingSettings.problem(parameters, changed);
    }

    /** Runs the replay; returns the exit code. Progress and refusals go to standard output. Uses the active SparkSession if there is one. */
    public static int run(String... args) {
        PrintStream out = System.out;
        Path requestFile;
        Path resultFile;
        Path modelFile;
        String master;
        JsonNode request;
        try {
            CommandLine line = CommandLine.parse(args, ARGS);
            requestFile = Path.of(line.required("request"));
            resultFile = Path.of(line.required("result"));
            modelFile = Path.of(line.required("model"));
            master = line.text("master", "local[2]");
            request = JSON.readTree(requestFile.toFile());
        } catch (UsageException e) {
            System.err.println("TrainingReplay: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("TrainingReplay: cannot read the request: " + e.getMessage());
            return 2;
        }
        String runId = request.path("run").asText("?");
        Map<String, Object> result = new LinkedHashMap<>();
        List<Map<String, Object>> refusals = new ArrayList<>();
        // The parameters first: a replay that cannot train stops before hashing data or starting Spark.
        TrainingSettings settings;
        try {
            settings = TrainingSettings.fromParameters(request.path("parameters"));
        } catch (IllegalArgumentException e) {
            fail(resultFile, result, "run " + runId + ": " + e.getMessage());
            return 2;
        }
        String sparkVersion = org.apache.spark.package$.MODULE$.SPARK_VERSION();
        result.put("codeUri", TrainingCode.URI);
        result.put("codeVersion", TrainingCode.version());
        result.put("engineVersion", sparkVersion);
        out.printf("[reproduce] run %s: checking its code, engine and data%n", runId);
        compare(refusals, "code", "code URI", request.path("codeUri").asText(null), TrainingCode.URI);
        compare(refusals, "code", "code version", request.path("codeVersion").asText(null), TrainingCode.version());
        compare(refusals, "engine", "Spark version", request.path("engineVersion").asText(null), sparkVersion);
        List<Path> files = new ArrayList<>();
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (JsonNode dataset : request.path("datasets")) {
            Path path = Path.of(dataset.path("path").asText());
            boolean replaced = dataset.path("replaced").asBoolean(false);
            Map<String, Object> seen = new LinkedHashMap<>();
            seen.put("path", path.toString());
            seen.put("replaced", replaced);
            datasets.add(seen);
            if (!Files.exists(path)) {
                refusals.add(refusal("dataset", path.toString(), dataset.path("digest").asText(null), "missing"));
                continue;
            }
            ContentSignature signature = ContentSignature.of(path);
            seen.put("digest", signature.sha256());
            seen.put("size", signature.size());
            if (!replaced) {
                compare(refusals, "dataset", path.toString(), dataset.path("digest").asText(null), signature.sha256());
            }
            files.add(path);
        }
        result.put("datasets", datasets);
        result.put("refusals", refusals);
        if (files.isEmpty() && refusals.isEmpty()) {
            refusals.add(refusal("dataset", "datasets read", "at least one", "none recorded"));
        }
        if (!refusals.isEmpty()) {
            result.put("status", "refused");
            for (Map<String, Object> r : refusals) {
                out.printf("[reproduce] refused: %s %s was %s when recorded, is %s now%n", r.get("check"), r.get("subject"), r.get("recorded"),
                        r.get("current"));
            }
            write(resultFile, result);
            return REFUSED;
        }
        // Where the model goes, before Spark starts: a folder that cannot be made fails now, not after training.
        try {
            Files.createDirectories(modelFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            return fail(resultFile, result, "cannot write the model to " + modelFile + ": " + reason(e));
        }
        long start = System.nanoTime();
        boolean ownSession = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SparkSession.builder().master(master).appName("iongov-replay").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            out.printf("[reproduce] Spark %s (%s): training on %d file(s) with %s%n", spark.version(), master, files.size(),
                    settings.parameters());
            RecommenderTraining training = new RecommenderTraining(spark, settings);
            RecommenderTraining.Result trained = training.train(files, null);
            ModelArtifact model = SparkModelExport.pmml(trained.model(), request.path("modelName").asText(RecommenderTraining.MODEL_NAME),
                    PatientRecord.LABEL);
            byte[] pmml = model.bytes();
            try {
                Files.write(modelFile, pmml);
            } catch (IOException e) {
                return fail(resultFile, result, "cannot write the model to " + modelFile + ": " + reason(e));
            }
            LogisticRegressionModel lr = (LogisticRegressionModel) trained.model().stages()[2];
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put("regParam", lr.getRegParam());
            chosen.put("elasticNetParam", lr.getElasticNetParam());
            double seconds = (System.nanoTime() - start) / 1e9;
            result.put("status", "trained");
            result.put("rows", trained.rows());
            result.put("trainingAuc", trained.trainingAuc());
            result.put("holdoutAuc", trained.evaluation().auc());
            result.put("chosen", chosen);
            result.put("modelSha256", sha256(pmml));
            result.put("modelMetadata", new Json.Raw(model.metadataJson()));
            result.put("seconds", seconds);
            write(resultFile, result);
            out.printf(Locale.ROOT, "[reproduce] trained on %d rows in %.1f s: holdout auc %.4f, chosen %s, model sha256 %s%n",
                    trained.rows(), seconds, trained.evaluation().auc(), chosen, sha256(pmml));
            return 0;
        } finally {
            if (ownSession) {
                spark.stop();
            }
        }
    }

    private static void compare(List<Map<String, Object>> refusals, String check, String subject, String recorded, String current) {
        if (recorded == null || !recorded.equals(current)) {
            refusals.add(refusal(check, subject, recorded == null ? "not recorded" : recorded, current));
        }
    }

    private static Map<String, Object> refusal(String check, String subject, String recorded, String current) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("check", check);
        r.put("subject", subject);
        r.put("recorded", recorded == null ? "not recorded" : recorded);
        r.put("current", current);
        return r;
    }

    /** A failed replay: says why on standard error and in the result (status "failed", "error"); returns 1. */
    private static int fail(Path resultFile, Map<String, Object> result, String error) {
        System.err.println("TrainingReplay: " + error);
        result.put("status", "failed");
        result.put("error", error);
        try {
            write(resultFile, result);
        } catch (UncheckedIOException e) {
            System.err.println("TrainingReplay: " + e.getMessage() + ": " + reason(e.getCause()));
        }
        return 1;
    }

    private static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " " + e.getMessage();
    }

    private static void write(Path file, Map<String, Object> result) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.write(result), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay's result to " + file, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
