package io.vigil.core.encode;

import io.vigil.core.data.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each value as the share of training rows that had it, so rare values encode near 0 (count encoding normalised by
 * the training row count). Missing is a value of its own with its own share; unseen values encode as 0.0, the share
 * they had in training. Counts rather than shares are stored so a restored encoder recomputes the same doubles.
 */
final class FrequencyField implements FieldEncoder {
    private final String name;
    private final List<String> values;
    private final long[] counts;
    private final long missingCount;
    private final long rows;
    private final Map<String, Double> share;
    private final double missingShare;

    FrequencyField(String name, List<String> values, long[] counts, long missingCount, long rows) {
        this.name = name;
        this.values = List.copyOf(values);
        this.counts = counts.clone();
        this.missingCount = missingCount;
        this.rows = rows;
        this.share = new HashMap<>(values.size() * 2);
        for (int k = 0; k < values.size(); k++) {
            share.put(values.get(k), counts[k] / (double) rows);
        }
        this.missingShare = rows == 0 ? 0.0 : missingCount / (double) rows;
    }

    static FrequencyField fit(String name, Column column) {
        TreeMap<String, long[]> counts = new TreeMap<>();
        long missing = 0;
        for (int i = 0; i < column.size(); i++) {
            String key = Cells.key(column, i);
            if (key == null) {
                missing++;
            } else {
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
            }
        }
        List<String> values = new ArrayList<>(counts.keySet());
        long[] c = new long[values.size()];
        int k = 0;
        for (long[] n : counts.values()) {
            c[k++] = n[0];
        }
        return new FrequencyField(name, values, c, missing, column.size());
    }

    static FrequencyField fromState(String name, EncoderState state) {
        List<String> values = state.distinctStrings("values");
        long[] counts = state.wholes("counts");
        if (counts.length != values.size()) {
            throw EncoderState.invalid(state.path() + ".counts", "must have one count per value");
        }
        long missing = state.whole("missing_count");
        long rows = state.whole("rows");
        long total = missing;
        for (long c : counts) {
            total += c;
        }
        // shares are count / rows: counts that do not add up to rows would not be shares of anything
        if (total != rows) {
            throw EncoderState.invalid(state.path() + ".rows", "is " + rows + " but the counts add up to " + total);
        }
        return new FrequencyField(name, values, counts, missing, rows);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FieldType type() {
        return FieldType.FREQUENCY;
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
            if (key == null) {
                out[p] = missingShare;
            } else {
                Double s = share.get(key);
                out[p] = s == null ? 0.0 : s;
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        List<Long> c = new ArrayList<>(counts.length);
        for (long n : counts) {
            c.add(n);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("values", values);
        s.put("counts", c);
        s.put("missing_count", missingCount);
        s.put("rows", rows);
        return s;
    }
}
