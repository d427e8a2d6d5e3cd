package io.vigil.core.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from bytes. Numbers with at most 15 significant digits and a decimal exponent
 * within ±22 are converted exactly by Clinger's fast path (one correctly rounded multiply or divide of two exact
 * doubles); anything else falls back to {@link Double#parseDouble}, so every result equals Java's own parse.
 */
final class NumberParser {
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Returned for text that is no number; callers compare with {@link #isFailure}. */
    static final double FAILURE = Double.longBitsToDouble(0x7ff8dead0000beefL);

    private NumberParser() {
    }

    static boolean isFailure(double v) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(FAILURE);
    }

    /** Parses bytes [from, to), surrounding spaces allowed; empty, "NA", "NaN", "null" give NaN (missing). */
    static double parse(byte[] b, int from, int to) {
        while (from < to && b[from] == ' ') {
            from++;
        }
        while (to > from && b[to - 1] == ' ') {
            to--;
        }
        if (from == to) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean anyDigit = false;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            anyDigit = true;
            if (digits > 0 || b[i] != '0') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                } else {
                    exponent++;
                }
                digits++;
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                anyDigit = true;
                if (digits > 0 || b[i] != '0') {
                    if (digits < 18) {
                        mantissa = mantissa * 10 + (b[i] - '0');
                        exponent--;
                    }
                    digits++;
                } else {
                    exponent--;
                }
                i++;
            }
        }
        if (!anyDigit) {
            return slow(b, from, to);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                expNegative = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean expDigit = false;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                expDigit = true;
                if (e < 100_000) {
                    e = e * 10 + (b[i] - '0');
                }
                i++;
            }
            if (!expDigit) {
                return FAILURE;
            }
            exponent += expNegative ? -e : e;
        }
        if (i != to) {
            return slow(b, from, to);
        }
        if (digits > 18) {
            return slow(b, from, to);
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (digits > 15 || exponent < -22 || exponent > 22) {
            double v = EiselLemire.toDouble(mantissa, exponent, negative);
            return Double.isNaN(v) ? slow(b, from, to) : v;
        }
        double v = mantissa;
        v = exponent >= 0 ? v * POW10[exponent] : v / POW10[-exponent];
        return negative ? -v : v;
    }

    private static double slow(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, StandardCharsets.UTF_8).trim();
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "na", "nan", "null", "n/a" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                // Java accepts forms CSV writers never produce ("1d", "0x1p3"); only digits, sign, '.', 'e' may pass.
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
                        return FAILURE;
                    }
                }
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return FAILURE;
                }
            }
        }
    }
}
