package io.vigil.core.iforest;

/**
 * The average path length of an unsuccessful binary-search-tree search among n points, c(n) in Liu et al. (2008):
 * the expected depth still to go below a leaf that holds n points, and the normaliser of the anomaly score.
 */
public final class PathLength {
    /** Euler-Mascheroni constant, in the harmonic number approximation H(i) = ln(i) + gamma. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private PathLength() {
    }

    /** c(n): 0 for n at most 1, 1 for n = 2, else 2 H(n-1) - 2 (n-1) / n. */
    public static double average(long n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
    }
}
