package io.vigil.workflow;

import io.vigil.core.data.Column;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Text columns in which every row holds a value of its own: order numbers, UUIDs, request ids. Such a column says
 * nothing about whether a row is normal, and encoded (hashed) it is a feature of pure noise that dilutes every
 * detector, so a run leaves it out unless the detector names it in {@code columns}. PyCaret's anomaly setup drops
 * identifier columns the same way.
 */
final class IdentifierColumns {
    /** Below this many rows, all-distinct values are as likely chance as an identifier. */
    static final int MIN_ROWS = 20;

    private IdentifierColumns() {
    }

    /** The identifier columns of a table, in table order. */
    static List<String> find(Table table) {
        List<String> out = new ArrayList<>();
        if (table.rows() < MIN_ROWS) {
            return out;
        }
        for (Column c : table.columns()) {
            if (c instanceof Column.Values v && allPresentAndDistinct(v.values())) {
                out.add(c.name());
            }
        }
        return out;
    }

    private static boolean allPresentAndDistinct(Object[] values) {
        Set<Object> seen = new HashSet<>(values.length * 2);
        for (Object v : values) {
            if (v == null || (v instanceof String s && s.isBlank()) || !seen.add(v)) {
                return false;
            }
        }
        return true;
    }
}
