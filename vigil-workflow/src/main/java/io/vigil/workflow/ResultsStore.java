package io.vigil.workflow;

import io.vigil.core.modelfile.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A run's results as {@code results.parquet} ({@code index, score, raw_score, is_anomaly, top_features}, one row
 * per dataset row; {@code top_features} is the JSON of a flagged row's explanation, see {@link RunExplanations}),
 * and the queries over it: pages joined with the dataset's rows, CSV export and the scatter sample. Every query
 * runs in DuckDB, so a million-row run is never turned into Java objects.
 */
final class ResultsStore {
    static final String FILE = "results.parquet";
    static final int SCATTER_BUDGET = 2000;
    static final int MAX_PAGE = 1000;
    private static final String RESULT_COLUMNS = "r.\"index\", r.score, r.raw_score, r.is_anomaly";

    private ResultsStore() {
    }

    static void write(Path runDir, double[] raw, double[] normalized, boolean[] flags, String[] topFeatures) {
        Path target = runDir.resolve(FILE);
        Path temp = runDir.resolve("." + FILE + ".tmp");
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE results (\"index\" BIGINT, score DOUBLE, raw_score DOUBLE, is_anomaly BOOLEAN, "
                    + "top_features VARCHAR)");
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender("results")) {
                for (int i = 0; i < raw.length; i++) {
                    a.beginRow().append((long) i).append(normalized[i]).append(raw[i]).append(flags[i]);
                    if (topFeatures[i] == null) {
                        a.appendNull();
                    } else {
                        a.append(topFeatures[i]);
                    }
                    a.endRow();
                }
            }
            s.execute("COPY results TO " + InMemoryDuckDb.literal(temp) + " (FORMAT parquet)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the results: " + Datasets.firstLine(e.getMessage()), e);
        }
        InMemoryDuckDb.commit(temp, target);
    }

    static ResultPage page(String runId, Path runDir, DatasetInfo dataset, Path data, long offset, int limit,
                           boolean anomaliesOnly, String sort) {
        if (offset < 0) {
            throw new InvalidWorkflowRequestException("offset", "offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidWorkflowRequestException("limit", "limit must be between 1 and " + MAX_PAGE
                    + ", got " + limit);
        }
        String order = switch (sort) {
            case "score" -> "score DESC, \"index\"";
            case "index" -> "\"index\"";
            default -> throw new InvalidWorkflowRequestException("sort", "sort must be score or index, got '"
                    + sort + "'");
        };
        String results = "read_parquet(" + InMemoryDuckDb.literal(runDir.resolve(FILE)) + ")";
        String where = anomaliesOnly ? " WHERE is_anomaly" : "";
        boolean joined = dataset != null && Files.isRegularFile(data);
        String explained;
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM parquet_schema("
                     + InMemoryDuckDb.literal(runDir.resolve(FILE)) + ") WHERE name = 'top_features'")) {
            rs.next();
            // Runs written before explanations were stored have no such column; their rows read as unexplained.
            explained = rs.getLong(1) > 0 ? "r.top_features" : "CAST(NULL AS VARCHAR)";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the results of run " + runId + ": "
                    + Datasets.firstLine(e.getMessage()), e);
        }
        String sql = "WITH r AS (SELECT * FROM " + results + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) "
                + "SELECT " + RESULT_COLUMNS + ", " + explained + (joined
                ? ", d.* EXCLUDE (file_row_number) FROM r JOIN read_parquet(" + InMemoryDuckDb.literal(data)
                + ", file_row_number = true) d ON d.file_row_number = r.\"index\""
                : " FROM r") + " ORDER BY " + order.replace("score", "r.score").replace("\"index\"", "r.\"index\"");
        List<String> columns = joined ? dataset.columnNames() : List.of();
        List<ResultPage.Row> rows = new ArrayList<>(limit);
        long total;
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + results + where)) {
                rs.next();
                total = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, limit);
                ps.setLong(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> values = new LinkedHashMap<>();
                        for (int j = 0; j < columns.size(); j++) {
                            values.put(columns.get(j), DatasetStatistics.plain(rs.getObject(6 + j)));
                        }
                        rows.add(new ResultPage.Row(rs.getLong(1), finite(rs.getDouble(2)), finite(rs.getDouble(3)),
                                rs.getBoolean(4), values, RunExplanations.parse(rs.getString(5))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the results of run " + runId + ": "
                    + Datasets.firstLine(e.getMessage()), e);
        }
        return new ResultPage(runId, total, offset, limit, anomaliesOnly, sort, columns, rows);
    }

    /**
     * Writes {@code index, score, raw_score, is_anomaly} then the dataset's columns, in row order, to
     * {@code target} atomically.
     */
    static void exportCsv(Path runDir, DatasetInfo dataset, Path data, boolean anomaliesOnly, Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            Files.createDirectories(dir);
            temp = AtomicFiles.tempBeside(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        boolean joined = dataset != null && Files.isRegularFile(data);
        String sql = "COPY (SELECT " + RESULT_COLUMNS + (joined ? ", d.* EXCLUDE (file_row_number)" : "")
                + " FROM read_parquet(" + InMemoryDuckDb.literal(runDir.resolve(FILE)) + ") r"
                + (joined ? " JOIN read_parquet(" + InMemoryDuckDb.literal(data) + ", file_row_number = true) d "
                + "ON d.file_row_number = r.\"index\"" : "")
                + (anomaliesOnly ? " WHERE r.is_anomaly" : "") + " ORDER BY r.\"index\") TO "
                + InMemoryDuckDb.literal(temp) + " (FORMAT csv, HEADER)";
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            WorkflowFiles.deleteTree(temp);
            throw new IllegalStateException("cannot export the results: " + Datasets.firstLine(e.getMessage()), e);
        }
        InMemoryDuckDb.commit(temp, target);
    }

    /**
     * Two columns for a scatter chart: every flagged row, and normal rows thinned by a fixed stride so the total
     * stays near {@value #SCATTER_BUDGET} points (a tenth of that when flagged rows alone fill the budget).
     */
    static RunCharts.Scatter scatter(Path runDir, DatasetInfo dataset, Path data, String x, String y,
                                     long rows, long anomalies) {
        String xExpr = plotted("x", dataset, x);
        String yExpr = plotted("y", dataset, y);
        long normals = rows - anomalies;
        long room = Math.max(SCATTER_BUDGET / 10, SCATTER_BUDGET - anomalies);
        long stride = Math.max(1, (normals + room - 1) / Math.max(1, room));
        String sql = "SELECT " + RESULT_COLUMNS + ", " + xExpr + ", " + yExpr + " FROM read_parquet("
                + InMemoryDuckDb.literal(runDir.resolve(FILE)) + ") r JOIN read_parquet("
                + InMemoryDuckDb.literal(data) + ", file_row_number = true) d ON d.file_row_number = r.\"index\" "
                + "WHERE r.is_anomaly OR r.\"index\" % ? = 0 ORDER BY r.\"index\"";
        List<RunCharts.Point> points = new ArrayList<>();
        try (Connection c = InMemoryDuckDb.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, stride);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double sx = rs.getDouble(5);
                    Double px = rs.wasNull() ? null : finite(sx);
                    double sy = rs.getDouble(6);
                    Double py = rs.wasNull() ? null : finite(sy);
                    points.add(new RunCharts.Point(rs.getLong(1), px, py, rs.getBoolean(4), rs.getDouble(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the scatter sample: " + Datasets.firstLine(e.getMessage()),
                    e);
        }
        return new RunCharts.Scatter(x, y, dataset.column(x).kind(), dataset.column(y).kind(), rows, stride > 1,
                points);
    }

    /** A column of the dataset as a number to plot; anything but a plottable column is refused naming it. */
    private static String plotted(String field, DatasetInfo dataset, String column) {
        ColumnInfo c = dataset.column(column);
        if (c == null) {
            throw new InvalidWorkflowRequestException(field, field + " names column '" + column + "', which dataset '"
                    + dataset.id() + "' does not have; its columns are " + String.join(", ", dataset.columnNames()));
        }
        String id = "d." + InMemoryDuckDb.identifier(c.name());
        return switch (c.kind()) {
            case ColumnInfo.NUMERIC, ColumnInfo.BOOLEAN -> "CAST(" + id + " AS DOUBLE)";
            case ColumnInfo.TEMPORAL -> "CAST(epoch(" + id + ") AS DOUBLE)";
            default -> throw new InvalidWorkflowRequestException(field, field + " names text column '" + column
                    + "'; choose a numeric column to plot");
        };
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
