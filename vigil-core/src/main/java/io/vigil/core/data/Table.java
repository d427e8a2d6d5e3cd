package io.vigil.core.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named columns of equal length: what users hand in (CSV files, JSON objects, number arrays) before a schema
 * encoder turns it into a {@link Matrix}.
 */
public record Table(List<Column> columns, int rows) {

    public Table {
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.size() + " rows, expected " + rows);
            }
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("column " + c.name() + " appears twice");
            }
        }
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    public Column column(String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** A table of numeric columns named "0", "1", ... from a matrix (the positional form of number arrays). */
    public static Table of(Matrix m) {
        List<Column> cols = new ArrayList<>(m.cols());
        for (int j = 0; j < m.cols(); j++) {
            cols.add(new Column.Numeric(Integer.toString(j), m.column(j)));
        }
        return new Table(cols, m.rows());
    }

    /**
     * A table from JSON-like records. Field order is first appearance; a field absent from a record is missing
     * (null) there. Columns whose values are all numbers (or missing) become numeric columns.
     */
    public static Table ofRecords(List<? extends Map<String, ?>> records) {
        Map<String, Object[]> byName = new LinkedHashMap<>();
        int n = records.size();
        for (int i = 0; i < n; i++) {
            for (Map.Entry<String, ?> e : records.get(i).entrySet()) {
                byName.computeIfAbsent(e.getKey(), k -> new Object[n])[i] = e.getValue();
            }
        }
        List<Column> cols = new ArrayList<>(byName.size());
        for (Map.Entry<String, Object[]> e : byName.entrySet()) {
            cols.add(compact(e.getKey(), e.getValue()));
        }
        return new Table(cols, n);
    }

    /** Numeric column when every present value is a Number, else a value column. */
    static Column compact(String name, Object[] values) {
        for (Object v : values) {
            if (v != null && !(v instanceof Number)) {
                return new Column.Values(name, values);
            }
        }
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            d[i] = values[i] == null ? Double.NaN : ((Number) values[i]).doubleValue();
        }
        return new Column.Numeric(name, d);
    }

    /** The same rows without the named columns. */
    public Table without(Set<String> names) {
        return new Table(columns.stream().filter(c -> !names.contains(c.name())).toList(), rows);
    }
}
