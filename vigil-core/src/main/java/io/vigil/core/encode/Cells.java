package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.math.BigInteger;

/**
 * How a single table cell reads: whether it is missing, its string form (the key of categorical types) and its
 * number (for numeric fields). One place so that every type agrees on what "missing" and "the same value" mean.
 */
final class Cells {
    /** Above this magnitude not every integer is a double, so integral doubles keep their double spelling. */
    private static final double EXACT_INTEGER_LIMIT = 9.007199254740992E15;

    private Cells() {
    }

    /** Missing means null, NaN, or an empty or blank string. */
    static boolean isMissing(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof Double d) {
            return d.isNaN();
        }
        if (v instanceof Float f) {
            return f.isNaN();
        }
        return v instanceof String s && s.isBlank();
    }

    /**
     * The string form of a present value, or null when missing. Strings are kept verbatim; numbers are spelled
     * so that the same quantity reads the same whether it arrived as an int, a double or in a numeric column
     * (3, 3L and 3.0 all read "3"); booleans read "true"/"false".
     */
    static String text(Object v) {
        if (isMissing(v)) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Number n) {
            return numberText(n.doubleValue());
        }
        return v.toString();
    }

    /** The string form of a number from a numeric column, or null for NaN. */
    static String numberText(double d) {
        if (Double.isNaN(d)) {
            return null;
        }
        if (d == Math.rint(d) && Math.abs(d) < EXACT_INTEGER_LIMIT) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /** The string form of the cell at a row, or null when missing. */
    static String key(Column column, int row) {
        if (column instanceof Column.Numeric n) {
            return numberText(n.values()[row]);
        }
        return text(((Column.Values) column).values()[row]);
    }

    /**
     * The number a present or missing value stands for: NaN when missing, 1/0 for booleans, the parsed value of
     * a numeric string. Throws for anything else so the caller can name the field and row.
     */
    static double number(Object v) throws NumberFormatException {
        if (isMissing(v)) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (v instanceof String s) {
            return parseNumber(s);
        }
        throw new NumberFormatException(v.toString());
    }

    /** True when the string is a decimal number as {@link #parseNumber} accepts it. */
    static boolean isNumeric(String s) {
        try {
            parseNumber(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Parses a decimal number in plain or exponent notation, or a signed Infinity/NaN. Java-only spellings that
     * {@link Double#parseDouble} would also take (hex floats, "1f", "2d" suffixes) are refused: in data they are
     * identifiers, not numbers.
     */
    static double parseNumber(String s) {
        String t = s.strip();
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (!unsigned.equals("Infinity") && !unsigned.equals("NaN")) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                    throw new NumberFormatException(s);
                }
            }
        }
        return Double.parseDouble(t);
    }
}
