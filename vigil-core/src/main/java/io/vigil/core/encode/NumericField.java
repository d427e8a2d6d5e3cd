package io.vigil.core.encode;

import io.vigil.core.data.Column;
import io.vigil.core.data.OrderStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A number as itself; missing values take the training median (scikit-learn's {@code SimpleImputer(strategy="median")}). */
record NumericField(String name, double median) implements FieldEncoder {

    static NumericField fit(String name, Column column) {
        double[] v = numbers(name, column);
        double[] present = new double[v.length];
        int n = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                present[n++] = d;
            }
        }
        return new NumericField(name, median(present, n));
    }

    /** Median of the first n values (mean of the two middle ones when n is even), 0 when n is 0. */
    static double median(double[] values, int n) {
        if (n == 0) {
            return 0.0;
        }
        return OrderStatistics.median(values, n);
    }

    /** The column as numbers, NaN where missing; a value that is not a number fails naming field and row. */
    static double[] numbers(String name, Column column) {
        if (column instanceof Column.Numeric n) {
            return n.values();
        }
        Object[] values = ((Column.Values) column).values();
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = number(name, values[i], i);
        }
        return out;
    }

    private static double number(String name, Object v, int row) {
        try {
            return Cells.number(v);
        } catch (NumberFormatException e) {
            String shown = v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
            throw new InvalidSchemaException("data[" + row + "]." + name,
                    "field \"" + name + "\" is numeric but row " + row + " has " + shown + "; it must be a number");
        }
    }

    @Override
    public FieldType type() {
        return FieldType.NUMERIC;
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
        double fill = median;
        if (column == null) {
            for (int i = 0, p = offset; i < rows; i++, p += stride) {
                out[p] = fill;
            }
        } else if (column instanceof Column.Numeric n) {
            double[] src = n.values();
            for (int i = 0, p = offset; i < rows; i++, p += stride) {
                double v = src[i];
                out[p] = v != v ? fill : v;
            }
        } else {
            Object[] src = ((Column.Values) column).values();
            for (int i = 0, p = offset; i < rows; i++, p += stride) {
                double v = number(name, src[i], i);
                out[p] = v != v ? fill : v;
            }
        }
    }

    @Override
    public Map<String, Object> state() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("median", median);
        return s;
    }
}
