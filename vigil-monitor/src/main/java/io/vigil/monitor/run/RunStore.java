package io.vigil.monitor.run;

import io.vigil.monitor.MonitorNotFoundException;
import io.vigil.monitor.action.ActionAttempt;
import io.vigil.monitor.action.NotificationEvent;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.monitor.evaluate.ConditionResult;
import io.vigil.monitor.evaluate.ConditionState;
import io.vigil.monitor.evaluate.RunHistory;
import io.vigil.monitor.evaluate.RunOutcome;
import io.vigil.monitor.evaluate.RunResult;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.store.MonitorDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs, their condition results and action attempts, in the {@code runs}, {@code condition_results} and
 * {@code action_attempts} tables. This is the results API: paged runs in a time range, one run with details, and
 * per-condition series for charts.
 */
public final class RunStore {
    private final MonitorDatabase db;

    public RunStore(MonitorDatabase db) {
        this.db = db;
    }

    /** Stores an evaluated run with the incident event it caused; returns it with its id. */
    public MonitorRun save(RunOutcome outcome, NotificationEvent event) {
        long id = db.inTransaction(c -> {
            long runId;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO runs VALUES (nextval('run_ids'), ?, make_timestamp(?::BIGINT),
                      make_timestamp(?::BIGINT), make_timestamp(?::BIGINT), ?, ?, ?) RETURNING id""")) {
                ps.setLong(1, outcome.monitorId());
                ps.setLong(2, Micros.of(outcome.firedAt()));
                ps.setLong(3, Micros.of(outcome.window().from()));
                ps.setLong(4, Micros.of(outcome.window().to()));
                ps.setString(5, outcome.result().name());
                ps.setString(6, event.name());
                ps.setString(7, outcome.error());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    runId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO condition_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ConditionResult r : outcome.conditions()) {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.index());
                    ps.setString(3, r.type());
                    ps.setString(4, r.measure());
                    ps.setString(5, r.state().name());
                    ps.setBoolean(6, r.satisfied());
                    setDouble(ps, 7, r.value());
                    setDouble(ps, 8, r.lower());
                    setDouble(ps, 9, r.upper());
                    setDouble(ps, 10, r.baseline());
                    ps.setString(11, r.message());
                    ps.executeUpdate();
                }
            }
            return runId;
        });
        return new MonitorRun(id, outcome.monitorId(), outcome.firedAt(), outcome.window().from(),
                outcome.window().to(), outcome.result(), event, outcome.error(), outcome.conditions(), List.of());
    }

    /** Records delivery attempts of a stored run. */
    public void saveAttempts(long runId, List<ActionAttempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO action_attempts VALUES (?, ?, ?, ?, ?, make_timestamp(?::BIGINT), ?, ?, ?)")) {
                for (ActionAttempt a : attempts) {
                    ps.setLong(1, runId);
                    ps.setInt(2, a.actionIndex());
                    ps.setString(3, a.actionType());
                    ps.setString(4, a.event().name());
                    ps.setInt(5, a.attempt());
                    ps.setLong(6, Micros.of(a.at()));
                    ps.setBoolean(7, a.success());
                    if (a.statusCode() == null) {
                        ps.setNull(8, Types.INTEGER);
                    } else {
                        ps.setInt(8, a.statusCode());
                    }
                    ps.setString(9, a.message());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The condition results of the monitor's last {@code runs} runs, oldest first. */
    public RunHistory history(long monitorId, int runs) {
        Map<Long, List<ConditionResult>> byRun = db.withConnection(c -> conditions(c, """
                SELECT cr.* FROM condition_results cr JOIN (
                  SELECT id, fired_at FROM runs WHERE monitor_id = ? ORDER BY fired_at DESC, id DESC LIMIT ?) r
                ON cr.run_id = r.id ORDER BY r.fired_at, r.id, cr.idx""", monitorId, (long) runs));
        return new RunHistory(new ArrayList<>(byRun.values()));
    }

    /** The result of the latest run that was not ERROR: the incident state MET or NOT_MET, if any. */
    public Optional<RunResult> lastDecisiveResult(long monitorId) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT result FROM runs WHERE monitor_id = ? AND result <> 'ERROR'
                    ORDER BY fired_at DESC, id DESC LIMIT 1""")) {
                ps.setLong(1, monitorId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RunResult.valueOf(rs.getString(1))) : Optional.<RunResult>empty();
                }
            }
        });
    }

    /** When a monitor last ran and what it found: what a monitor list shows beside each name. */
    public record LastRun(Instant firedAt, RunResult result) {
    }

    /** The latest run of each of these monitors, by monitor id; monitors that never ran are absent. */
    public Map<Long, LastRun> lastRuns(List<Long> monitorIds) {
        Map<Long, LastRun> out = new HashMap<>();
        if (monitorIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", Collections.nCopies(monitorIds.size(), "?"));
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT monitor_id, result, epoch_us(fired_at) FROM runs "
                    + "WHERE monitor_id IN (" + marks + ") QUALIFY row_number() OVER (PARTITION BY monitor_id "
                    + "ORDER BY fired_at DESC, id DESC) = 1")) {
                for (int i = 0; i < monitorIds.size(); i++) {
                    ps.setLong(i + 1, monitorIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), new LastRun(Micros.toInstant(rs.getLong(3)),
                                RunResult.valueOf(rs.getString(2))));
                    }
                }
            }
            return out;
        });
    }

    /** Active monitors whose latest run was MET: what needs a look now, counted in the database. */
    public long activeMetCount() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM (SELECT r.result FROM runs r JOIN monitors m ON m.id = r.monitor_id
                      WHERE m.status = ?
                      QUALIFY row_number() OVER (PARTITION BY r.monitor_id ORDER BY r.fired_at DESC, r.id DESC) = 1)
                    WHERE result = 'MET'""")) {
                ps.setString(1, MonitorStatus.ACTIVE.wireName());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }


    /** Runs of a monitor fired in [from, to), newest first, with their conditions and action attempts. */
    public RunPage runs(long monitorId, Instant from, Instant to, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new io.vigil.monitor.InvalidMonitorException(offset < 0 ? "offset" : "limit",
                    "offset must be at least 0 and limit between 1 and 1000");
        }
        String range = " WHERE monitor_id = ? AND fired_at >= make_timestamp(?::BIGINT) AND fired_at < make_timestamp(?::BIGINT)";
        return db.withConnection(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM runs" + range)) {
                bindRange(ps, monitorId, from, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<MonitorRun> runs = loadRuns(c, "SELECT * FROM runs" + range
                    + " ORDER BY fired_at DESC, id DESC LIMIT " + limit + " OFFSET " + offset, monitorId, from, to);
            return new RunPage(total, runs);
        });
    }

    /** A monitor's latest run with its conditions and action attempts, if it ever ran. */
    public Optional<MonitorRun> latest(long monitorId) {
        List<MonitorRun> found = db.withConnection(c -> loadRuns(c,
                "SELECT * FROM runs WHERE monitor_id = ? ORDER BY fired_at DESC, id DESC LIMIT 1", monitorId));
        return found.stream().findFirst();
    }

    public MonitorRun run(long runId) {
        List<MonitorRun> found = db.withConnection(c -> loadRuns(c, "SELECT * FROM runs WHERE id = ?", runId));
        if (found.isEmpty()) {
            throw new MonitorNotFoundException("no run with id " + runId);
        }
        return found.get(0);
    }

    /** Deletes one run with its details (the results page's "Delete"). */
    public void deleteRun(long runId) {
        run(runId);
        db.inTransaction(c -> {
            for (String sql : List.of("DELETE FROM action_attempts WHERE run_id = ?",
                    "DELETE FROM condition_results WHERE run_id = ?", "DELETE FROM runs WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, runId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Chart series of condition {@code index}: value, bands and state per run in [from, to), oldest first. */
    public ConditionSeries series(long monitorId, int index, Instant from, Instant to) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT epoch_us(r.fired_at), r.id, cr.state, cr.value, cr.lower_band, cr.upper_band, cr.baseline, cr.type
                    FROM runs r JOIN condition_results cr ON cr.run_id = r.id
                    WHERE r.monitor_id = ? AND r.fired_at >= make_timestamp(?::BIGINT)
                      AND r.fired_at < make_timestamp(?::BIGINT) AND cr.idx = ?
                    ORDER BY r.fired_at, r.id""")) {
                bindRange(ps, monitorId, from, to);
                ps.setInt(4, index);
                List<SeriesPoint> points = new ArrayList<>();
                String type = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        points.add(new SeriesPoint(Micros.toInstant(rs.getLong(1)), rs.getLong(2),
                                ConditionState.valueOf(rs.getString(3)), getDouble(rs, 4), getDouble(rs, 5),
                                getDouble(rs, 6), getDouble(rs, 7)));
                        type = rs.getString(8);
                    }
                }
                return new ConditionSeries(monitorId, index, type, points);
            }
        });
    }

    private static void bindRange(PreparedStatement ps, long monitorId, Instant from, Instant to) throws SQLException {
        ps.setLong(1, monitorId);
        ps.setLong(2, Micros.of(from));
        ps.setLong(3, Micros.of(to));
    }

    private static List<MonitorRun> loadRuns(Connection c, String sql, long monitorOrRunId, Instant... range)
            throws SQLException {
        List<MonitorRun> runs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.replace("SELECT *", """
                SELECT id, monitor_id, epoch_us(fired_at), epoch_us(window_from), epoch_us(window_to), result, event, error"""))) {
            if (range.length == 2) {
                bindRange(ps, monitorOrRunId, range[0], range[1]);
            } else {
                ps.setLong(1, monitorOrRunId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    runs.add(new MonitorRun(rs.getLong(1), rs.getLong(2), Micros.toInstant(rs.getLong(3)),
                            Micros.toInstant(rs.getLong(4)), Micros.toInstant(rs.getLong(5)),
                            RunResult.valueOf(rs.getString(6)), NotificationEvent.valueOf(rs.getString(7)),
                            rs.getString(8), List.of(), List.of()));
                }
            }
        }
        if (runs.isEmpty()) {
            return runs;
        }
        String ids = String.join(", ", Collections.nCopies(runs.size(), "?"));
        Object[] idParams = runs.stream().map(MonitorRun::id).toArray();
        Map<Long, List<ConditionResult>> conditions = conditions(c,
                "SELECT * FROM condition_results WHERE run_id IN (" + ids + ") ORDER BY run_id, idx", idParams);
        Map<Long, List<ActionAttempt>> attempts = attempts(c, ids, idParams);
        List<MonitorRun> out = new ArrayList<>(runs.size());
        for (MonitorRun r : runs) {
            out.add(new MonitorRun(r.id(), r.monitorId(), r.firedAt(), r.windowFrom(), r.windowTo(), r.result(),
                    r.event(), r.error(), conditions.getOrDefault(r.id(), List.of()),
                    attempts.getOrDefault(r.id(), List.of())));
        }
        return out;
    }

    private static Map<Long, List<ConditionResult>> conditions(Connection c, String sql, Object... params)
            throws SQLException {
        Map<Long, List<ConditionResult>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, (Long) params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong("run_id"), k -> new ArrayList<>()).add(new ConditionResult(
                            rs.getInt("idx"), rs.getString("type"), rs.getString("measure"), ConditionState.valueOf(rs.getString("state")),
                            rs.getBoolean("satisfied"), getDouble(rs, "value"), getDouble(rs, "lower_band"),
                            getDouble(rs, "upper_band"), getDouble(rs, "baseline"), rs.getString("message")));
                }
            }
        }
        return out;
    }

    private static Map<Long, List<ActionAttempt>> attempts(Connection c, String ids, Object[] params) throws SQLException {
        Map<Long, List<ActionAttempt>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT run_id, action_idx, action_type, event, attempt, epoch_us(attempted_at), success, status_code, message
                FROM action_attempts WHERE run_id IN (""" + ids + ") ORDER BY run_id, attempted_at, action_idx, attempt")) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, (Long) params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt(8);
                    Integer code = rs.wasNull() ? null : status;
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ActionAttempt(rs.getInt(2),
                            rs.getString(3), NotificationEvent.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                            rs.getInt(5), Micros.toInstant(rs.getLong(6)), rs.getBoolean(7), code, rs.getString(9)));
                }
            }
        }
        return out;
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static Double getDouble(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Double getDouble(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
