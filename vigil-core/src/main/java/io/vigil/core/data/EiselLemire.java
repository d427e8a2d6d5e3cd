package io.vigil.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;

/**
 * Exact decimal-to-double conversion for mantissas of up to 19 digits: the Eisel-Lemire algorithm
 * (D. Lemire, "Number Parsing at a Gigabyte per Second", Software: Practice and Experience 51(8), 2021), with the
 * second-product refinement that N. Mushtak and D. Lemire ("Fast Number Parsing Without Fallback", 2023) proved
 * always sufficient. Shortest round-trip output (17 significant digits) is the common case in data files, and
 * beyond Clinger's 15-digit fast path Java's own parser is an order of magnitude slower.
 */
final class EiselLemire {
    private static final int SMALLEST_POWER = -342;
    private static final int LARGEST_POWER = 308;

    private EiselLemire() {
    }

    /**
     * Holds the 128-bit truncated powers of five. They are read from a resource written from {@link #build()}
     * (a test keeps the two equal): building them with BigInteger costs some 40 ms, on the start-up path of every
     * command that reads a CSV.
     */
    static final class Powers {
        static final String RESOURCE = "eisel-lemire-powers.bin";
        static final long[] TABLE = load();

        private static long[] load() {
            long[] t = new long[2 * (LARGEST_POWER - SMALLEST_POWER + 1)];
            try (InputStream in = EiselLemire.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    java.nio.ByteBuffer.wrap(in.readAllBytes()).asLongBuffer().get(t);
                    return t;
                }
            } catch (IOException | java.nio.BufferUnderflowException e) {
                // Fall through to building the table: slower, same values.
            }
            return build();
        }

        static long[] build() {
            long[] t = new long[2 * (LARGEST_POWER - SMALLEST_POWER + 1)];
            BigInteger two128 = BigInteger.ONE.shiftLeft(128);
            BigInteger two127 = BigInteger.ONE.shiftLeft(127);
            int i = 0;
            for (int q = SMALLEST_POWER; q <= LARGEST_POWER; q++) {
                BigInteger c;
                if (q < 0) {
                    BigInteger power5 = BigInteger.valueOf(5).pow(-q);
                    int z = power5.subtract(BigInteger.ONE).bitLength(); // least z with 2^z >= 5^-q
                    int b = q >= -27 ? z + 127 : 2 * z + 128;
                    c = BigInteger.ONE.shiftLeft(b).divide(power5).add(BigInteger.ONE);
                    while (c.compareTo(two128) >= 0) {
                        c = c.shiftRight(1);
                    }
                } else {
                    c = BigInteger.valueOf(5).pow(q);
                    while (c.compareTo(two127) < 0) {
                        c = c.shiftLeft(1);
                    }
                    while (c.compareTo(two128) >= 0) {
                        c = c.shiftRight(1);
                    }
                }
                t[i++] = c.shiftRight(64).longValue();
                t[i++] = c.longValue();
            }
            return t;
        }
    }

    /**
     * The double nearest to w * 10^q (w taken as unsigned, non-zero), or NaN when the result would be subnormal
     * and the caller must use a general parser.
     */
    static double toDouble(long w, int q, boolean negative) {
        if (w == 0 || q < SMALLEST_POWER) {
            return negative ? -0.0 : 0.0;
        }
        if (q > LARGEST_POWER) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int lz = Long.numberOfLeadingZeros(w);
        w <<= lz;
        int index = 2 * (q - SMALLEST_POWER);
        long[] table = Powers.TABLE;
        long high = Math.multiplyHigh(w, table[index]) + ((w >> 63) & table[index]) + ((table[index] >> 63) & w);
        long low = w * table[index];
        if ((high & 0x1FF) == 0x1FF) {
            long t1 = table[index + 1];
            long secondHigh = Math.multiplyHigh(w, t1) + ((w >> 63) & t1) + ((t1 >> 63) & w);
            long newLow = low + secondHigh;
            if (Long.compareUnsigned(secondHigh, newLow) > 0) {
                high++;
            }
            low = newLow;
        }
        int upperBit = (int) (high >>> 63);
        int shift = upperBit + 9;
        long mantissa = high >>> shift;
        int power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - lz + 1023;
        if (power2 <= 0) {
            return Double.NaN;
        }
        // Exactly halfway between two doubles (possible only where 5^q fits 64 bits): round to even.
        if (Long.compareUnsigned(low, 1) <= 0 && q >= -4 && q <= 23 && (mantissa & 3) == 1
                && (mantissa << shift) == high) {
            mantissa &= ~1L;
        }
        mantissa += mantissa & 1;
        mantissa >>>= 1;
        if (mantissa >= (2L << 52)) {
            mantissa = 1L << 52;
            power2++;
        }
        mantissa &= ~(1L << 52);
        if (power2 >= 0x7FF) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long bits = mantissa | ((long) power2 << 52) | (negative ? 1L << 63 : 0);
        return Double.longBitsToDouble(bits);
    }
}
