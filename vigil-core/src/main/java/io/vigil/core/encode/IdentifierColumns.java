package io.vigil.core.encode;

import io.vigil.core.data.Column;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Text columns in which every row holds a value of its own: order numbers, UUIDs, request ids. Such a column says
 * nothing about whether a row is normal, and the schema inference hashes it ({@link TypeInference}), a feature of
 * pure noise that dilutes every detector, so callers leave such columns out or warn about them. Only columns the
 * inference would hash count: numbers, numeric strings and yes/no columns are measurements, however distinct.
 * Missing values and equal values are judged as the encoder judges them ({@link Cells}).
 */
public final class IdentifierColumns {
    /** Below this many rows, all-distinct values are as likely chance as an identifier. */
    public static final int MIN_ROWS = 20;
    /** Rows checked with a plain set before hashing the whole column. */
    private static final int HEAD = 1024;

    private IdentifierColumns() {
    }

    /** The identifier columns of a table, in table order. */
    public static List<String> find(Table table) {
        List<String> out = new ArrayList<>();
        if (table.rows() < MIN_ROWS) {
            return out;
        }
        for (Column c : table.columns()) {
            if (c instanceof Column.Values v && TypeInference.infer(c) == FieldType.HASH
                    && allPresentAndDistinct(v.values())) {
                out.add(c.name());
            }
        }
        return out;
    }

    /**
     * By sorted 64-bit hashes (8 bytes a row) rather than a hash set of the values (some 40 a row): identifier
     * columns are the ones with the most distinct values, and datasets run to millions of rows. A hash collision can
     * only make an identifier look repeated, keeping it as a feature, never drop a real one. Most text columns are
     * categories that repeat within their first rows, so those are tried first.
     */
    private static boolean allPresentAndDistinct(Object[] values) {
        Set<String> head = new HashSet<>();
        for (int i = 0; i < Math.min(values.length, HEAD); i++) {
            String text = Cells.text(values[i]);
            if (text == null || !head.add(text)) {
                return false;
            }
        }
        long[] hashes = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            String text = Cells.text(values[i]);
            if (text == null) {
                return false;
            }
            hashes[i] = hash(text);
        }
        Arrays.sort(hashes);
        for (int i = 1; i < hashes.length; i++) {
            if (hashes[i] == hashes[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** FNV-1a over the UTF-16 units, 64 bits, then a final mix so that nearby strings spread. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
