package io.vigil.core.data;

import java.util.Objects;

/**
 * One named column of a {@link Table}: either numbers (missing values are NaN) or general values
 * (String, Boolean, Number or null for missing), as they come from JSON objects or text CSV columns.
 */
public sealed interface Column permits Column.Numeric, Column.Values {

    String name();

    int size();

    /** The value at a row as a Java object: a Double (NaN for missing) or the stored object. */
    Object get(int row);

    record Numeric(String name, double[] values) implements Column {
        public Numeric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object get(int row) {
            return values[row];
        }
    }

    record Values(String name, Object[] values) implements Column {
        public Values {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Object get(int row) {
            return values[row];
        }
    }
}
