package io.vigil.workflow;

import io.vigil.core.data.Column;
import io.vigil.core.data.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Reads a stored dataset into a {@link Table}: numeric, boolean (1/0) and temporal (epoch seconds) columns into
 * {@code double[]}, text into value columns that the schema encoder then encodes, as {@code vigil detect run}
 * encodes a CSV file. Labels become one boolean per row.
 */
final class DatasetReader {
    private static final String TRUE_LABELS = "'1', '1.0', 'true', 'yes', 'anomaly', 'outlier'";
    private static final String ALL_LABELS = TRUE_LABELS + ", '0', '0.0', 'false', 'no', 'normal', 'inlier'";
    /** Text columns repeat their values; sharing one String per distinct value keeps a million rows small. */
    private static final int INTERN_LIMIT = 100_000;

    private DatasetReader() {
    }

    /** Rows between two calls of the progress callback. */
    static final int PROGRESS_EVERY = 1 << 15;

    /**
     * @param progress told the rows read so far every {@value #PROGRESS_EVERY} rows; it may throw to stop reading
     */
    static LoadedDataset read(DatasetInfo info, Path data, List<ColumnInfo> features, LongConsumer progress) {
        int rows = Math.toIntExact(info.rows());
        int width = features.size();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int j = 0; j < width; j++) {
            sql.append(j == 0 ? "" : ", ").append(expression(features.get(j)));
        }
        ColumnInfo label = info.labelColumn() == null ? null : info.column(info.labelColumn());
        if (label != null) {
            sql.append(", ").append(isAnomaly(label));
        }
        sql.append(" FROM read_parquet(").append(InMemoryDuckDb.literal(data)).append(")");
        double[][] numbers = new double[width][];
        Object[][] texts = new Object[width][];
        List<Map<String, String>> interned = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            boolean text = ColumnInfo.TEXT.equals(features.get(j).kind());
            if (text) {
                texts[j] = new Object[rows];
            } else {
                numbers[j] = new double[rows];
            }
            interned.add(text ? new HashMap<>() : null);
        }
        boolean[] labels = label == null ? null : new boolean[rows];
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql.toString())) {
            int i = 0;
            while (rs.next()) {
                for (int j = 0; j < width; j++) {
                    if (numbers[j] != null) {
                        double v = rs.getDouble(j + 1);
                        numbers[j][i] = rs.wasNull() ? Double.NaN : v;
                    } else {
                        String v = rs.getString(j + 1);
                        Map<String, String> seen = interned.get(j);
                        if (v != null && seen.size() < INTERN_LIMIT) {
                            String shared = seen.putIfAbsent(v, v);
                            v = shared == null ? v : shared;
                        }
                        texts[j][i] = v;
                    }
                }
                if (labels != null) {
                    labels[i] = rs.getBoolean(width + 1);
                }
                i++;
                if ((i & (PROGRESS_EVERY - 1)) == 0) {
                    progress.accept(i);
                }
            }
            if (i != rows) {
                throw new IllegalStateException("dataset " + info.id() + " has " + i + " rows, its metadata says "
                        + rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read dataset " + info.id() + ": "
                    + Datasets.firstLine(e.getMessage()), e);
        }
        List<Column> columns = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            String name = features.get(j).name();
            columns.add(numbers[j] != null ? new Column.Numeric(name, numbers[j]) : new Column.Values(name, texts[j]));
        }
        return new LoadedDataset(info, new Table(columns, rows), labels);
    }

    /** Rows of a would-be label column that are missing or not a recognised label. */
    static long unreadableLabels(ColumnInfo column, Path data) throws SQLException {
        String id = InMemoryDuckDb.identifier(column.name());
        String bad = ColumnInfo.TEXT.equals(column.kind())
                ? id + " IS NULL OR lower(trim(CAST(" + id + " AS VARCHAR))) NOT IN (" + ALL_LABELS + ")"
                : id + " IS NULL";
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet(" + InMemoryDuckDb.literal(data)
                     + ") WHERE " + bad)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A SQL boolean: is this row's label an anomaly. */
    static String isAnomaly(ColumnInfo label) {
        String id = InMemoryDuckDb.identifier(label.name());
        return switch (label.kind()) {
            case ColumnInfo.NUMERIC -> "CAST(" + id + " AS DOUBLE) <> 0";
            case ColumnInfo.BOOLEAN -> "coalesce(" + id + ", false)";
            default -> "coalesce(lower(trim(CAST(" + id + " AS VARCHAR))) IN (" + TRUE_LABELS + "), false)";
        };
    }

    private static String expression(ColumnInfo column) {
        String id = InMemoryDuckDb.identifier(column.name());
        return switch (column.kind()) {
            case ColumnInfo.NUMERIC, ColumnInfo.BOOLEAN -> "CAST(" + id + " AS DOUBLE)";
            case ColumnInfo.TEMPORAL -> "CAST(epoch(" + id + ") AS DOUBLE)";
            default -> "CAST(" + id + " AS VARCHAR)";
        };
    }
}
