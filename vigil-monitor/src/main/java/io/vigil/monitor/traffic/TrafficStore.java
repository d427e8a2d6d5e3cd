package io.vigil.monitor.traffic;

import io.vigil.monitor.store.Micros;
import io.vigil.monitor.store.MonitorDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;

/**
 * Gateway traffic kept in the {@code traffic} table of the monitor database.
 *
 * <p>Records go in through DuckDB's appender inside one transaction per call; when {@link #ingest} returns, the
 * transaction has committed and DuckDB has synced its write-ahead log, so an acknowledged record survives a crash.
 * Old traffic is deleted by {@link #purgeExpired()}, which a scheduler calls daily.
 */
public final class TrafficStore {
    static final int MAX_TEXT = 2048;
    static final int MAX_ATTRIBUTES = 64;

    private final MonitorDatabase db;
    private final TrafficRetention retention;
    private final Clock clock;

    public TrafficStore(MonitorDatabase db, TrafficRetention retention, Clock clock) {
        this.db = db;
        this.retention = retention;
        this.clock = clock;
    }

    public TrafficRetention retention() {
        return retention;
    }

    /** Validates every record, stores the valid ones durably and reports each rejected one with its reason. */
    public IngestResult ingest(List<TrafficRecord> records) {
        List<RejectedRecord> rejected = new ArrayList<>();
        List<TrafficRecord> valid = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            RejectedRecord problem = validate(i, records.get(i));
            if (problem == null) {
                valid.add(records.get(i));
            } else {
                rejected.add(problem);
            }
        }
        if (!valid.isEmpty()) {
            append(valid);
        }
        return new IngestResult(valid.size(), rejected);
    }

    private void append(List<TrafficRecord> valid) {
        db.withIngestConnection(c -> {
            c.setAutoCommit(false);
            try {
                try (DuckDBAppender a = c.createAppender("traffic")) {
                    for (TrafficRecord r : valid) {
                        a.beginRow()
                                .appendEpochMicros(Micros.of(r.timestamp()))
                                .append(r.environment())
                                .append(r.api())
                                .append(r.method().toUpperCase(Locale.ROOT))
                                .append(r.endpoint())
                                .append(r.statusCode().intValue())
                                .append(r.result().wireName())
                                .append(r.responseTimeMs().doubleValue())
                                .append(r.requestBytes() == null ? 0L : r.requestBytes().longValue())
                                .append(r.responseBytes() == null ? 0L : r.responseBytes().longValue())
                                .append(r.clientIp())
                                .append(r.userAgent())
                                .append(AttributesJson.write(r.attributes()))
                                .endRow();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** Deletes traffic older than the retention period (relative to the clock); returns how many rows went. */
    public long purgeExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(retention.days()));
        return purgeOlderThan(cutoff);
    }

    /** Deletes traffic strictly older than {@code cutoff}. */
    public long purgeOlderThan(Instant cutoff) {
        long deleted = db.withIngestConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM traffic WHERE ts < make_timestamp(?::BIGINT)")) {
                ps.setLong(1, Micros.of(cutoff));
                return (long) ps.executeUpdate();
            }
        });
        if (deleted > 0) {
            db.checkpoint();
        }
        return deleted;
    }

    /** The environments that have traffic, for the monitor form's environment list. */
    public List<String> environments() {
        return db.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT DISTINCT environment FROM traffic ORDER BY environment")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Stored traffic per environment and API in [from, to): counts, failures, latency and the first and last record.
     * {@code environment} null means every environment. Values are bound as parameters, never spliced into SQL.
     */
    public TrafficSummary summary(String environment, Instant from, Instant to) {
        String where = "ts >= make_timestamp(?::BIGINT) AND ts < make_timestamp(?::BIGINT)"
                + (environment == null ? "" : " AND environment = ?");
        return db.withConnection(c -> {
            long total = 0;
            List<TrafficSummary.ApiTraffic> apis = new ArrayList<>();
            boolean truncated = false;
            // The window sum is taken over every group before LIMIT: the total needs no second scan.
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT environment, api, count(*), count(*) FILTER (WHERE result <> 'success'),
                           count(*) FILTER (WHERE status_code >= 500), avg(response_time_ms),
                           quantile_cont(response_time_ms, 0.95), epoch_us(min(ts)), epoch_us(max(ts)),
                           sum(count(*)) OVER ()
                    FROM traffic WHERE %s GROUP BY environment, api ORDER BY environment, api LIMIT %d"""
                    .formatted(where, TrafficSummary.MAX_GROUPS + 1))) {
                bindSummary(ps, environment, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        total = rs.getLong(10);
                        if (apis.size() == TrafficSummary.MAX_GROUPS) {
                            truncated = true;
                            break;
                        }
                        apis.add(new TrafficSummary.ApiTraffic(rs.getString(1), rs.getString(2), rs.getLong(3),
                                rs.getLong(4), rs.getLong(5), rs.getDouble(6), rs.getDouble(7),
                                Micros.toInstant(rs.getLong(8)), Micros.toInstant(rs.getLong(9))));
                    }
                }
            }
            return new TrafficSummary(environment, from, to, total, apis, truncated);
        });
    }

    private static void bindSummary(PreparedStatement ps, String environment, Instant from, Instant to)
            throws SQLException {
        ps.setLong(1, Micros.of(from));
        ps.setLong(2, Micros.of(to));
        if (environment != null) {
            ps.setString(3, environment);
        }
    }

    /** Number of stored records. */
    public long count() {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM traffic")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }


    private static RejectedRecord validate(int index, TrafficRecord r) {
        if (r == null) {
            return new RejectedRecord(index, "record", "record is null; send a JSON object");
        }
        if (r.timestamp() == null) {
            return new RejectedRecord(index, "timestamp", "timestamp is required (ISO-8601 or epoch milliseconds)");
        }
        String text = firstBadText(r);
        if (text != null) {
            return new RejectedRecord(index, text, text + " is required, non-blank and at most " + MAX_TEXT + " characters");
        }
        if (r.statusCode() == null || r.statusCode() < 100 || r.statusCode() > 599) {
            return new RejectedRecord(index, "status_code", "status_code must be an HTTP status between 100 and 599");
        }
        if (r.result() == null) {
            return new RejectedRecord(index, "result", "result must be one of success, failed, blocked");
        }
        if (r.responseTimeMs() == null || !Double.isFinite(r.responseTimeMs()) || r.responseTimeMs() < 0) {
            return new RejectedRecord(index, "response_time_ms", "response_time_ms must be a finite number of at least 0");
        }
        if (r.requestBytes() != null && r.requestBytes() < 0) {
            return new RejectedRecord(index, "request_bytes", "request_bytes must be at least 0");
        }
        if (r.responseBytes() != null && r.responseBytes() < 0) {
            return new RejectedRecord(index, "response_bytes", "response_bytes must be at least 0");
        }
        if (tooLong(r.clientIp())) {
            return new RejectedRecord(index, "client_ip", "client_ip must be at most " + MAX_TEXT + " characters");
        }
        if (tooLong(r.userAgent())) {
            return new RejectedRecord(index, "user_agent", "user_agent must be at most " + MAX_TEXT + " characters");
        }
        if (r.attributes().size() > MAX_ATTRIBUTES) {
            return new RejectedRecord(index, "attributes", "at most " + MAX_ATTRIBUTES + " attributes per record");
        }
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            if (blank(e.getKey()) || tooLong(e.getKey()) || tooLong(e.getValue())) {
                return new RejectedRecord(index, "attributes." + e.getKey(),
                        "attribute keys must be non-blank and keys and values at most " + MAX_TEXT + " characters");
            }
        }
        return null;
    }

    private static String firstBadText(TrafficRecord r) {
        if (blankOrLong(r.environment())) {
            return "environment";
        }
        if (blankOrLong(r.api())) {
            return "api";
        }
        if (blankOrLong(r.method())) {
            return "method";
        }
        if (blankOrLong(r.endpoint())) {
            return "endpoint";
        }
        return null;
    }

    private static boolean blankOrLong(String s) {
        return s == null || s.length() > MAX_TEXT || blank(s);
    }

    /** A string that starts with a non-space is not blank: the common case, decided without scanning the rest. */
    private static boolean blank(String s) {
        return s.isEmpty() || (Character.isWhitespace(s.charAt(0)) && s.isBlank());
    }

    private static boolean tooLong(String s) {
        return s != null && s.length() > MAX_TEXT;
    }
}
