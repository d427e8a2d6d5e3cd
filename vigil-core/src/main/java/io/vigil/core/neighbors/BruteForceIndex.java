package io.vigil.core.neighbors;

import io.vigil.core.concurrent.ParallelLoop;
import io.vigil.core.data.Matrix;
import java.util.Arrays;

/**
 * Exact k-nearest-neighbour search by scanning every row, for dimensions where trees stop pruning.
 *
 * <p>The scan ranks rows by ||q||^2 + ||x||^2 - 2 q.x on column-centred data (centring keeps the cancellation
 * small), four queries at a time against cache-sized blocks of rows. That ranking is only approximate, so every
 * row within a rounding-error margin of the running k-th value is kept as a candidate, and the final answer
 * recomputes the candidates' distances exactly with {@link NeighborIndex#squaredDistance}: results are bit-identical
 * to {@link KdTree}'s.
 */
public final class BruteForceIndex extends NeighborIndex {
    /** Queries per task; their scratch state stays small while a data block is reused across them. */
    private static final int QUERY_BLOCK = 32;
    /** Rows per block: 128 rows of a few hundred columns stay in L2 while a query block runs over them. */
    private static final int DATA_BLOCK = 128;
    /** Twice the unit roundoff, so the margin below holds with room to spare. */
    private static final double ROUNDOFF = 2.3e-16;

    private final int d;
    private final double[] mean;
    private final double[] centred;
    private final double[] norms;
    private final double maxNorm;

    private BruteForceIndex(Matrix data, double[] mean, double[] centred, double[] norms, double maxNorm) {
        super(data);
        this.d = data.cols();
        this.mean = mean;
        this.centred = centred;
        this.norms = norms;
        this.maxNorm = maxNorm;
    }

