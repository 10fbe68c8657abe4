package org.iongov.connector.tensorflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A feed-forward binary classifier as a TensorFlow graph: inputs standardized inside the graph
 * (so the exported model takes raw features), tanh hidden layers, a sigmoid output, the mean
 * log loss and one gradient-descent step over all weights, with gradients from the graph.
 * Weights start from a Glorot-uniform draw made in Java from the seed, so training is repeatable.
 */
public final class NetworkGraph implements AutoCloseable {

    public static final String INPUT = "features";
    public static final String OUTPUT = "probability";

    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> x;
    private final Placeholder<TFloat32> y;
    private final Operand<TFloat32> probability;
    private final Operand<TFloat32> loss;
    private final List<Op> steps = new ArrayList<>();
    private final Signature signature;
    private final int width;

    /**
     * @param mean per-feature means to standardize with
     * @param scale per-feature standard deviations (positive)
     * @param hidden the hidden layers' sizes
     * @param learningRate the gradient-descent step size
     * @param seed the initial weights' seed
     */
    public NetworkGraph(float[] mean, float[] scale, int[] hidden, float learningRate, long seed) {
        width = mean.length;
        try {
            Ops tf = Ops.create(graph);
            x = tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
            y = tf.withName("label").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
            Operand<TFloat32> h = tf.withName("standardized").math.div(tf.math.sub(x, tf.constant(new float[][] {mean})),
                    tf.constant(new float[][] {scale}));
            SplittableRandom random = new SplittableRandom(seed);
            List<Variable<TFloat32>> weights = new ArrayList<>();
            int in = width;
            for (int layer = 0; layer <= hidden.length; layer++) {
                boolean last = layer == hidden.length;
                int out = last ? 1 : hidden[layer];
                Ops scope = tf.withSubScope(last ? "output" : "hidden" + (layer + 1));
                Variable<TFloat32> w = scope.withName("weights").variable(scope.constant(glorot(random, in, out)));
                Variable<TFloat32> b = scope.withName("bias").variable(scope.constant(new float[out]));
                weights.add(w);
                weights.add(b);
                Operand<TFloat32> z = scope.math.add(scope.linalg.matMul(h, w), b);
                h = last ? z : scope.math.tanh(z);
                in = out;
            }
            Operand<TFloat32> logit = h;
            probability = tf.withName(OUTPUT).math.sigmoid(logit);
            // log loss from logits, stably: softplus(z) - z * y
            loss = tf.withName("loss").math.mean(tf.math.sub(tf.math.softplus(logit), tf.math.mul(logit, y)),
                    tf.constant(new int[] {0, 1}));
            Gradients gradients = tf.gradients(loss, weights);
            Operand<TFloat32> rate = tf.constant(learningRate);
            for (int i = 0; i < weights.size(); i++) {
                steps.add(tf.train.applyGradientDescent(weights.get(i), rate, gradients.<TFloat32>dy(i)));
            }
            signature = Signature.builder().key(Signature.DEFAULT_KEY).methodName("tensorflow/serving/predict").input(INPUT, x)
                    .output(OUTPUT, probability).build();
            session = new Session(graph, SessionConfig.singleThreaded());
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private static float[][] glorot(SplittableRandom random, int in, int out) {
        double limit = Math.sqrt(6.0 / (in + out));
        float[][] w = new float[in][out];
        for (float[] row : w) {
            for (int j = 0; j < out; j++) {
                row[j] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
        }
        return w;
    }

    /** One gradient-descent step on these rows. */
    public void step(float[] features, float[] labels) {
        try (TFloat32 xs = matrix(features, width); TFloat32 ys = matrix(labels, 1)) {
            Session.Runner runner = session.runner().feed(x, xs).feed(y, ys);
            steps.forEach(runner::addTarget);
            runner.run().close();
        }
    }

    /** The mean log loss on these rows. */
    public double loss(float[] features, float[] labels) {
        try (TFloat32 xs = matrix(features, width); TFloat32 ys = matrix(labels, 1);
                Result result = session.runner().feed(x, xs).feed(y, ys).fetch(loss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    /** P(positive) for each row. */
    public double[] predict(float[] features) {
        int rows = features.length / width;
        try (TFloat32 xs = matrix(features, width); Result result = session.runner().feed(x, xs).fetch(probability).run()) {
            float[] out = new float[rows];
            ((TFloat32) result.get(0)).copyTo(DataBuffers.of(out, false, false));
            double[] scores = new double[rows];
            for (int i = 0; i < rows; i++) {
                scores[i] = out[i];
            }
            return scores;
        }
    }

    private static TFloat32 matrix(float[] flat, int columns) {
        return TFloat32.tensorOf(Shape.of(flat.length / columns, columns), DataBuffers.of(flat, true, false));
    }

    public Session session() {
        return session;
    }

    /** The serving signature: {@value #INPUT} [-1, n] to {@value #OUTPUT} [-1, 1]. */
    public Signature signature() {
        return signature;
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            graph.close();
        }
    }
}
