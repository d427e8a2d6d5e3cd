package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One 0/1 column per kept training category, 1.0 in the column of the row's value (scikit-learn's
 * {@code OneHotEncoder(handle_unknown="ignore")}). At most {@link #MAX_CATEGORIES} of the most frequent categories
 * keep a column so a high-cardinality field cannot blow up the width; the rest, unseen and missing values encode
 * as all zeros.
 */
final class OneHotField implements FieldEncoder {
    static final int MAX_CATEGORIES = 50;

    private final String name;
    private final List<String> categories;
    private final Map<String, Integer> index;

    OneHotField(String name, List<String> categories) {
        this.name = name;
        this.categories = List.copyOf(categories);
        this.index = LabelField.indexOf(this.categories);
    }

    /** Keeps the most frequent categories (ties by value), then orders the kept ones by value. */
    static OneHotField fit(String name, Column column) {
        Map<String, long[]> counts = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            String key = Cells.key(column, i);
            if (key != null) {
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
            }
        }
        List<Map.Entry<String, long[]>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey));
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < Math.min(MAX_CATEGORIES, ranked.size()); k++) {
            kept.add(ranked.get(k).getKey());
        }
        kept.sort(Comparator.naturalOrder());
        return new OneHotField(name, kept);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FieldType type() {
        return FieldType.ONEHOT;
    }

    @Override
    public int width() {
        return categories.size();
    }

    @Override
    public List<String> featureNames() {
        return categories.stream().map(c -> name + "=" + c).toList();
    }

    @Override
    public void encode(Column column, int rows, double[] out, int stride, int offset) {
        if (column == null) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            String key = Cells.key(column, i);
            Integer k = key == null ? null : index.get(key);
            if (k != null) {
                out[i * stride + offset + k] = 1.0;
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("categories", categories);
        return s;
    }
}
