package org.iongov.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.iongov.connector.pmml.PmmlRegressionModel;
import org.iongov.connector.scoring.Scorer;
import org.iongov.connector.scoring.Scorers;
import org.iongov.core.lineage.Lineage;
import org.iongov.core.lineage.ModelLineage;
import org.iongov.core.lineage.PredictionLineage;
import org.iongov.core.metadata.DatasetRecord;
import org.iongov.core.metadata.DatasetUseRecord;
import org.iongov.core.metadata.IngestBatch;
import org.iongov.core.metadata.LogRecord;
import org.iongov.core.metadata.MetadataRecord;
import org.iongov.core.metadata.ModelRecord;
import org.iongov.core.metadata.RunEndRecord;
import org.iongov.core.metadata.RunRecord;
import org.iongov.core.metadata.RunStatus;
import org.iongov.core.metadata.StatisticRecord;
import org.iongov.core.query.NodeRun;
import org.iongov.core.store.GovernanceStore;
import org.iongov.demo.ReproductionReport.Check;
import org.iongov.demo.ReproductionReport.Outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reproduces a prediction or a model from what the store recorded: follows the lineage (the
 * messages, not timing) to the run that trained each model, re-runs that training in a Spark JVM
 * from the recorded code reference, parameters and datasets (refusing, naming the difference, when
 * the code, Spark's version or a dataset's signature is no longer the recorded one), compares the
 * model it produces with the recorded one, and scores the prediction's recorded input with both
 * models against the recorded output.
 *
 * <p>Models are compared by digest first; Spark's logistic regression sums partial results in
 * whichever order its tasks finish, so where the bytes differ the coefficients and intercept are
 * compared, each within {@link #COEFFICIENT_TOLERANCE} relative (to the larger of its magnitude
 * and 1). Scores are compared within {@link #SCORE_TOLERANCE}; the recorded model must score
 * exactly as recorded (within {@link #RECORDED_SCORE_TOLERANCE}).
 *
 * <p>With {@link ReplayOverrides} (other parameters or datasets) the replay is an alternative,
 * reported as such and recorded in the store as a run of the training node marked as a replay of
 * the original run, with its model (which is not published: no policy or inference sees it).
 *
 * <p>Training runs on other engines (the TensorFlow member of an ensemble) are not re-run: the
 * report says so.
 */
public final class Reproduction {

    /** The code reference of the training this can re-run: the demo's Spark recommender. */
    public static final String SPARK_TRAINING_CODE = "java:org.iongov.connector.spark.demo.RecommenderTraining";
    /** Coefficients and intercept agree when within this, relative to the larger of their magnitude and 1. */
    public static final double COEFFICIENT_TOLERANCE = 1e-6;
    /** A reproduced model's score of the recorded input agrees with the recorded one within this (absolute, a probability). */
    public static final double SCORE_TOLERANCE = 1e-6;
    /** The recorded model's score of the recorded input agrees with the recorded output within this: it is the same computation. */
    public static final double RECORDED_SCORE_TOLERANCE = 1e-12;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLAY_MAIN = "org.iongov.connector.spark.demo.TrainingReplay";
    private static final String SPARK_MODULE = "org.iongov.connector.spark";
    private static final int REFUSED_EXIT = 3;

    private final GovernanceStore store;
    private final Path iongovRoot;
    private final Path work;
    private final PrintStream progress;
    private final Duration timeout;

    /**
     * @param store where the prediction, its models and their runs are recorded (an alternative is recorded there too)
     * @param iongovRoot the repository folder, where the built Spark connector is
     * @param work a folder for each replay's request, result, model and Spark log
     * @param progress where progress lines go, the Spark JVM's included
     */
    public Reproduction(GovernanceStore store, Path iongovRoot, Path work, PrintStream progress) {
        this(store, iongovRoot, work, progress, Duration.ofMinutes(15));
    }

    /** As the other constructor, with a limit on each Spark replay's time. */
    public Reproduction(GovernanceStore store, Path iongovRoot, Path work, PrintStream progress, Duration timeout) {
        this.store = store;
        this.iongovRoot = iongovRoot;
        this.work = work;
        this.progress = progress;
        this.timeout = timeout;
    }

    /**
     * Reproduces a prediction: each of its models that can be re-run, then its recorded input
     * scored with the recorded and the reproduced models against its recorded output.
     *
     * @throws ReproductionException when no such prediction is recorded, or a replay failed
     * @throws IllegalArgumentException for an override the run cannot take (naming it)
     */
    public ReproductionReport ofPrediction(String predictionId, ReplayOverrides overrides) throws IOException, InterruptedException {
        PredictionLineage lineage = new Lineage(store, 0).ofPrediction(predictionId)
                .orElseThrow(() -> new ReproductionException("no prediction '" + predictionId + "' is recorded (./iongov predictions lists them)"));
        List<Check> checks = new ArrayList<>();
        List<String> notReproduced = new ArrayList<>();
        List<String> replayRuns = new ArrayList<>();
        List<String> modelIds = lineage.prediction().modelIds();
        String input = lineage.prediction().inputJson();
        // Without its recorded input and output the prediction cannot be scored again; its models can still be replayed.
        Optional<String> unscorable = Rescoring.whyNotScorable(input, lineage.prediction().outputJson());
        double[] ensemble = new double[modelIds.size()];
        List<String> ensembleNotes = new ArrayList<>();
        boolean refused = false;
        boolean replayed = false;
        // Every model is planned first, so that an override no run can take is refused before any Spark JVM starts.
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < modelIds.size(); i++) {
            String modelId = modelIds.get(i);
            ensemble[i] = Rescoring.recordedScore(lineage.prediction().outputJson(), i);
            Optional<ModelLineage> model = lineage.models().stream().filter(m -> m.model().id().equals(modelId)).findFirst();
            if (model.isEmpty()) {
                notReproduced.add("model " + modelId + ": not recorded in the store");
                ensembleNotes.add("model " + modelId + " enters with its recorded score");
                plans.add(null);
                continue;
            }
            Plan plan = plan(model.get(), overrides);
            if (plan.notReplayable() != null) {
                notReproduced.add(plan.notReplayable());
                String engine = model.get().trainingRun() == null ? null : model.get().trainingRun().start().engine();
                ensembleNotes.add((engine == null ? "" : engine + " ") + "model " + modelId + " enters with its recorded score");
                plans.add(null);
                continue;
            }
            plans.add(plan);
        }
        for (int i = 0; i < modelIds.size(); i++) {
            Plan plan = plans.get(i);
            if (plan == null) {
                continue;
            }
            ModelReplay replay = replay(plan, overrides, checks, replayRuns);
            refused |= replay.refused();
            if (replay.refused()) {
                continue;
            }
            replayed = true;
            if (unscorable.isPresent()) {
                continue;
            }
            String subject = replay.subject();
            double recorded = ensemble[i];
            String output = modelIds.size() > 1 ? "member " + (i + 1) + " of " + modelIds.size() + " in the recorded output" : "the recorded output";
            try {
                Optional<Double> original = recordedScore(plan.model().model(), input, subject, checks);
                original.ifPresent(score -> checks.add(new Check(subject, "the recorded model scores the recorded input", format(recorded),
                        format(score), Math.abs(score - recorded) <= RECORDED_SCORE_TOLERANCE,
                        "against " + output + ", within " + RECORDED_SCORE_TOLERANCE)));
                double reproduced = Rescoring.score(PmmlRegressionModel.parse(replay.bytes()), input);
                ensemble[i] = reproduced;
                checks.add(new Check(subject, (overrides.alternative() ? "the alternative" : "the reproduced") + " model scores the recorded input",
                        format(recorded), format(reproduced), Math.abs(reproduced - recorded) <= SCORE_TOLERANCE,
                        "against " + output + ", within " + SCORE_TOLERANCE));
            } catch (Rescoring.UnscorableInputException e) {
                unscorable = Optional.of(e.getMessage());
            }
        }
        if (unscorable.isPresent()) {
            notReproduced.add("prediction " + predictionId + ": " + unscorable.get() + ", so it cannot be scored again"
                    + (replayed ? "; its model(s) were replayed (see the checks)" : ""));
        }
        if (modelIds.size() > 1 && replayed && unscorable.isEmpty()) {
            double recorded = Rescoring.recordedScore(lineage.prediction().outputJson(), -1);
            double mean = java.util.Arrays.stream(ensemble).average().orElse(Double.NaN);
            checks.add(new Check("prediction " + predictionId, "the ensemble's score (mean of its members)", format(recorded), format(mean),
                    Math.abs(mean - recorded) <= SCORE_TOLERANCE, "within " + SCORE_TOLERANCE
                            + (ensembleNotes.isEmpty() ? "" : "; " + String.join("; ", ensembleNotes))));
        }
        return report("prediction", predictionId, overrides, checks, notReproduced, replayRuns, refused, replayed);
    }

    /**
     * Reproduces a model: re-runs the run that trained it and compares what comes out.
     *
     * @throws ReproductionException when no such model is recorded, or the replay failed
     * @throws IllegalArgumentException for an override the run cannot take (naming it)
     */
    public ReproductionReport ofModel(String modelId, ReplayOverrides overrides) throws IOException, InterruptedException {
        ModelLineage model = new Lineage(store, 0).ofModel(modelId, null)
                .orElseThrow(() -> new ReproductionException("no model '" + modelId + "' is recorded (./iongov models lists them)"));
        List<Check> checks = new ArrayList<>();
        List<String> replayRuns = new ArrayList<>();
        Plan plan = plan(model, overrides);
        if (plan.notReplayable() != null) {
            return report("model", modelId, overrides, checks, List.of(plan.notReplayable()), replayRuns, false, false);
        }
        ModelReplay replay = replay(plan, overrides, checks, replayRuns);
        return report("model", modelId, overrides, checks, List.of(), replayRuns, replay.refused(), !replay.refused());
    }

    private ReproductionReport report(String subject, String id, ReplayOverrides overrides, List<Check> checks, List<String> notReproduced,
            List<String> replayRuns, boolean refused, boolean replayed) {
        List<Check> differing = checks.stream().filter(c -> !c.matched()).toList();
        Outcome outcome;
        String summary;
        if (refused) {
            outcome = Outcome.REFUSED;
            summary = "refused: what the training run depended on is no longer what it recorded: " + describe(differing);
        } else if (!replayed) {
            outcome = Outcome.REFUSED;
            summary = "nothing could be replayed: " + String.join("; ", notReproduced);
        } else if (overrides.alternative()) {
            outcome = Outcome.ALTERNATIVE;
            summary = "alternative replay (" + overrides.describe() + "), not a reproduction: "
                    + (differing.isEmpty() ? "it came out as recorded" : "differs from what was recorded in " + describe(differing));
        } else if (!differing.isEmpty()) {
            outcome = Outcome.DIFFERENT;
            summary = "not reproduced: " + describe(differing);
        } else if (!notReproduced.isEmpty()) {
            outcome = Outcome.DIFFERENT;
            summary = "partly reproduced: every check of what was replayed matched, but " + String.join("; ", notReproduced);
        } else {
            outcome = Outcome.REPRODUCED;
            summary = "reproduced: all " + checks.size() + " checks matched";
        }
        return new ReproductionReport(subject, id, outcome, summary, overrides.describe(), checks, notReproduced, replayRuns);
    }

    private static String describe(List<Check> differing) {
        return String.join("; ", differing.stream().map(c -> c.name() + " (recorded " + c.expected() + ", now " + c.actual() + ")").toList());
    }

    /**
     * A model's training run as it will be replayed (its parameters with the overrides, its
     * datasets), or why it cannot be, decided before any Spark JVM starts.
     */
    private record Plan(ModelLineage model, ObjectNode parameters, List<Dataset> datasets, String notReplayable) {

        static Plan not(String why) {
            return new Plan(null, null, null, why);
        }
    }

    /**
     * How a model's training run is replayed, or why it cannot be: it must be a Spark run of the
     * training code this replay knows, with parameters the training takes and local datasets.
     *
     * @throws IllegalArgumentException for an override the run cannot take (naming it)
     */
    private Plan plan(ModelLineage model, ReplayOverrides overrides) {
        NodeRun trainingRun = model.trainingRun();
        String id = model.model().id();
        if (trainingRun == null) {
            return Plan.not("model " + id + ": the run that trained it is not recorded");
        }
        RunRecord run = trainingRun.start();
        String engine = run.engine();
        String where = " (node " + run.node() + ", run " + run.id() + ")";
        if (!"spark".equals(engine)) {
            return Plan.not("model " + id + " was trained by " + (engine == null ? "an unnamed engine" : engine) + where
                    + ": only Spark training runs are re-run, so it is not reproduced");
        }
        if (!SPARK_TRAINING_CODE.equals(run.codeUri())) {
            return Plan.not("model " + id + " was trained by code " + (run.codeUri() == null ? "that was not recorded" : run.codeUri()) + where
                    + ", which this replay does not know how to re-run (it re-runs " + SPARK_TRAINING_CODE + ")");
        }
        ObjectNode parameters = parameters(run, overrides);
        String problem = parameterProblem(parameters, overrides.parameters().keySet());
        if (problem != null) {
            if (!overrides.parameters().isEmpty()) {
                throw new IllegalArgumentException("run " + run.id() + " cannot be replayed with " + overrides.describe() + ": " + problem);
            }
            return Plan.not("model " + id + where + ": the run recorded parameters its training cannot take again: " + problem);
        }
        List<Dataset> datasets = new ArrayList<>();
        Optional<String> notLocal = datasets(model, parameters, overrides, datasets);
        if (notLocal.isPresent()) {
            return Plan.not("model " + id + where + ": " + notLocal.get());
        }
        if (datasets.isEmpty()) {
            return Plan.not("model " + id + where + ": the run recorded no dataset that it read, so there is nothing to train it on again");
        }
        return new Plan(model, parameters, datasets, null);
    }

    /**
     * Why the training cannot take these parameters, null when it can: decided by the Spark
     * connector's own replay ({@code TrainingReplay.problem}, which reads them as the replay will),
     * loaded from the built connector in a class loader of its own, without starting a JVM.
     */
    private String parameterProblem(ObjectNode parameters, Collection<String> changed) {
        List<String> classpath = EngineProcess.classpathOf(iongovRoot, SPARK_MODULE);
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = Path.of(classpath.get(i)).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("the Spark connector's class path has an entry that is not a file: " + classpath.get(i), e);
            }
        }
        try (URLClassLoader connector = new URLClassLoader("iongov-spark-connector", urls, ClassLoader.getPlatformClassLoader())) {
            Method problem = connector.loadClass(REPLAY_MAIN).getMethod("problem", String.class, Collection.class);
            return (String) problem.invoke(null, parameters.toString(), List.copyOf(changed));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the Spark connector failed checking run parameters: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the built Spark connector cannot check run parameters (" + e
                    + "): build IonGov again with ./mvnw -B -DskipTests install", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the Spark connector's class loader", e);
        }
    }

    /** What one replay of a training run gave. */
    private record ModelReplay(String subject, boolean refused, byte[] bytes) {
    }

    private ModelReplay replay(Plan plan, ReplayOverrides overrides, List<Check> checks, List<String> replayRuns)
            throws IOException, InterruptedException {
        ModelLineage model = plan.model();
        RunRecord run = model.trainingRun().start();
        String subject = "model " + model.model().id() + " (run " + run.id() + " of " + run.node() + ")";
        ObjectNode parameters = plan.parameters();
        List<Dataset> datasets = plan.datasets();
        ObjectNode request = JSON.createObjectNode();
        request.put("run", run.id());
        request.put("codeUri", run.codeUri());
        request.put("codeVersion", run.codeVersion());
        request.put("engineVersion", run.engineVersion());
        request.put("modelName", model.model().name());
        request.set("parameters", parameters);
        ArrayNode list = request.putArray("datasets");
        for (Dataset d : datasets) {
            list.addObject().put("path", d.path().toString()).put("digest", d.recorded().digest()).put("replaced", d.replaced());
        }
        Path folder = Files.createDirectories(work.resolve("replay-" + model.model().id().replaceAll("[^A-Za-z0-9._-]", "_")));
        Path requestFile = folder.resolve("request.json");
        Path resultFile = folder.resolve("result.json");
        Path modelFile = folder.resolve("model.pmml");
        Files.deleteIfExists(resultFile);
        Files.deleteIfExists(modelFile);
        JSON.writerWithDefaultPrettyPrinter().writeValue(requestFile.toFile(), request);
        progress.printf("[reproduce] %s: %s training run %s in a Spark JVM (%s)%n", subject,
                overrides.alternative() ? "replaying, with " + overrides.describe() + ", the" : "re-running the", run.id(), folder);
        Instant started = Instant.now();
        int code;
        List<String> tail;
        try (EngineProcess spark = EngineProcess.start("spark", iongovRoot, List.of(SPARK_MODULE), "1g", REPLAY_MAIN,
                List.of("--request", requestFile.toString(), "--result", resultFile.toString(), "--model", modelFile.toString()),
                folder.resolve("spark.log"), progress)) {
            code = spark.await(timeout.toSeconds(), TimeUnit.SECONDS);
            tail = spark.tail();
        }
        JsonNode result = Files.isRegularFile(resultFile) ? JSON.readTree(resultFile.toFile()) : JSON.createObjectNode();
        if (code != 0 && code != REFUSED_EXIT || result.path("status").asText().isEmpty()) {
            String error = result.path("error").asText("");
            throw new ReproductionException("the Spark replay of run " + run.id() + (code == -1 ? " did not finish within " + timeout
                    : " failed (exit code " + code + ")") + (error.isEmpty() ? "" : ": " + error) + "; its log is " + folder.resolve("spark.log")
                    + (error.isEmpty() ? ", its last lines:\n  " + String.join("\n  ", tail) : ""));
        }
        int before = checks.size();
        checks.add(same(subject, "code URI", run.codeUri(), result.path("codeUri").asText(), "the class whose training made the model"));
        checks.add(same(subject, "code version", run.codeVersion(), result.path("codeVersion").asText(),
                "SHA-256 of the training's compiled classes now on the Spark connector's class path"));
        checks.add(same(subject, "Spark version", run.engineVersion(), result.path("engineVersion").asText(), null));
        JsonNode seen = result.path("datasets");
        for (int i = 0; i < datasets.size(); i++) {
            Dataset d = datasets.get(i);
            String now = seen.path(i).path("digest").asText("missing");
            if (d.replaced()) {
                checks.add(new Check(subject, "dataset " + d.recordedPath() + " signature", d.recorded().digest(), now, now.equals(d.recorded().digest()),
                        "replaced on purpose by " + d.path()));
            } else {
                checks.add(same(subject, "dataset " + d.path() + " signature", d.recorded().digest(), now, "SHA-256 of its content"));
            }
        }
        if (!"trained".equals(result.path("status").asText())) {
            if (checks.subList(before, checks.size()).stream().allMatch(Check::matched)) {
                // Refused for a reason the checks above do not show: the replay's own refusals say why.
                for (JsonNode r : result.path("refusals")) {
                    checks.add(new Check(subject, r.path("check").asText() + " " + r.path("subject").asText(), r.path("recorded").asText(),
                            r.path("current").asText(), false, "the replay's refusal"));
                }
            }
            progress.printf("[reproduce] %s: refused%n", subject);
            return new ModelReplay(subject, true, null);
        }
        byte[] bytes = Files.readAllBytes(modelFile);
        checks.add(compareModels(subject, model.model(), bytes, result, overrides.alternative()));
        if (overrides.alternative()) {
            replayRuns.add(recordAlternative(run, model.model(), parameters, datasets, overrides, result, bytes, started));
        }
        return new ModelReplay(subject, false, bytes);
    }

    private static Check same(String subject, String name, String recorded, String now, String note) {
        String expected = recorded == null ? "not recorded" : recorded;
        return new Check(subject, name, expected, now, expected.equals(now), note);
    }

    /** The recorded parameters with the overrides applied; an override of a parameter the run does not have is refused. */
    private static ObjectNode parameters(RunRecord run, ReplayOverrides overrides) {
        ObjectNode parameters;
        try {
            JsonNode recorded = run.configurationJson() == null ? JSON.createObjectNode() : JSON.readTree(run.configurationJson());
            if (!recorded.isObject()) {
                throw new ReproductionException("run " + run.id() + " recorded a configuration that is not a JSON object");
            }
            parameters = (ObjectNode) recorded;
        } catch (JsonProcessingException e) {
            throw new ReproductionException("run " + run.id() + " recorded a configuration that is not JSON: " + e.getOriginalMessage());
        }
        for (Map.Entry<String, String> o : overrides.parameters().entrySet()) {
            if (!parameters.has(o.getKey())) {
                List<String> names = new ArrayList<>();
                parameters.fieldNames().forEachRemaining(names::add);
                throw new IllegalArgumentException("run " + run.id() + " has no parameter '" + o.getKey() + "' (it has: " + String.join(", ", names)
                        + ")");
            }
            parameters.set(o.getKey(), value(o.getValue()));
        }
        return parameters;
    }

    /** A parameter value as given: JSON when it parses, else a comma-separated list of numbers, else text. */
    private static JsonNode value(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (text.contains(",")) {
                ArrayNode list = JSON.createArrayNode();
                for (String item : text.split(",")) {
                    try {
                        list.add(Double.parseDouble(item.trim()));
                    } catch (NumberFormatException notNumber) {
                        list.add(item.trim());
                    }
                }
                return list;
            }
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** A dataset the run read: where it was recorded, and where the replay reads it. */
    private record Dataset(DatasetRecord recorded, Path recordedPath, Path path, boolean replaced) {
    }

    /**
     * Adds the datasets the run read to {@code datasets}, in the order it read them (its recorded
     * batches, when it names them), with replacements; returns why not, naming it, when one is not a
     * local file (which the replay cannot read).
     *
     * @throws IllegalArgumentException when a replacement names a dataset the run did not read
     */
    private static Optional<String> datasets(ModelLineage model, JsonNode parameters, ReplayOverrides overrides, List<Dataset> datasets) {
        List<String> order = new ArrayList<>();
        parameters.path("batches").forEach(b -> order.add(b.asText()));
        Map<String, Path> unused = new LinkedHashMap<>(overrides.datasets());
        for (ModelLineage.DatasetUse use : model.datasets()) {
            if (!"read".equals(use.direction())) {
                continue;
            }
            Optional<Path> local = localPath(use.dataset().uri());
            if (local.isEmpty()) {
                return Optional.of("dataset " + use.dataset().uri() + " is not a local file, so it cannot be read again here");
            }
            Path path = local.get();
            Path replacement = null;
            for (var o : overrides.datasets().entrySet()) {
                if (o.getKey().equals(use.dataset().uri()) || localPath(o.getKey()).filter(path::equals).isPresent()
                        || path.getFileName() != null && o.getKey().equals(path.getFileName().toString())) {
                    replacement = o.getValue().toAbsolutePath().normalize();
                    unused.remove(o.getKey());
                }
            }
            datasets.add(new Dataset(use.dataset(), path, replacement == null ? path : replacement, replacement != null));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("run " + model.trainingRun().start().id() + " read no dataset " + String.join(", ", unused.keySet())
                    + " (it read: " + String.join(", ", datasets.stream().map(d -> d.recordedPath().toString()).toList()) + ")");
        }
        datasets.sort(Comparator.comparingInt(d -> {
            int at = d.recordedPath().getFileName() == null ? -1 : order.indexOf(d.recordedPath().getFileName().toString());
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        return Optional.empty();
    }

    /** The local file a dataset URI (or a plain path) names, absolute and normalised; empty when it names none. */
    private static Optional<Path> localPath(String uri) {
        try {
            URI u = new URI(uri);
            if (u.getScheme() == null) {
                return Optional.of(Path.of(uri).toAbsolutePath().normalize());
            }
            return "file".equalsIgnoreCase(u.getScheme()) ? Optional.of(Path.of(u).toAbsolutePath().normalize()) : Optional.empty();
        } catch (URISyntaxException notUri) {
            // Not a URI (e.g. a path with a space): a path, if it is one.
            try {
                return Optional.of(Path.of(uri).toAbsolutePath().normalize());
            } catch (InvalidPathException notPath) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notLocal) {
            // InvalidPathException is one; so are a file URI with an authority or a query.
            return Optional.empty();
        }
    }

    /** The model check: the same bytes, else the same coefficients within the tolerance. */
    private Check compareModels(String subject, ModelRecord recorded, byte[] reproduced, JsonNode result, boolean alternative) {
        String actual = result.path("modelSha256").asText();
        String what = "the model (" + recorded.format().name().toLowerCase(Locale.ROOT) + ")";
        if (actual.equals(recorded.sha256())) {
            return new Check(subject, what, "sha256 " + recorded.sha256(), "sha256 " + actual, true, "bit-identical");
        }
        byte[] original = store.model(recorded.id()).map(ModelRecord::bytes).orElse(null);
        if (original == null || recorded.format() != ModelRecord.ModelFormat.PMML) {
            return new Check(subject, what, "sha256 " + recorded.sha256(), "sha256 " + actual, false,
                    "the bytes differ and the recorded model's coefficients cannot be read to compare them");
        }
        PmmlRegressionModel before = PmmlRegressionModel.parse(original);
        PmmlRegressionModel after = PmmlRegressionModel.parse(reproduced);
        if (!before.inputs().equals(after.inputs())) {
            return new Check(subject, what, "inputs " + before.inputs(), "inputs " + after.inputs(), false, "the models take other inputs");
        }
        double worst = relative(before.intercept(), after.intercept());
        for (int i = 0; i < before.coefficients().length; i++) {
            worst = Math.max(worst, relative(before.coefficients()[i], after.coefficients()[i]));
        }
        return new Check(subject, what, "sha256 " + recorded.sha256() + ", intercept " + format(before.intercept()),
                "sha256 " + actual + ", intercept " + format(after.intercept()), worst <= COEFFICIENT_TOLERANCE,
                String.format(Locale.ROOT, "not bit-identical: coefficients and intercept compared, largest relative difference %.3g "
                        + "(tolerance %.0e%s)", worst, COEFFICIENT_TOLERANCE, alternative ? "; an alternative is expected to differ"
                                : ": Spark sums partial results in the order its tasks finish"));
    }

    private static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** The recorded model's score of the recorded input, when the store holds its bytes and a scorer for its format is here. */
    private Optional<Double> recordedScore(ModelRecord model, String inputJson, String subject, List<Check> checks) {
        byte[] bytes = store.model(model.id()).map(ModelRecord::bytes).orElse(null);
        if (bytes == null) {
            checks.add(new Check(subject, "the recorded model scores the recorded input", "the recorded model's bytes", "not in the store", false,
                    "its location: " + model.location()));
            return Optional.empty();
        }
        try (Scorer scorer = Scorers.load(model.format().name().toLowerCase(Locale.ROOT).replace('_', '-'), bytes)) {
            return Optional.of(Rescoring.score(scorer, inputJson));
        }
    }

    /** Records an alternative replay as its own run of the training node, marked as a replay of the original. */
    private String recordAlternative(RunRecord original, ModelRecord recordedModel, ObjectNode parameters, List<Dataset> datasets,
            ReplayOverrides overrides, JsonNode result, byte[] bytes, Instant started) {
        String runId = "replay-" + UUID.randomUUID();
        Instant now = Instant.now();
        ObjectNode configuration = parameters.deepCopy();
        ObjectNode replay = configuration.putObject("replay");
        replay.put("of", original.id());
        replay.put("kind", "alternative");
        ObjectNode changed = replay.putObject("parameters");
        overrides.parameters().forEach((k, v) -> changed.set(k, value(v)));
        ObjectNode replaced = replay.putObject("datasets");
        datasets.stream().filter(Dataset::replaced).forEach(d -> replaced.put(d.recordedPath().toString(), d.path().toString()));
        List<MetadataRecord> records = new ArrayList<>();
        records.add(new RunRecord(runId, original.instanceId(), original.node(), RunRecord.NodeKind.PIPELINE, started, host(), "spark",
                result.path("engineVersion").asText(), null, result.path("codeUri").asText(), result.path("codeVersion").asText(),
                configuration.toString(), System.getProperty("user.name")));
        JsonNode seen = result.path("datasets");
        for (int i = 0; i < datasets.size(); i++) {
            String digest = seen.path(i).path("digest").asText();
            String datasetId = "dataset:" + digest;
            records.add(new DatasetRecord(datasetId, datasets.get(i).path().toUri().toString(), seen.path(i).path("size").asLong(-1), digest, null,
                    now));
            records.add(new DatasetUseRecord(runId + ":read-" + i, runId, datasetId, DatasetUseRecord.Direction.READ, now));
        }
        records.add(new StatisticRecord(runId + ":auc", runId, "evaluate", "auc", now, result.path("holdoutAuc").asDouble(), null));
        records.add(new StatisticRecord(runId + ":training-auc", runId, "fit-logistic-regression", "training_auc", now,
                result.path("trainingAuc").asDouble(), null));
        records.add(new ModelRecord(runId + ":model", runId, recordedModel.name(), ModelRecord.ModelFormat.PMML, result.path("modelSha256").asText(),
                bytes.length, now, bytes, null, result.path("modelMetadata").toString()));
        records.add(new LogRecord(runId + ":log", runId, now, "INFO", "alternative replay of run " + original.id() + " (" + overrides.describe()
                + "), not a reproduction; its model is not published"));
        records.add(new RunEndRecord(runId + ":end", runId, now, RunStatus.SUCCEEDED));
        store.ingest(new IngestBatch(records));
        progress.printf("[reproduce] recorded the alternative as run %s (a replay of %s)%n", runId, original.id());
        return runId;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "not recorded" : Double.toString(v);
    }

    /** A reproduction could not be made: the message says why, for the user. */
    public static final class ReproductionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ReproductionException(String message) {
            super(message);
        }
    }
}
