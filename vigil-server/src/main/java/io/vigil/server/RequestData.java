package io.vigil.server;

import io.vigil.core.data.Column;
import io.vigil.core.data.Matrix;
import io.vigil.core.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code data} of a request: rows of positional numbers, or rows of named fields. */
public sealed interface RequestData permits RequestData.Positional, RequestData.Records {

    int rows();

    /**
     * The rows as a table whose columns carry {@code names}, in order (null: "0", "1", ... as
     * {@link Table#of(Matrix)} names them). Records keep their own field names and ignore {@code names}.
     */
    Table table(List<String> names);

    /** Number arrays, one per row, all of the same length, streamed straight into a row-major matrix. */
    record Positional(Matrix matrix) implements RequestData {
        @Override
        public int rows() {
            return matrix.rows();
        }

        public int width() {
            return matrix.cols();
        }

        @Override
        public Table table(List<String> names) {
            if (names == null) {
                return Table.of(matrix);
            }
            if (names.size() != matrix.cols()) {
                throw new IllegalArgumentException("need " + matrix.cols() + " names, got " + names.size());
            }
            List<Column> columns = new ArrayList<>(names.size());
            for (int j = 0; j < names.size(); j++) {
                columns.add(new Column.Numeric(names.get(j), matrix.column(j)));
            }
            return new Table(columns, matrix.rows());
        }
    }

    /** JSON objects, one per row; values are numbers, strings, booleans or null. */
    record Records(List<Map<String, Object>> records) implements RequestData {
        @Override
        public int rows() {
            return records.size();
        }

        @Override
        public Table table(List<String> names) {
            return Table.ofRecords(records);
        }
    }
}
