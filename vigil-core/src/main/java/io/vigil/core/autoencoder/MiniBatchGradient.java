package io.vigil.core.autoencoder;

import io.vigil.core.concurrent.ParallelLoop;
import java.util.Arrays;

/**
 * The mean-squared-error loss of a mini-batch and its gradient. The batch is always split into {@link #SHARDS}
 * contiguous shards whose gradients are summed in shard order, whether the shards run one after another or in
 * parallel: the floating-point sums, and so the trained weights, are the same for every thread count.
 * Buffers are allocated once and reused for every batch.
 */
final class MiniBatchGradient {
    static final int SHARDS = 4;
    /** Below this many multiply-adds per forward pass a batch is cheaper to run serially than to fork. */
    private static final long PARALLEL_WORK = 1L << 17;

    private final DenseNetwork network;
    private final int threads;
    private final DenseNetwork.Workspace[] workspaces = new DenseNetwork.Workspace[SHARDS];
    private final double[][] shardGradients = new double[SHARDS][];
    private final double[] shardLosses = new double[SHARDS];

    MiniBatchGradient(DenseNetwork network, int maxBatchRows, int threads) {
        this.network = network;
        this.threads = threads;
        int capacity = (maxBatchRows + SHARDS - 1) / SHARDS;
        for (int s = 0; s < SHARDS; s++) {
            workspaces[s] = network.workspace(capacity);
            shardGradients[s] = new double[network.parameterCount()];
        }
    }

    /**
     * Returns the batch's MSE, mean over its {@code rows} rows of {@code x} and their features, and overwrites
     * {@code grad} with its gradient with respect to {@code params}.
     */
    double compute(double[] params, double[] x, int rows, double[] grad) {
        if (threads > 1 && (long) rows * network.parameterCount() >= PARALLEL_WORK) {
            ParallelLoop.run(threads, SHARDS, s -> shard(s, params, x, rows));
        } else {
            for (int s = 0; s < SHARDS; s++) {
                shard(s, params, x, rows);
            }
        }
        int d = network.inputs();
        double loss = 0;
        Arrays.fill(grad, 0.0);
        for (int s = 0; s < SHARDS; s++) {
            loss += shardLosses[s];
            double[] g = shardGradients[s];
            for (int k = 0; k < g.length; k++) {
                grad[k] += g[k];
            }
        }
        double count = (double) rows * d;
        double scale = 2.0 / count;
        for (int k = 0; k < grad.length; k++) {
            grad[k] *= scale;
        }
        return loss / count;
    }

    /** Sum of squared errors and its half-gradient (without the factor 2) over one shard's rows. */
    private void shard(int s, double[] params, double[] x, int rows) {
        int from = (int) ((long) rows * s / SHARDS);
        int to = (int) ((long) rows * (s + 1) / SHARDS);
        int m = to - from;
        double[] g = shardGradients[s];
        Arrays.fill(g, 0.0);
        shardLosses[s] = 0;
        if (m == 0) {
            return;
        }
        int d = network.inputs();
        DenseNetwork.Workspace ws = workspaces[s];
        double[] in = ws.input();
        System.arraycopy(x, from * d, in, 0, m * d);
        network.forward(params, ws, m);
        double[] out = ws.output();
        double[] delta = ws.delta[network.layers()];
        double loss = 0;
        for (int k = 0, end = m * d; k < end; k++) {
            double diff = out[k] - in[k];
            delta[k] = diff;
            loss += diff * diff;
        }
        shardLosses[s] = loss;
        network.backward(params, ws, m, g);
    }
}
