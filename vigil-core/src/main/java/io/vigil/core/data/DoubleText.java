package io.vigil.core.data;

/**
 * Decimal text of doubles that parses back to the same double, several times faster than {@link Double#toString}
 * on Java 17 (whose conversion dominates writing a results file). For magnitudes in [1e-5, 1e15) it takes the
 * correctly rounded 15-, then 16-, then 17-significant-digit decimal, computed exactly in 128-bit integer
 * arithmetic, and keeps the first that converts back to the same double (checked with the exact Eisel-Lemire
 * conversion the CSV reader uses; 17 digits always do); trailing zeros are dropped. When the shortest
 * round-tripping decimal has at most 15 digits it is the one written, since a 15-digit decimal within half an ulp
 * of the value is the nearest 15-digit decimal to it. Plain notation in that range; other magnitudes, zeros,
 * infinities and NaN are written by {@link Double#toString}.
 */
public final class DoubleText {
    private static final double SMALLEST = 1e-5;
    private static final double LARGEST = 1e15;
    private static final int MAX_K = 27;
    private static final long[] POW5 = new long[MAX_K + 1];
    private static final long[] POW10 = new long[19];

    static {
        POW5[0] = 1;
        for (int i = 1; i < POW5.length; i++) {
            POW5[i] = POW5[i - 1] * 5;
        }
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private DoubleText() {
    }

    /** Appends the decimal text of {@code v}. */
    public static void append(StringBuilder sb, double v) {
        double a = Math.abs(v);
        if (!(a >= SMALLEST && a < LARGEST)) {
            sb.append(v);
            return;
        }
        long bits = Double.doubleToRawLongBits(a);
        long mant = (bits & ((1L << 52) - 1)) | (1L << 52);
        int e2 = (int) (bits >>> 52) - 1075;
        int e10 = (int) Math.floor(Math.log10(a));
        for (int digits = 15; digits <= 17; digits++) {
            long m = 0;
            int k = 0;
            // log10 may be off by one next to a power of ten: fix e10 from the digit count of the result.
            for (int attempt = 0; attempt < 3; attempt++) {
                k = digits - 1 - e10;
                if (k < 0 || k > MAX_K) {
                    sb.append(v);
                    return;
                }
                m = roundedScaled(mant, e2, k);
                if (m >= POW10[digits]) {
                    e10++;
                } else if (m < POW10[digits - 1]) {
                    e10--;
                } else {
                    break;
                }
            }
            if (m > 0 && EiselLemire.toDouble(m, -k, false) == a) {
                write(sb, v < 0, m, k);
                return;
            }
        }
        sb.append(v);
    }

    /** round(mant * 2^e2 * 10^k), halves up, for results below 2^63 (here below 10^18). */
    private static long roundedScaled(long mant, int e2, int k) {
        long p5 = POW5[k];
        long hi = Math.multiplyHigh(mant, p5);
        long lo = mant * p5;
        int t = e2 + k; // value = (hi:lo) * 2^t
        if (t >= 0) {
            return -1; // not reached for magnitudes below 1e15; the caller falls back
        }
        int s = -t;
        if (s >= 128) {
            return 0;
        }
        // Add half of the last kept unit, then shift the 128-bit value right by s.
        if (s - 1 < 64) {
            long half = 1L << (s - 1);
            long sum = lo + half;
            if (Long.compareUnsigned(sum, lo) < 0) {
                hi++;
            }
            lo = sum;
        } else {
            hi += 1L << (s - 1 - 64);
        }
        if (s < 64) {
            return (lo >>> s) | (hi << (64 - s));
        }
        return hi >>> (s - 64);
    }

    /** Writes m * 10^-k in plain notation without trailing zeros after the point. */
    private static void write(StringBuilder sb, boolean negative, long m, int k) {
        while (k > 0 && m % 10 == 0) {
            m /= 10;
            k--;
        }
        if (negative) {
            sb.append('-');
        }
        if (k == 0) {
            sb.append(m).append(".0");
            return;
        }
        int len = digitCount(m);
        if (len > k) {
            long unit = POW10[k];
            sb.append(m / unit).append('.');
            long frac = m % unit;
            for (int i = digitCount(frac); i < k; i++) {
                sb.append('0');
            }
            sb.append(frac);
        } else {
            sb.append("0.");
            for (int i = len; i < k; i++) {
                sb.append('0');
            }
            sb.append(m);
        }
    }

    private static int digitCount(long m) {
        int n = 1;
        while (n < POW10.length && m >= POW10[n]) {
            n++;
        }
        return n;
    }
}
