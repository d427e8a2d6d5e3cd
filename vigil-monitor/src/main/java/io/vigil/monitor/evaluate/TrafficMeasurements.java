package io.vigil.monitor.evaluate;

import io.vigil.monitor.definition.Aggregation;
import io.vigil.monitor.definition.MetricField;
import io.vigil.monitor.definition.TrafficFilter;
import io.vigil.monitor.definition.TrafficQuery;
import io.vigil.monitor.store.MonitorDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Aggregates over stored traffic, the numbers a monitor's conditions compare. */
public final class TrafficMeasurements {
    private final MonitorDatabase db;

    public TrafficMeasurements(MonitorDatabase db) {
        this.db = db;
    }

    /**
     * {@code aggregation(field)} over the traffic matching query and filter in the window; null when no traffic
     * matched (except count and sum, which are 0 then).
     */
    public Double aggregate(String environment, TimeWindow window, TrafficQuery query, TrafficFilter filter,
                            Aggregation aggregation, MetricField field) {
        TrafficPredicate where = new TrafficPredicate(environment, window, query, filter);
        String sql = "SELECT " + expression(aggregation, field) + "::DOUBLE FROM traffic WHERE " + where.sql();
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    double v = rs.getDouble(1);
                    if (rs.wasNull()) {
                        return aggregation == Aggregation.SUM ? 0.0 : null;
                    }
                    return v;
                }
            }
        });
    }

    /** Number of records matching the query (and the filter's narrowing when {@code filter} is not null). */
    public long count(String environment, TimeWindow window, TrafficQuery query, TrafficFilter filter) {
        TrafficPredicate where = new TrafficPredicate(environment, window, query, filter);
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM traffic WHERE " + where.sql())) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** The SQL aggregate; the column comes from the enum, never from user text. */
    private static String expression(Aggregation aggregation, MetricField field) {
        String col = field == null ? null : field.column();
        return switch (aggregation) {
            case COUNT -> "count(*)";
            case AVG -> "avg(" + col + ")";
            case SUM -> "sum(" + col + ")";
            case MIN -> "min(" + col + ")";
            case MAX -> "max(" + col + ")";
            case P50 -> "quantile_cont(" + col + ", 0.5)";
            case P95 -> "quantile_cont(" + col + ", 0.95)";
            case P99 -> "quantile_cont(" + col + ", 0.99)";
        };
    }
}