    public static BruteForceIndex build(Matrix data) {
        int n = data.rows();
        int d = data.cols();
        if (n == 0 || d == 0) {
            throw new IllegalArgumentException("cannot index " + n + " rows of " + d + " columns");
        }
        double[] x = data.values();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < d; t++) {
                mean[t] += x[i * d + t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= n;
        }
        double[] centred = new double[n * d];
        double[] norms = new double[n];
        double maxNorm = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int t = 0; t < d; t++) {
                double c = x[i * d + t] - mean[t];
                centred[i * d + t] = c;
                s += c * c;
            }
            norms[i] = s;
            maxNorm = Math.max(maxNorm, s);
        }
        return new BruteForceIndex(data, mean, centred, norms, maxNorm);
    }

    @Override
    void search(Matrix queries, int k, boolean excludeSelf, int threads, int[] indices, double[] distances) {
        int n = queries.rows();
        int blocks = (n + QUERY_BLOCK - 1) / QUERY_BLOCK;
        ParallelLoop.run(threads, blocks, b -> new BlockScan(queries.values(), b * QUERY_BLOCK,
                Math.min(n, (b + 1) * QUERY_BLOCK), k, excludeSelf).run(indices, distances));
    }

    /** The scratch state of one block of queries. */
    private final class BlockScan {
        final double[] queries;
        final int first;
        final int count;
        final int k;
        final boolean excludeSelf;
        final double[] q;
        final double[] qNorm;
        /** Allowed slack over the running k-th approximate value, per query. */
        final double[] margin;
        /** Max-heaps of the k smallest approximate values, per query. */
        final double[] heap;
        final int[] heapSize;
        final int[][] candidates;
        final double[][] candidateValues;
        final int[] candidateCount;

        BlockScan(double[] queries, int first, int to, int k, boolean excludeSelf) {
            this.queries = queries;
            this.first = first;
            this.count = to - first;
            this.k = k;
            this.excludeSelf = excludeSelf;
            q = new double[count * d];
            qNorm = new double[count];
            margin = new double[count];
            heap = new double[count * k];
            heapSize = new int[count];
            candidates = new int[count][];
            candidateValues = new double[count][];
            candidateCount = new int[count];
            for (int a = 0; a < count; a++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double c = queries[(first + a) * d + t] - mean[t];
                    q[a * d + t] = c;
                    s += c * c;
                }
                qNorm[a] = s;
                // Bounds the error of the expanded form, of centring and of the exact sum together.
                margin[a] = 2 * (4.0 * d + 16) * ROUNDOFF * (s + maxNorm);
                candidates[a] = new int[2 * k + 16];
                candidateValues[a] = new double[2 * k + 16];
            }
        }

        void run(int[] indices, double[] distances) {
            int n = data.rows();
            int quads = count & ~3;
            for (int j0 = 0; j0 < n; j0 += DATA_BLOCK) {
                int j1 = Math.min(n, j0 + DATA_BLOCK);
                for (int a = 0; a < quads; a += 4) {
                    scanFour(a, j0, j1);
                }
                for (int a = quads; a < count; a++) {
                    scanOne(a, j0, j1);
                }
            }
            NeighborHeap exact = new NeighborHeap(k);
            double[] x = data.values();
            for (int a = 0; a < count; a++) {
                double limit = heap[a * k] + margin[a];
                int[] cand = candidates[a];
                double[] values = candidateValues[a];
                int qo = (first + a) * d;
                for (int c = 0, m = candidateCount[a]; c < m; c++) {
                    if (values[c] <= limit) {
                        int j = cand[c];
                        exact.offer(squaredDistance(queries, qo, x, j * d, d), j);
                    }
                }
                exact.drainSorted(indices, distances, (first + a) * k);
            }
        }

        private void scanFour(int a, int j0, int j1) {
            double[] c = centred;
            int o0 = a * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            for (int j = j0; j < j1; j++) {
                int xo = j * d;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                for (int t = 0; t < d; t++) {
                    double v = c[xo + t];
                    s0 += q[o0 + t] * v;
                    s1 += q[o1 + t] * v;
                    s2 += q[o2 + t] * v;
                    s3 += q[o3 + t] * v;
                }
                double xn = norms[j];
                consider(a, j, qNorm[a] + xn - 2 * s0);
                consider(a + 1, j, qNorm[a + 1] + xn - 2 * s1);
                consider(a + 2, j, qNorm[a + 2] + xn - 2 * s2);
                consider(a + 3, j, qNorm[a + 3] + xn - 2 * s3);
            }
        }

        private void scanOne(int a, int j0, int j1) {
            double[] c = centred;
            int o = a * d;
            for (int j = j0; j < j1; j++) {
                int xo = j * d;
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += q[o + t] * c[xo + t];
                }
                consider(a, j, qNorm[a] + norms[j] - 2 * s);
            }
        }

        private void consider(int a, int j, double value) {
            if (excludeSelf && j == first + a) {
                return;
            }
            int size = heapSize[a];
            int h = a * k;
            if (size == k) {
                double top = heap[h];
                if (value > top + margin[a]) {
                    return;
                }
                if (value < top) {
                    replaceTop(h, value);
                }
            } else {
                push(h, size, value);
                heapSize[a] = size + 1;
            }
            addCandidate(a, j, value);
        }

        private void addCandidate(int a, int j, double value) {
            int m = candidateCount[a];
            if (m == candidates[a].length) {
                // Drop candidates the k-th value has since moved away from; grow only if most are still in play.
                double limit = heap[a * k] + margin[a];
                int kept = 0;
                int[] cand = candidates[a];
                double[] values = candidateValues[a];
                for (int c = 0; c < m; c++) {
                    if (values[c] <= limit) {
                        cand[kept] = cand[c];
                        values[kept++] = values[c];
                    }
                }
                m = kept;
                if (m > cand.length / 2) {
                    candidates[a] = Arrays.copyOf(cand, cand.length * 2);
                    candidateValues[a] = Arrays.copyOf(values, values.length * 2);
                }
            }
            candidates[a][m] = j;
            candidateValues[a][m] = value;
            candidateCount[a] = m + 1;
        }

        private void push(int h, int size, double value) {
            int c = size;
            while (c > 0) {
                int p = (c - 1) >>> 1;
                if (heap[h + p] >= value) {
                    break;
                }
                heap[h + c] = heap[h + p];
                c = p;
            }
            heap[h + c] = value;
        }

        private void replaceTop(int h, double value) {
            int c = 0;
            while (true) {
                int l = 2 * c + 1;
                if (l >= k) {
                    break;
                }
                int m = l + 1 < k && heap[h + l + 1] > heap[h + l] ? l + 1 : l;
                if (heap[h + m] <= value) {
                    break;
                }
                heap[h + c] = heap[h + m];
                c = m;
            }
            heap[h + c] = value;
        }
    }
}
