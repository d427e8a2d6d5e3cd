package libsvm;

import io.vigil.core.concurrent.ParallelLoop;

/**
 * Trains a one-class SVM (Schölkopf et al., Neural Computation 13, 2001) with LIBSVM's own {@code Solver} and
 * {@code Cache}, on a kernel matrix computed from dense rows. The kernel values follow LIBSVM's formula for RBF,
 * exp(-gamma (|x_i|^2 + |x_j|^2 - 2 x_i.x_j)), with the same summation order, so the solution is the one
 * {@code svm.svm_train} finds on the same data; only the per-value objects and pointer chasing are gone, and
 * kernel columns are computed on several threads.
 */
public final class DenseOneClassSolver {
    private DenseOneClassSolver() {
    }

    /** The solution: dual coefficients (alpha, all rows, mostly zero) and the offset rho. */
    public record Solution(double[] alpha, double rho) {
    }

    public static Solution solve(double[] x, int n, int d, double nu, double gamma, double eps, double cacheMb,
                                 boolean shrinking, int threads) {
        double[] alpha = new double[n];
        int whole = (int) (nu * n);
        for (int i = 0; i < whole; i++) {
            alpha[i] = 1;
        }
        if (whole < n) {
            alpha[whole] = nu * n - whole;
        }
        double[] zeros = new double[n];
        byte[] ones = new byte[n];
        java.util.Arrays.fill(ones, (byte) 1);
        Solver.SolutionInfo info = new Solver.SolutionInfo();
        new Solver().Solve(n, new DenseRbfQ(x, n, d, gamma, cacheMb, threads), zeros, ones, alpha, 1.0, 1.0, eps,
                info, shrinking ? 1 : 0);
        return new Solution(alpha, info.rho);
    }

    /** LIBSVM's one-class Q matrix (Q_ij = K(x_i, x_j)) over dense rows, with LIBSVM's column cache. */
    static final class DenseRbfQ extends QMatrix {
        /** Columns shorter than this many multiply-adds are computed on the calling thread. */
        private static final int PARALLEL_WORK = 1 << 16;

        private final double[] x;
        private final int d;
        private final double gamma;
        private final double[] square;
        private final int[] row;
        private final double[] diagonal;
        private final Cache cache;
        private final int threads;

        DenseRbfQ(double[] x, int n, int d, double gamma, double cacheMb, int threads) {
            this.x = x;
            this.d = d;
            this.gamma = gamma;
            this.threads = threads;
            this.square = new double[n];
            this.row = new int[n];
            for (int i = 0; i < n; i++) {
                row[i] = i;
                square[i] = dot(i * d, i * d);
            }
            this.cache = new Cache(n, (long) (cacheMb * (1 << 20)));
            this.diagonal = new double[n];
            for (int i = 0; i < n; i++) {
                diagonal[i] = kernel(i, i);
            }
        }

        private double dot(int a, int b) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += x[a + j] * x[b + j];
            }
            return sum;
        }

        /** K between the rows now at positions i and j (LIBSVM swaps positions as it shrinks). */
        private double kernel(int i, int j) {
            int a = row[i];
            int b = row[j];
            return Math.exp(-gamma * (square[a] + square[b] - 2 * dot(a * d, b * d)));
        }

        @Override
        float[] get_Q(int i, int len) {
            float[][] data = new float[1][];
            int start = cache.get_data(i, data, len);
            if (start < len) {
                float[] column = data[0];
                int count = len - start;
                if ((long) count * d < PARALLEL_WORK || threads <= 1) {
                    for (int j = start; j < len; j++) {
                        column[j] = (float) kernel(i, j);
                    }
                } else {
                    int chunks = Math.min(count, threads * 4);
                    ParallelLoop.run(threads, chunks, c -> {
                        int from = start + (int) ((long) count * c / chunks);
                        int to = start + (int) ((long) count * (c + 1) / chunks);
                        for (int j = from; j < to; j++) {
                            column[j] = (float) kernel(i, j);
                        }
                    });
                }
            }
            return data[0];
        }

        @Override
        double[] get_QD() {
            return diagonal;
        }

        @Override
        void swap_index(int i, int j) {
            cache.swap_index(i, j);
            int r = row[i];
            row[i] = row[j];
            row[j] = r;
            double q = diagonal[i];
            diagonal[i] = diagonal[j];
            diagonal[j] = q;
        }
    }
}
