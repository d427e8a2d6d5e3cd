package io.vigil.workflow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Per-column statistics, one DuckDB aggregate query per column over the stored Parquet file. */
final class DatasetStatistics {
    private static final int TOP_VALUES = 5;

    private DatasetStatistics() {
    }

    static List<ColumnStats> of(DatasetInfo info, Path data) {
        String from = " FROM read_parquet(" + InMemoryDuckDb.literal(data) + ")";
        List<ColumnStats> out = new ArrayList<>(info.columns().size());
        try (Connection c = InMemoryDuckDb.open(); Statement s = c.createStatement()) {
            for (ColumnInfo col : info.columns()) {
                String id = InMemoryDuckDb.identifier(col.name());
                boolean numeric = col.numeric();
                String value = numeric ? "CAST(" + id + " AS DOUBLE)" : "CAST(" + id + " AS VARCHAR)";
                String sql = "SELECT count(" + id + "), count(*) - count(" + id + "), count(DISTINCT " + id + "), "
                        + "min(" + value + "), max(" + value + ")"
                        + (numeric ? ", avg(" + value + "), stddev_samp(" + value + ")" : "") + from;
                long count;
                long missing;
                long distinct;
                Object min;
                Object max;
                Double mean = null;
                Double std = null;
                try (ResultSet rs = s.executeQuery(sql)) {
                    rs.next();
                    count = rs.getLong(1);
                    missing = rs.getLong(2);
                    distinct = rs.getLong(3);
                    min = plain(rs.getObject(4));
                    max = plain(rs.getObject(5));
                    if (numeric) {
                        mean = finiteOrNull(rs.getObject(6));
                        std = finiteOrNull(rs.getObject(7));
                    }
                }
                List<ColumnStats.ValueCount> top = null;
                if (!numeric) {
                    top = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT CAST(" + id + " AS VARCHAR) AS v, count(*) AS n"
                            + from + " WHERE " + id + " IS NOT NULL GROUP BY v ORDER BY n DESC, v LIMIT "
                            + TOP_VALUES)) {
                        while (rs.next()) {
                            top.add(new ColumnStats.ValueCount(rs.getString(1), rs.getLong(2)));
                        }
                    }
                }
                out.add(new ColumnStats(col.name(), col.type(), col.kind(), count, missing, distinct, min, max,
                        mean, std, top));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute statistics of dataset " + info.id() + ": "
                    + Datasets.firstLine(e.getMessage()), e);
        }
        return out;
    }

    /** A JDBC value as JSON can carry it: numbers as Long or Double (NaN as null), booleans, the rest as text. */
    static Object plain(Object v) {
        if (v == null || v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof String) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b) {
            return b.bitLength() < 64 ? b.longValue() : b.toString();
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return finiteOrNull(v);
        }
        return v.toString();
    }

    private static Double finiteOrNull(Object v) {
        if (v == null) {
            return null;
        }
        double d = ((Number) v).doubleValue();
        return Double.isFinite(d) ? d : null;
    }
}
