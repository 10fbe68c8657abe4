package org.iongov.connector.tensorflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.iongov.agent.api.Histogram;
import org.iongov.agent.api.RunHandle;
import org.iongov.connector.data.PatientData;
import org.iongov.connector.data.PatientRecord;
import org.iongov.connector.tensorflow.internal.Evaluation;
import org.iongov.connector.tensorflow.internal.NetworkGraph;

/**
 * Trains a small neural network on the demo's patient data with TensorFlow from Java and reports
 * it through a run: the nine features are standardized inside the graph, pass through tanh
 * hidden layers to a sigmoid, and minibatch gradient descent (gradients from the graph) lowers
 * the log loss.
 *
 * <p>Reported, with the ION's component names: per-epoch training {@code loss}
 * ({@code fit-neural-network}); on the holdout {@code auc}, {@code accuracy}, {@code precision},
 * {@code recall}, the structured {@code confusion-matrix} ({@code evaluate}) and the prediction
 * signature of {@code probability} (a histogram over tenths of [0, 1]). The training
 * parameters are in {@link #parameters()}, for the run's spec.
 *
 * <p>Repeatable: the holdout split, the initial weights and the batch order come from the seed
 * (drawn in Java), and the session runs single-threaded so sums add in a fixed order; the same
 * seed, data and TensorFlow build give the same weights, scores, statistics and archive bytes,
 * provided TensorFlow's oneDNN kernels are off (environment variable
 * {@code TF_ENABLE_ONEDNN_OPTS=0}, read when the native library loads): with them on, as by
 * default on x86, matrix products can differ in the last bits from run to run under CPU load.
 *
 * <p>Immutable; the {@code with} methods return changed copies.
 */
public final class NeuralNetworkTrainer {

    /** Tenths of [0, 1], the bins of the holdout's prediction signature (as inference pipelines use). */
    private static final double[] SCORE_EDGES = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    private final int[] hidden;
    private final int epochs;
    private final double learningRate;
    private final int batchSize;
    private final double holdoutFraction;
    private final long seed;
    private final Map<String, double[]> signatureEdges;

    private NeuralNetworkTrainer(int[] hidden, int epochs, double learningRate, int batchSize, double holdoutFraction, long seed,
            Map<String, double[]> signatureEdges) {
        this.hidden = hidden;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.holdoutFraction = holdoutFraction;
        this.seed = seed;
        this.signatureEdges = signatureEdges;
    }

    /** Hidden layers 16 and 8, 30 epochs, learning rate 0.03, batches of 32, a 20% holdout, seed 42. */
    public static NeuralNetworkTrainer defaults() {
        return new NeuralNetworkTrainer(new int[] {16, 8}, 30, 0.03, 32, 0.2, 42, Map.of());
    }

