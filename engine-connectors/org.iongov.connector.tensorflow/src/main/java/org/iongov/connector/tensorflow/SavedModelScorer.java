package org.iongov.connector.tensorflow;

import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import org.iongov.connector.scoring.Scorer;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Scores with a SavedModel binary classifier. The convention it expects (what
 * {@link NeuralNetworkTrainer} exports): the serving signature ({@code serving_default}, or the
 * only one) has one DT_FLOAT input of shape [-1, n] and one DT_FLOAT output of shape [-1, 1] or
 * [-1] holding P(positive) (with several outputs, the one named {@code probability}). The input
 * features are named by the archive's {@value SavedModelArchive#FEATURES_FILE}, else
 * {@code x0 .. x(n-1)}.
 *
 * <p>Thread-safe: scoring calls run concurrently on the one session; {@link #close} waits for
 * them and then frees the native memory.
 */
public final class SavedModelScorer implements Scorer {

    private final LoadedSavedModel model;
    private final Session session;
    private final String inputTensor;
    private final String outputTensor;
    private final List<String> inputs;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private SavedModelScorer(LoadedSavedModel model) {
        this.model = model;
        this.session = model.bundle().session();
        LoadedSavedModel.SignatureSpec signature = model.servingSignature();
        if (signature.inputs().size() != 1) {
            throw new IllegalArgumentException("the SavedModel's signature '" + signature.key() + "' has "
                    + signature.inputs().size() + " inputs; a scorer needs one feature matrix");
        }
        LoadedSavedModel.TensorSpec input = signature.inputs().get(0);
        List<Long> shape = input.shape();
        if (!"DT_FLOAT".equals(input.dtype()) || shape == null || shape.size() != 2 || shape.get(1) < 1) {
            throw new IllegalArgumentException("the SavedModel's input '" + input.name() + "' is " + input.dtype() + " " + shape
                    + "; a scorer needs DT_FLOAT [-1, n]");
        }
        LoadedSavedModel.TensorSpec output = signature.outputs().size() == 1 ? signature.outputs().get(0)
                : signature.outputs().stream().filter(o -> o.name().equals("probability")).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the SavedModel's signature '" + signature.key()
                                + "' has " + signature.outputs().size() + " outputs and none named 'probability'"));
        if (!"DT_FLOAT".equals(output.dtype())) {
            throw new IllegalArgumentException("the SavedModel's output '" + output.name() + "' is " + output.dtype()
                    + "; a scorer needs DT_FLOAT probabilities");
        }
        int width = Math.toIntExact(shape.get(1));
        List<String> features = model.features();
        if (!features.isEmpty() && features.size() != width) {
            throw new IllegalArgumentException("the SavedModel names " + features.size() + " features but its input '"
                    + input.name() + "' takes " + width);
        }
        this.inputs = features.isEmpty() ? IntStream.range(0, width).mapToObj(i -> "x" + i).toList() : features;
        this.inputTensor = input.tensor();
        this.outputTensor = output.tensor();
    }

    /**
     * Loads archive bytes ({@link SavedModelArchive}).
     *
     * @throws IllegalArgumentException when the bytes are not a SavedModel archive or the model
     *         does not follow the convention above
     */
    public static SavedModelScorer load(byte[] archive) {
        LoadedSavedModel model = LoadedSavedModel.load(archive);
        try {
            return new SavedModelScorer(model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public String format() {
        return "saved-model";
    }

    @Override
    public List<String> inputs() {
        return inputs;
    }

    /** The model's metadata as read from the SavedModel ({@link LoadedSavedModel#metadataJson()}). */
    public String metadataJson() {
        return model.metadataJson();
    }

    @Override
    public double score(double[] features) {
        return scoreAll(new double[][] {features})[0];
    }

    /** Scores many rows in one session call (faster than one by one). */
    public double[] scoreAll(double[][] rows) {
        int width = inputs.size();
        float[] flat = new float[rows.length * width];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != width) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " features; the model takes " + width
                        + " " + inputs);
            }
            for (int c = 0; c < width; c++) {
                flat[r * width + c] = (float) rows[r][c];
            }
        }
        lock.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the SavedModel scorer is closed");
            }
            try (TFloat32 x = TFloat32.tensorOf(Shape.of(rows.length, width), DataBuffers.of(flat, true, false));
                    Result result = session.runner().feed(inputTensor, x).fetch(outputTensor).run()) {
                TFloat32 p = (TFloat32) result.get(0);
                float[] out = new float[rows.length];
                p.copyTo(DataBuffers.of(out, false, false));
                double[] scores = new double[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    scores[r] = out[r];
                }
                return scores;
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                model.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
