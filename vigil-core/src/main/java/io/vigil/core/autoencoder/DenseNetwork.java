package io.vigil.core.autoencoder;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.standardize.Standardization;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The layout of a fully connected network and its forward and backward passes over one flat parameter array.
 * Layer l maps {@code sizes[l]} inputs to {@code sizes[l+1]} outputs; its weights are stored row-major, one row
 * per output ({@code W[o * in + i]}), followed by its biases. Hidden layers use ReLU, the output layer is linear.
 * Holds no parameters itself, so one layout serves training, gradient checks and scoring.
 */
final class DenseNetwork {
    /** Rows pushed through the network together when scoring: big enough to amortise, small enough for cache. */
    private static final int SCORE_BLOCK = 256;

    private final int[] sizes;
    private final int[] weightOffset;
    private final int[] biasOffset;
    private final int parameterCount;

    DenseNetwork(int[] sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output layer");
        }
        for (int s : sizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, got " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weightOffset = new int[layers];
        biasOffset = new int[layers];
        int p = 0;
        for (int l = 0; l < layers; l++) {
            weightOffset[l] = p;
            p += sizes[l] * sizes[l + 1];
            biasOffset[l] = p;
            p += sizes[l + 1];
        }
        parameterCount = p;
    }

    /** The autoencoder shape d, h = max(d/2, 8), z = max(h/2, 4), h, d. */
    static DenseNetwork autoencoder(int d) {
        int h = Math.max(d / 2, 8);
        int z = Math.max(h / 2, 4);
        return new DenseNetwork(new int[] {d, h, z, h, d});
    }

    int[] sizes() {
        return sizes.clone();
    }

    int inputs() {
        return sizes[0];
    }

    int outputs() {
        return sizes[sizes.length - 1];
    }

    int layers() {
        return sizes.length - 1;
    }

    int parameterCount() {
        return parameterCount;
    }

    /**
     * He normal weights (std sqrt(2 / fan_in)) before each ReLU and Glorot uniform weights on the linear output
     * layer, zero biases: the initialisations their papers derive for keeping activations' variance stable.
     */
    double[] initialParameters(SplittableRandom random) {
        double[] params = new double[parameterCount];
        for (int l = 0; l < layers(); l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            boolean output = l == layers() - 1;
            double he = Math.sqrt(2.0 / in);
            double glorot = Math.sqrt(6.0 / (in + out));
            for (int k = weightOffset[l], end = k + in * out; k < end; k++) {
                params[k] = output ? (2 * random.nextDouble() - 1) * glorot : random.nextGaussian() * he;
            }
        }
        return params;
    }

    /** Activation buffers for up to {@code capacity} rows: {@code act[0]} holds the inputs. */
    Workspace workspace(int capacity) {
        return new Workspace(sizes, capacity);
    }

    /** Computes every layer's activations for rows [0, rows) of {@code ws.act[0]}. */
    void forward(double[] params, Workspace ws, int rows) {
        for (int l = 0; l < layers(); l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            boolean relu = l < layers() - 1;
            double[] a = ws.act[l];
            double[] next = ws.act[l + 1];
            int w0 = weightOffset[l];
            int b0 = biasOffset[l];
            for (int s = 0; s < rows; s++) {
                int xa = s * in;
                int xn = s * out;
                for (int o = 0, w = w0; o < out; o++) {
                    double sum = params[b0 + o];
                    for (int i = 0; i < in; i++, w++) {
                        sum += params[w] * a[xa + i];
                    }
                    next[xn + o] = relu && sum < 0 ? 0 : sum;
                }
            }
        }
    }

    /**
     * Back-propagates {@code ws.delta[layers]} (dLoss/dOutput for rows [0, rows), set by the caller) and adds the
     * parameter gradient to {@code grad}. Needs the activations of the matching {@link #forward} call.
     */
    void backward(double[] params, Workspace ws, int rows, double[] grad) {
        for (int l = layers() - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] a = ws.act[l];
            double[] delta = ws.delta[l + 1];
            double[] below = l > 0 ? ws.delta[l] : null;
            int w0 = weightOffset[l];
            int b0 = biasOffset[l];
            if (below != null) {
                Arrays.fill(below, 0, rows * in, 0.0);
            }
            for (int s = 0; s < rows; s++) {
                int xa = s * in;
                int xd = s * out;
                for (int o = 0; o < out; o++) {
                    double g = delta[xd + o];
                    if (g == 0) {
                        continue;
                    }
                    grad[b0 + o] += g;
                    int w = w0 + o * in;
                    for (int i = 0; i < in; i++) {
                        grad[w + i] += g * a[xa + i];
                    }
                    if (below != null) {
                        for (int i = 0; i < in; i++) {
                            below[xa + i] += g * params[w + i];
                        }
                    }
                }
            }
            if (below != null) {
                // ReLU passes gradient only where it was active; act > 0 exactly where the pre-activation was.
                for (int k = 0, end = rows * in; k < end; k++) {
                    if (a[k] <= 0) {
                        below[k] = 0;
                    }
                }
            }
        }
    }

    /**
     * Each row's mean squared reconstruction error over its features, on standardised values: rows of {@code x}
     * are standardised with {@code scaling} first unless it is null. Rows are independent, so the result does not
     * depend on {@code threads}.
     */
    double[] reconstructionErrors(double[] params, double[] x, int n, Standardization scaling, int threads) {
        if (inputs() != outputs()) {
            throw new IllegalStateException("reconstruction needs as many outputs as inputs");
        }
        int d = inputs();
        double[] errors = new double[n];
        int blocks = (n + SCORE_BLOCK - 1) / SCORE_BLOCK;
        ParallelLoop.run(threads, blocks, b -> {
            int from = b * SCORE_BLOCK;
            int rows = Math.min(n, from + SCORE_BLOCK) - from;
            Workspace ws = workspace(rows);
            double[] in = ws.input();
            if (scaling != null) {
                scaling.applyRows(x, from, rows, in, 0);
            } else {
                System.arraycopy(x, from * d, in, 0, rows * d);
            }
            forward(params, ws, rows);
            double[] out = ws.output();
            for (int s = 0, k = 0; s < rows; s++) {
                double sum = 0;
                for (int j = 0; j < d; j++, k++) {
                    double diff = out[k] - in[k];
                    sum += diff * diff;
                }
                errors[from + s] = sum / d;
            }
        });
        return errors;
    }

    /** Per-layer activation and gradient buffers for a block of rows; one per thread, reused across batches. */
    static final class Workspace {
        final double[][] act;
        final double[][] delta;
        final int capacity;

        Workspace(int[] sizes, int capacity) {
            this.capacity = capacity;
            act = new double[sizes.length][];
            delta = new double[sizes.length][];
            for (int l = 0; l < sizes.length; l++) {
                act[l] = new double[capacity * sizes[l]];
                delta[l] = l == 0 ? new double[0] : new double[capacity * sizes[l]];
            }
        }

        double[] input() {
            return act[0];
        }

        double[] output() {
            return act[act.length - 1];
        }
    }
}
