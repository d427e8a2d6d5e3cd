package io.vigil.core.random;

/**
 * The Mersenne Twister MT19937 (Matsumoto and Nishimura, "Mersenne Twister: a 623-dimensionally equidistributed
 * uniform pseudo-random number generator", ACM TOMACS 8(1), 1998) with the seeding and the bounded-integer draws of
 * NumPy's legacy {@code numpy.random.RandomState}: {@code new Mt19937(s).randint(n)} returns what
 * {@code RandomState(s).randint(n)} returns, draw after draw. scikit-learn derives all of its randomness from such
 * a generator, so reproducing it lets a Vigil seed grow the trees scikit-learn grows for the same
 * {@code random_state}.
 *
 * <p>Not thread-safe; one instance per stream.
 */
public final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER = 0x80000000;
    private static final int LOWER = 0x7fffffff;

    private final int[] key = new int[N];
    private int pos;

    /**
     * Seeds as {@code RandomState(seed)}: a seed in [0, 2^32) goes through MT19937's {@code init_genrand}, as NumPy
     * does; any other value is taken as the two 32-bit words of {@code init_by_array} (low word first), which is what
     * {@code RandomState(numpy.array([lo, hi], dtype=uint32))} would do.
     */
    public Mt19937(long seed) {
        if (seed >= 0 && seed <= 0xffffffffL) {
            initGenrand((int) seed);
        } else {
            initByArray(new int[] {(int) seed, (int) (seed >>> 32)});
        }
    }

    private void initGenrand(int s) {
        key[0] = s;
        for (int i = 1; i < N; i++) {
            key[i] = 1812433253 * (key[i - 1] ^ (key[i - 1] >>> 30)) + i;
        }
        pos = N;
    }

    private void initByArray(int[] init) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, init.length); k > 0; k--) {
            key[i] = (key[i] ^ ((key[i - 1] ^ (key[i - 1] >>> 30)) * 1664525)) + init[j] + j;
            i++;
            j++;
            if (i >= N) {
                key[0] = key[N - 1];
                i = 1;
            }
            if (j >= init.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            key[i] = (key[i] ^ ((key[i - 1] ^ (key[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                key[0] = key[N - 1];
                i = 1;
            }
        }
        key[0] = 0x80000000;
        pos = N;
    }

    /** The next 32 random bits, as an unsigned value in an int. */
    public int nextInt32() {
        if (pos >= N) {
            regenerate();
        }
        int y = key[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        return y ^ (y >>> 18);
    }

    private void regenerate() {
        int k = 0;
        for (; k < N - M; k++) {
            int y = (key[k] & UPPER) | (key[k + 1] & LOWER);
            key[k] = key[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (key[k] & UPPER) | (key[k + 1] & LOWER);
            key[k] = key[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (key[N - 1] & UPPER) | (key[0] & LOWER);
        key[N - 1] = key[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /**
     * A value in [0, max] by NumPy's masked rejection: 32 bits masked to the smallest all-ones mask covering max,
     * redrawn while above max. This is both {@code RandomState.randint}'s method (legacy, {@code _masked=True})
     * and the {@code random_interval} behind {@code shuffle} and {@code permutation}.
     */
    public long interval(long max) {
        if (max < 0 || max > 0xffffffffL) {
            throw new IllegalArgumentException("max must be in [0, 2^32), got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = (nextInt32() & 0xffffffffL) & mask;
        } while (v > max);
        return v;
    }

    /** {@code RandomState.randint(high)}: uniform in [0, high); high in [1, 2^32]. */
    public long randint(long high) {
        if (high <= 0) {
            throw new IllegalArgumentException("high must be greater than 0, got " + high);
        }
        return interval(high - 1);
    }

    /** {@code RandomState.randint(low, high)}: uniform in [low, high). */
    public long randint(long low, long high) {
        if (high <= low) {
            throw new IllegalArgumentException("high must be greater than low, got [" + low + ", " + high + ")");
        }
        return low + interval(high - low - 1);
    }

    /** {@code RandomState.permutation(n)}: the Fisher-Yates shuffle of 0..n-1 from the last position down. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = (int) interval(i);
            int t = p[j];
            p[j] = p[i];
            p[i] = t;
        }
        return p;
    }
}
