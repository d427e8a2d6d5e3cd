package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses a field type from a training column when no schema is given; the rules are listed on
 * {@link SchemaEncoder#infer}.
 */
final class TypeInference {
    /** A string field with at most this many distinct values may be a label... */
    static final int MAX_LABEL_DISTINCT = 20;
    /** ...if its distinct values are also at most this share of its non-missing rows (values repeat). */
    static final double MAX_LABEL_SHARE = 0.5;

    private TypeInference() {
    }

    static FieldType infer(Column column) {
        if (column instanceof Column.Numeric) {
            return FieldType.NUMERIC;
        }
        Object[] values = ((Column.Values) column).values();
        int present = 0;
        boolean binary = true;
        boolean numeric = true;
        Set<String> distinct = new HashSet<>();
        for (Object v : values) {
            if (Cells.isMissing(v)) {
                continue;
            }
            present++;
            if (v instanceof Boolean) {
                numeric = false;
            } else if (v instanceof Number) {
                binary = false;
            } else if (v instanceof String s) {
                binary &= isYesNo(s);
                numeric &= Cells.isNumeric(s);
            } else {
                binary = false;
                numeric = false;
            }
            // Only whether the count stays within the label limit matters, so stop collecting past it.
            if (distinct.size() <= MAX_LABEL_DISTINCT) {
                distinct.add(Cells.text(v));
            }
        }
        if (present == 0) {
            return FieldType.NUMERIC;
        }
        if (binary) {
            return FieldType.BINARY;
        }
        if (numeric) {
            return FieldType.NUMERIC;
        }
        int k = distinct.size();
        return k <= MAX_LABEL_DISTINCT && k <= MAX_LABEL_SHARE * present ? FieldType.LABEL : FieldType.HASH;
    }

    private static boolean isYesNo(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "false", "yes", "no" -> true;
            default -> false;
        };
    }
}
