package io.vigil.core.stream.knncad;

/**
 * The metric of {@link KnnConformal}: with A the second-moment matrix of the training lag vectors (plus a small ridge
 * so that a constant or collinear window keeps it invertible) and A = R R' its Cholesky factorisation, the squared
 * distance (a - b)' A^-1 (a - b) equals the squared Euclidean distance between R^-1 a and R^-1 b. Vectors are
 * whitened once, by forward substitution, and compared with plain sums of squares.
 */
final class Whitening {
    private static final double RIDGE = 1e-9;
    private final int d;
    /** Lower-triangular R, row-major. */
    private final double[] r;

    Whitening(int d) {
        this.d = d;
        this.r = new double[d * d];
        for (int i = 0; i < d; i++) {
            r[i * d + i] = 1;
        }
    }

    /**
     * Fits A to the {@code rows} vectors of the ring {@code vectors} (row-major, d columns), summed oldest first
     * from row {@code oldest}, so that a ring restored in another rotation gives the same bits.
     */
    void fit(double[] vectors, int rows, int oldest) {
        double[] a = new double[d * d];
        for (int k = 0; k < rows; k++) {
            int base = ((oldest + k) % rows) * d;
            for (int i = 0; i < d; i++) {
                double vi = vectors[base + i];
                for (int j = 0; j <= i; j++) {
                    a[i * d + j] += vi * vectors[base + j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += a[i * d + i] / rows;
        }
        double ridge = Math.max(RIDGE * trace / d, 1e-12);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                a[i * d + j] = a[i * d + j] / rows + (i == j ? ridge : 0);
            }
        }
        // Cholesky-Banachiewicz on the lower triangle.
        java.util.Arrays.fill(r, 0);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= r[i * d + k] * r[j * d + k];
                }
                if (i == j) {
                    r[i * d + i] = Math.sqrt(Math.max(s, ridge));
                } else {
                    r[i * d + j] = s / r[j * d + j];
                }
            }
        }
    }

    /** out = R^-1 v, by forward substitution. */
    void apply(double[] v, int offset, double[] out, int outOffset) {
        for (int i = 0; i < d; i++) {
            double s = v[offset + i];
            for (int k = 0; k < i; k++) {
                s -= r[i * d + k] * out[outOffset + k];
            }
            out[outOffset + i] = s / r[i * d + i];
        }
    }

    double[] factor() {
        return r.clone();
    }

    void restore(double[] factor) {
        if (factor.length != r.length) {
            throw new IllegalArgumentException("corrupt knn_cad snapshot: the metric has " + factor.length
                    + " entries, expected " + r.length);
        }
        System.arraycopy(factor, 0, r, 0, r.length);
    }
}
