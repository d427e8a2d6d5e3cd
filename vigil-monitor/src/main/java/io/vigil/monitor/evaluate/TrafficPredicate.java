package io.vigil.monitor.evaluate;

import io.vigil.monitor.definition.AttributePredicate;
import io.vigil.monitor.definition.StatusRange;
import io.vigil.monitor.definition.TrafficFilter;
import io.vigil.monitor.definition.TrafficQuery;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.traffic.TrafficResult;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL {@code WHERE} clause for an environment, a time window, a query and optionally a filter. Only fixed SQL
 * text is concatenated; every user value (names, paths, attribute keys and values) is a bound parameter.
 */
final class TrafficPredicate {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    TrafficPredicate(String environment, TimeWindow window, TrafficQuery query, TrafficFilter filter) {
        sql.append("environment = ? AND ts >= make_timestamp(?::BIGINT) AND ts < make_timestamp(?::BIGINT)");
        params.add(environment);
        params.add(Micros.of(window.from()));
        params.add(Micros.of(window.to()));
        in("api", query.apis());
        in("method", query.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).toList());
        endpoints(query.endpoints());
        statusRanges(query.statusRanges());
        in("result", query.results().stream().map(TrafficResult::wireName).toList());
        for (AttributePredicate p : query.attributes()) {
            attribute(p);
        }
        if (filter != null) {
            in("api", filter.apis());
            if (!filter.excludeApis().isEmpty()) {
                sql.append(" AND api NOT IN (").append(placeholders(filter.excludeApis().size())).append(')');
                params.addAll(filter.excludeApis());
            }
            in("result", filter.results().stream().map(TrafficResult::wireName).toList());
        }
    }

    String sql() {
        return sql.toString();
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    private void in(String column, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append(placeholders(values.size())).append(')');
        params.addAll(values);
    }

    private void endpoints(List<String> endpoints) {
        if (endpoints.isEmpty()) {
            return;
        }
        sql.append(" AND (");
        for (int i = 0; i < endpoints.size(); i++) {
            String e = endpoints.get(i);
            if (i > 0) {
                sql.append(" OR ");
            }
            if (e.endsWith("*")) {
                sql.append("starts_with(endpoint, ?)");
                params.add(e.substring(0, e.length() - 1));
            } else {
                sql.append("endpoint = ?");
                params.add(e);
            }
        }
        sql.append(')');
    }

    private void statusRanges(List<StatusRange> ranges) {
        if (ranges.isEmpty()) {
            return;
        }
        sql.append(" AND (");
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append("status_code BETWEEN ? AND ?");
            params.add(ranges.get(i).from());
            params.add(ranges.get(i).to());
        }
        sql.append(')');
    }

    /**
     * Attributes are a JSON object; the path {@code $."key"} is built from a key that matched
     * {@link AttributePredicate#KEY} (no quotes or backslashes possible) and is bound as a parameter anyway.
     */
    private void attribute(AttributePredicate p) {
        String path = "$.\"" + p.key() + "\"";
        switch (p.op()) {
            case EQUALS -> {
                sql.append(" AND coalesce(json_extract_string(attributes, ?) = ?, false)");
                params.add(path);
                params.add(p.value());
            }
            case NOT_EQUALS -> {
                sql.append(" AND coalesce(json_extract_string(attributes, ?) <> ?, true)");
                params.add(path);
                params.add(p.value());
            }
            case CONTAINS -> {
                sql.append(" AND coalesce(contains(json_extract_string(attributes, ?), ?), false)");
                params.add(path);
                params.add(p.value());
            }
            case EXISTS -> {
                sql.append(" AND json_extract(attributes, ?) IS NOT NULL");
                params.add(path);
            }
            case MISSING -> {
                sql.append(" AND json_extract(attributes, ?) IS NULL");
                params.add(path);
            }
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

}
