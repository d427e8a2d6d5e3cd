package io.vigil.monitor;

import io.vigil.monitor.definition.MonitorJson;
import io.vigil.monitor.definition.MonitorSpec;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.monitor.schedule.CronSchedule;
import io.vigil.monitor.schedule.ScheduleDescription;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.store.MonitorDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Create, read, update, delete and search monitors. Monitors live in the {@code monitors} table of the monitor
 * database: the list-page columns (name, description, environment, status, schedule) as columns and the whole
 * validated definition as JSON. Names are unique ignoring case; the check and the write happen under one lock (a
 * single process owns the database), so two concurrent creates cannot both take a name.
 */
public final class MonitorService {
    private static final String COLUMNS = "id, definition, epoch_us(created_at), epoch_us(updated_at)";

    private final MonitorDatabase db;
    private final Clock clock;
    private final Object writeLock = new Object();

    public MonitorService(MonitorDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Monitor create(MonitorSpec spec) {
        synchronized (writeLock) {
            requireAvailable(spec.name(), null);
            Instant now = clock.instant();
            long id = db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO monitors VALUES (nextval('monitor_ids'), ?, ?, ?, ?, ?, ?, ?,
                          make_timestamp(?::BIGINT), make_timestamp(?::BIGINT)) RETURNING id""")) {
                    bindSpec(ps, spec);
                    ps.setLong(8, Micros.of(now));
                    ps.setLong(9, Micros.of(now));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            return new Monitor(id, spec, now, now);
        }
    }

    public Monitor update(long id, MonitorSpec spec) {
        synchronized (writeLock) {
            Monitor old = get(id);
            requireAvailable(spec.name(), id);
            Instant now = clock.instant();
            db.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE monitors SET name = ?, name_key = ?, description = ?, environment = ?, status = ?,
                          schedule = ?, definition = ?, updated_at = make_timestamp(?::BIGINT) WHERE id = ?""")) {
                    bindSpec(ps, spec);
                    ps.setLong(8, Micros.of(now));
                    ps.setLong(9, id);
                    return ps.executeUpdate();
                }
            });
            return new Monitor(id, spec, old.createdAt(), now);
        }
    }

    /** The list page's active/passive toggle; passive monitors stop running but keep their history. */
    public Monitor setStatus(long id, MonitorStatus status) {
        synchronized (writeLock) {
            return update(id, get(id).spec().withStatus(status));
        }
    }

    public Monitor get(long id) {
        return find(id).orElseThrow(() -> new MonitorNotFoundException("no monitor with id " + id));
    }

    public Optional<Monitor> find(long id) {
        List<Monitor> found = query("SELECT " + COLUMNS + " FROM monitors WHERE id = ?", List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Deletes the monitor with its runs, condition results and action attempts. */
    public void delete(long id) {
        synchronized (writeLock) {
            get(id);
            db.inTransaction(c -> {
                for (String sql : List.of(
                        "DELETE FROM action_attempts WHERE run_id IN (SELECT id FROM runs WHERE monitor_id = ?)",
                        "DELETE FROM condition_results WHERE run_id IN (SELECT id FROM runs WHERE monitor_id = ?)",
                        "DELETE FROM runs WHERE monitor_id = ?",
                        "DELETE FROM monitors WHERE id = ?")) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
                return null;
            });
        }
    }

    /** Monitors matching the search, ordered by name. */
    public MonitorPage search(MonitorSearch search) {
        StringBuilder where = new StringBuilder("TRUE");
        List<Object> params = new ArrayList<>();
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" AND (contains(lower(name), ?) OR contains(lower(coalesce(description, '')), ?))");
            String t = search.text().trim().toLowerCase(Locale.ROOT);
            params.add(t);
            params.add(t);
        }
        if (search.status() != null) {
            where.append(" AND status = ?");
            params.add(search.status().wireName());
        }
        if (search.environment() != null) {
            where.append(" AND environment = ?");
            params.add(search.environment());
        }
        long total = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM monitors WHERE " + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        List<Object> paged = new ArrayList<>(params);
        paged.add((long) search.limit());
        paged.add((long) search.offset());
        List<Monitor> page = query("SELECT " + COLUMNS + " FROM monitors WHERE " + where
                + " ORDER BY name_key, id LIMIT ? OFFSET ?", paged);
        return new MonitorPage(total, page);
    }

    /** The monitors the scheduler should run. */
    public List<Monitor> active() {
        return query("SELECT " + COLUMNS + " FROM monitors WHERE status = 'active' ORDER BY id", List.of());
    }

    /**
     * Whether {@code name} may be used; {@code forMonitorId} is the monitor being edited (its own name stays
     * available to it), null for a new monitor.
     */
    public NameAvailability nameAvailability(String name, Long forMonitorId) {
        if (name == null || name.isBlank()) {
            return new NameAvailability(name, false, "name is required");
        }
        if (Character.isWhitespace(name.charAt(0))) {
            return new NameAvailability(name, false, "name may not start with a space");
        }
        if (name.length() > MonitorSpec.MAX_NAME) {
            return new NameAvailability(name, false, "name must be at most " + MonitorSpec.MAX_NAME + " characters");
        }
        Optional<Long> owner = db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM monitors WHERE name_key = ? LIMIT 1")) {
                ps.setString(1, nameKey(name));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
        if (owner.isPresent() && !owner.get().equals(forMonitorId)) {
            return new NameAvailability(name, false, "a monitor with this name already exists (names ignore case)");
        }
        return new NameAvailability(name, true, null);
    }

    /** What a cron expression means and when it fires next (for the form's preview). */
    public ScheduleDescription describeSchedule(String cron) {
        return CronSchedule.parse(cron).description(clock.instant());
    }

    private void requireAvailable(String name, Long forMonitorId) {
        NameAvailability a = nameAvailability(name, forMonitorId);
        if (!a.available()) {
            throw new MonitorNameTakenException(name);
        }
    }

    private static void bindSpec(PreparedStatement ps, MonitorSpec spec) throws SQLException {
        ps.setString(1, spec.name());
        ps.setString(2, nameKey(spec.name()));
        ps.setString(3, spec.description());
        ps.setString(4, spec.environment());
        ps.setString(5, spec.status().wireName());
        ps.setString(6, spec.schedule());
        ps.setString(7, MonitorJson.write(spec));
    }

    private List<Monitor> query(String sql, List<Object> params) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, params);
                List<Monitor> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        MonitorSpec spec = MonitorJson.parse(rs.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        out.add(new Monitor(rs.getLong(1), spec, Micros.toInstant(rs.getLong(3)), Micros.toInstant(rs.getLong(4))));
                    }
                }
                return out;
            }
        });
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }


}
