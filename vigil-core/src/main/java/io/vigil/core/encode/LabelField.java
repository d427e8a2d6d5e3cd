package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Each training category, sorted by string form, as its index 0..k-1; unseen and missing values as -1 (scikit-learn's
 * {@code OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)}).
 */
final class LabelField implements FieldEncoder {
    private final String name;
    private final List<String> categories;
    private final Map<String, Integer> index;

    LabelField(String name, List<String> categories) {
        this.name = name;
        this.categories = List.copyOf(categories);
        this.index = indexOf(this.categories);
    }

    static LabelField fit(String name, Column column) {
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < column.size(); i++) {
            String key = Cells.key(column, i);
            if (key != null) {
                seen.add(key);
            }
        }
        return new LabelField(name, List.copyOf(seen));
    }

    /** Category to position; categories are distinct (fit collects a set, fromState checks). */
    static Map<String, Integer> indexOf(List<String> categories) {
        Map<String, Integer> index = new HashMap<>(categories.size() * 2);
        for (int k = 0; k < categories.size(); k++) {
            index.put(categories.get(k), k);
        }
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FieldType type() {
        return FieldType.LABEL;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public List<String> featureNames() {
        return List.of(name);
    }

    @Override
    public void encode(Column column, int rows, double[] out, int stride, int offset) {
        for (int i = 0, p = offset; i < rows; i++, p += stride) {
            String key = column == null ? null : Cells.key(column, i);
            Integer k = key == null ? null : index.get(key);
            out[p] = k == null ? -1.0 : k;
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("categories", categories);
        return s;
    }
}