    public NeuralNetworkTrainer withHiddenLayers(int... sizes) {
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("hidden layers need at least one layer, each of size 1 or more, got "
                    + Arrays.toString(sizes));
        }
        return new NeuralNetworkTrainer(sizes.clone(), epochs, learningRate, batchSize, holdoutFraction, seed, signatureEdges);
    }

    public NeuralNetworkTrainer withEpochs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, was " + n);
        }
        return new NeuralNetworkTrainer(hidden, n, learningRate, batchSize, holdoutFraction, seed, signatureEdges);
    }

    public NeuralNetworkTrainer withLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the learning rate must be positive, was " + rate);
        }
        return new NeuralNetworkTrainer(hidden, epochs, rate, batchSize, holdoutFraction, seed, signatureEdges);
    }

    public NeuralNetworkTrainer withBatchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, was " + rows);
        }
        return new NeuralNetworkTrainer(hidden, epochs, learningRate, rows, holdoutFraction, seed, signatureEdges);
    }

    public NeuralNetworkTrainer withHoldoutFraction(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the holdout fraction must be between 0 and 1 (exclusive), was " + fraction);
        }
        return new NeuralNetworkTrainer(hidden, epochs, learningRate, batchSize, fraction, seed, signatureEdges);
    }

    public NeuralNetworkTrainer withSeed(long s) {
        return new NeuralNetworkTrainer(hidden, epochs, learningRate, batchSize, holdoutFraction, s, signatureEdges);
    }

    /**
     * Also reports the input signature of this feature over the data read (holdout included),
     * with these fixed bin edges: the same edges as the inference pipeline's make training and
     * serving distributions comparable.
     */
    public NeuralNetworkTrainer withInputSignature(String feature, double... edges) {
        if (!PatientRecord.FEATURES.contains(feature)) {
            throw new IllegalArgumentException("no feature '" + feature + "' to sign; the features are " + PatientRecord.FEATURES);
        }
        Histogram.binned(edges, new double[0]); // checks the edges, in the API's words
        Map<String, double[]> all = new LinkedHashMap<>(signatureEdges);
        all.put(feature, edges.clone());
        return new NeuralNetworkTrainer(hidden, epochs, learningRate, batchSize, holdoutFraction, seed,
                java.util.Collections.unmodifiableMap(all));
    }

    /** The training parameters, to record in the run's spec. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hiddenLayers", Arrays.stream(hidden).boxed().toList());
        p.put("epochs", epochs);
        p.put("learningRate", learningRate);
        p.put("batchSize", batchSize);
        p.put("holdoutFraction", holdoutFraction);
        p.put("seed", seed);
        p.put("optimizer", "minibatch gradient descent");
        return p;
    }

    /** Reads a patient CSV file (reported as read by the run) and trains on it. */
    public TrainedNetwork train(Path csv, RunHandle run) {
        List<PatientRecord> records = PatientData.readCsv(csv);
        run.datasetRead(csv);
        return train(records, run);
    }

    /** Trains on these encounters, reporting to the run (which stays open: the caller ends it). */
    public TrainedNetwork train(List<PatientRecord> records, RunHandle run) {
        Objects.requireNonNull(run, "run");
        int n = records.size();
        int holdoutCount = (int) Math.round(n * holdoutFraction);
        if (holdoutCount < 2 || n - holdoutCount < 2) {
            throw new IllegalArgumentException("too few encounters to train and evaluate: " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = shuffled(n, random);
        int[] holdout = Arrays.copyOfRange(order, 0, holdoutCount);
        int[] training = Arrays.copyOfRange(order, holdoutCount, n);
        int width = PatientRecord.FEATURES.size();
        float[] mean = new float[width];
        float[] scale = new float[width];
        standardization(records, training, mean, scale);

        signatureEdges.forEach((feature, edges) -> {
            int column = PatientRecord.FEATURES.indexOf(feature);
            double[] values = records.stream().mapToDouble(r -> r.features()[column]).toArray();
            run.inputSignature(feature, Histogram.binned(edges, values));
        });

        long start = System.nanoTime();
        try (NetworkGraph network = new NetworkGraph(mean, scale, hidden, (float) learningRate, random.nextLong())) {
            float[] trainX = features(records, training);
            float[] trainY = labels(records, training);
            List<Double> losses = new ArrayList<>();
            for (int epoch = 1; epoch <= epochs; epoch++) {
                int[] batchOrder = shuffled(training.length, random);
                for (int from = 0; from < training.length; from += batchSize) {
                    int[] rows = new int[Math.min(batchSize, training.length - from)];
                    for (int i = 0; i < rows.length; i++) {
                        rows[i] = training[batchOrder[from + i]];
                    }
                    network.step(features(records, rows), labels(records, rows));
                }
                double loss = network.loss(trainX, trainY);
                losses.add(loss);
                run.statistic("fit-neural-network", "loss", loss);
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            double[] scores = network.predict(features(records, holdout));
            int[] truth = new int[holdout.length];
            double[][] holdoutRows = new double[holdout.length][];
            for (int i = 0; i < holdout.length; i++) {
                truth[i] = records.get(holdout[i]).testOrdered();
                holdoutRows[i] = records.get(holdout[i]).features();
            }
            Evaluation evaluation = Evaluation.of(scores, truth, 0.5);
            run.statistic("evaluate", "accuracy", evaluation.accuracy());
            run.statistic("evaluate", "precision", evaluation.precision());
            run.statistic("evaluate", "recall", evaluation.recall());
            run.structuredStatistic("evaluate", "confusion-matrix", evaluation.confusionJson());
            run.predictionSignature(NetworkGraph.OUTPUT, Histogram.binned(SCORE_EDGES, scores));
            run.statistic("evaluate", "auc", evaluation.auc());
            run.log("INFO", String.format(Locale.ROOT, "trained %s on %d encounters (%d held out) for %d epochs in %.1f s: auc %.4f",
                    Arrays.toString(hidden), training.length, holdout.length, epochs, seconds, evaluation.auc()));

            byte[] archive = SavedModelArchive.export(network.session().function(network.signature()), PatientRecord.FEATURES);
            String metadata;
            try (LoadedSavedModel exported = LoadedSavedModel.load(archive)) {
                metadata = exported.metadataJson(); // read back from what was written, not from what we meant to write
            }
            return new TrainedNetwork(archive, metadata, List.copyOf(losses), holdoutRows, truth, scores, evaluation.auc(),
                    evaluation.accuracy(), evaluation.precision(), evaluation.recall(), evaluation.confusionJson());
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static void standardization(List<PatientRecord> records, int[] rows, float[] mean, float[] scale) {
        int width = mean.length;
        double[] sum = new double[width];
        double[] squares = new double[width];
        for (int r : rows) {
            double[] f = records.get(r).features();
            for (int c = 0; c < width; c++) {
                sum[c] += f[c];
                squares[c] += f[c] * f[c];
            }
        }
        for (int c = 0; c < width; c++) {
            double m = sum[c] / rows.length;
            double variance = Math.max(0, squares[c] / rows.length - m * m);
            mean[c] = (float) m;
            scale[c] = (float) Math.max(Math.sqrt(variance), 1e-6); // a constant feature must not divide by zero
        }
    }

    private static float[] features(List<PatientRecord> records, int[] rows) {
        int width = PatientRecord.FEATURES.size();
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            double[] f = records.get(rows[i]).features();
            for (int c = 0; c < width; c++) {
                flat[i * width + c] = (float) f[c];
            }
        }
        return flat;
    }

    private static float[] labels(List<PatientRecord> records, int[] rows) {
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = records.get(rows[i]).testOrdered();
        }
        return y;
    }
}
