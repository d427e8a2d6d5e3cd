package io.vigil.monitor.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.Pseudonymiser;
import io.vigil.core.loggroup.Pseudonymiser.Identifier;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.store.StoreException;
import io.vigil.monitor.traffic.AttributesJson;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBAppender;

/**
 * Licence-server request log entries in the {@code log_entries} table of the monitor database.
 *
 * <p>Entries go in through DuckDB's appender inside one transaction per call; ids are assigned then, one more than
 * the last id stored, in the order sent, under the ingest connection's lock, so ids increase with arrival. When
 * {@link #ingest} returns, the transaction has committed and DuckDB has synced its write-ahead log: an acknowledged
 * entry survives a crash. Product, key, machine code and IP are stored as {@link Pseudonymiser} pseudonyms, and
 * in the clear too only when the settings keep raw identifiers; filters match through the pseudonyms either way.
 */
public final class LogStore {
    static final int MAX_TEXT = 2048;
    static final int MAX_ATTRIBUTES = 64;
    static final int RECENT_PSEUDONYMS = 65_536;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "e.id, epoch_us(e.ts), coalesce(e.product, e.product_pseudonym), "
            + "coalesce(e.key, e.key_pseudonym), coalesce(e.machine_code, e.machine_code_pseudonym), "
            + "coalesce(e.ip, e.ip_pseudonym), e.country, e.state, e.successful, e.method, e.endpoint, e.attributes";
    private static final String PSEUDONYMISED = "id, epoch_us(ts), product_pseudonym, key_pseudonym, "
            + "machine_code_pseudonym, "
            + "ip_pseudonym, country, state, successful";

    /**
     * What one ingest call stored.
     *
     * @param result  the counts, id range and rejections
     * @param entries the stored entries with their ids, identifiers pseudonymised: what models may see
     */
    public record Batch(LogIngestResult result, List<LogEntry> entries) {
    }

    private final MonitorDatabase db;
    private final Pseudonymiser pseudonyms;
    /**
     * Recent pseudonyms per field: the same keys, machines and IPs come back all day, and an HMAC per identifier
     * was the largest cost of storing an entry. Cleared when full, so a flood of new values costs HMACs again.
     */
    @SuppressWarnings("unchecked")
    private final Map<String, String>[] recent = new Map[Identifier.values().length];
    private final boolean storeRaw;
    /** Guarded by the ingest connection's lock. */
    private long lastId;

    public LogStore(MonitorDatabase db, Pseudonymiser pseudonyms, boolean storeRawIdentifiers) {
        this.db = db;
        this.pseudonyms = pseudonyms;
        this.storeRaw = storeRawIdentifiers;
        for (int i = 0; i < recent.length; i++) {
            recent[i] = new ConcurrentHashMap<>();
        }
        this.lastId = db.withIngestConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM log_entries")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public boolean storesRawIdentifiers() {
        return storeRaw;
    }

    /** Validates every entry, stores the valid ones durably with new ids and reports each rejected one. */
    public Batch ingest(List<LogEntry> entries) {
        List<RejectedRecord> rejected = new ArrayList<>();
        List<LogEntry> valid = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            RejectedRecord problem = validate(i, entries.get(i));
            if (problem == null) {
                valid.add(pseudonymise(entries.get(i)));
            } else {
                rejected.add(problem);
            }
        }
        if (valid.isEmpty()) {
            return new Batch(new LogIngestResult(0, 0, 0, rejected), List.of());
        }
        List<LogEntry> raw = storeRaw ? validRaw(entries, rejected) : null;
        List<LogEntry> stored = db.withIngestConnection(c -> append(c, valid, raw));
        return new Batch(new LogIngestResult(stored.size(), stored.get(0).id(), stored.get(stored.size() - 1).id(),
                rejected), stored);
    }

    private static List<LogEntry> validRaw(List<LogEntry> entries, List<RejectedRecord> rejected) {
        List<LogEntry> raw = new ArrayList<>(entries.size() - rejected.size());
        int r = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (r < rejected.size() && rejected.get(r).index() == i) {
                r++;
            } else {
                raw.add(entries.get(i));
            }
        }
        return raw;
    }

    private List<LogEntry> append(org.duckdb.DuckDBConnection c, List<LogEntry> valid, List<LogEntry> raw)
            throws SQLException {
        List<LogEntry> stored = new ArrayList<>(valid.size());
        long id = lastId;
        c.setAutoCommit(false);
        try {
            try (DuckDBAppender a = c.createAppender("log_entries")) {
                for (int i = 0; i < valid.size(); i++) {
                    LogEntry p = valid.get(i).withId(++id);
                    LogEntry r = raw == null ? null : raw.get(i);
                    a.beginRow()
                            .append(p.id())
                            .appendEpochMicros(Micros.of(p.time()))
                            .append(r == null ? null : r.product())
                            .append(r == null ? null : r.key())
                            .append(r == null ? null : r.machineCode())
                            .append(r == null ? null : r.ip())
                            .append(p.product())
                            .append(p.key())
                            .append(p.machineCode())
                            .append(p.ip())
                            .append(p.country())
                            .append(p.state())
                            .append(p.successful())
                            .append(p.method())
                            .append(p.endpoint())
                            .append(AttributesJson.write(p.attributes()))
                            .endRow();
                    stored.add(p);
                }
            }
            c.commit();
            lastId = id;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return stored;
    }

    /**
     * One page of the log explorer, each entry with the flagged group it is part of, if any.
     *
     * @param entries the page
     * @param hasMore whether more entries match beyond it, in the same order
     */
    public record Page(List<LoggedEntry> entries, boolean hasMore) {
    }

    /** One page of the log explorer, each entry with the flagged group it is part of, if any. */
    public Page page(LogQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (q.startingAfter() != null) {
            where.append(" AND e.id > ?");
            params.add(q.startingAfter());
        }
        if (q.endingBefore() != null) {
            where.append(" AND e.id < ?");
            params.add(q.endingBefore());
        }
        if (q.key() != null) {
            where.append(" AND e.key_pseudonym = ?");
            params.add(pseudonym(Identifier.KEY, q.key()));
        }
        if (q.product() != null) {
            where.append(" AND e.product_pseudonym = ?");
            params.add(pseudonym(Identifier.PRODUCT, q.product()));
        }
        String order = q.descending() ? " DESC" : " ASC";
        String join = " JOIN log_anomalies a ON e.id BETWEEN a.starting_at AND a.ending_at"
                + " AND (a.product_pseudonym IS NULL OR a.product_pseudonym = e.product_pseudonym)";
        // Without the anomaly filter, the page is cut first so that only its entries meet the range join.
        String sql = q.anomalousOnly()
                ? "SELECT " + COLUMNS + ", a.id, a.starting_at, a.ending_at FROM log_entries e" + join + where
                + " ORDER BY e.id" + order + " LIMIT ?"
                : "SELECT " + COLUMNS + ", a.id, a.starting_at, a.ending_at FROM (SELECT * FROM log_entries e" + where
                + " ORDER BY e.id" + order + " LIMIT ?) e LEFT" + join + " ORDER BY e.id" + order;
        params.add(q.limit() + 1);
        List<LoggedEntry> rows = db.withConnection(c -> {
            List<LoggedEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long group = rs.getLong(13);
                        boolean flagged = !rs.wasNull();
                        out.add(new LoggedEntry(entry(rs), flagged ? group : null,
                                flagged ? rs.getLong(14) : null, flagged ? rs.getLong(15) : null));
                    }
                }
            }
            return out;
        });
        boolean more = rows.size() > q.limit();
        return new Page(more ? rows.subList(0, q.limit()) : rows, more);
    }

    /** The entries with ids in [fromId, toId], oldest first, as stored (raw identifiers where kept). */
    public List<LoggedEntry> range(long fromId, long toId, String productPseudonym) {
        String sql = "SELECT " + COLUMNS + " FROM log_entries e WHERE e.id BETWEEN ? AND ?"
                + (productPseudonym == null ? "" : " AND e.product_pseudonym = ?") + " ORDER BY e.id";
        return db.withConnection(c -> {
            List<LoggedEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, fromId);
                ps.setLong(2, toId);
                if (productPseudonym != null) {
                    ps.setString(3, productPseudonym);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LoggedEntry(entry(rs), null, null, null));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Pseudonymised entries with ids greater than {@code afterId}, oldest first, at most {@code limit}: what a model
     * is fitted on or scores. Method, endpoint and attributes are left out; models do not read them.
     */
    public List<LogEntry> pseudonymisedAfter(long afterId, int limit) {
        return pseudonymised("SELECT " + PSEUDONYMISED + " FROM log_entries WHERE id > ? ORDER BY id LIMIT ?",
                afterId, limit);
    }

    /** The newest {@code limit} pseudonymised entries, oldest first. */
    public List<LogEntry> pseudonymisedLatest(int limit) {
        return pseudonymised("SELECT * FROM (SELECT " + PSEUDONYMISED
                + " FROM log_entries WHERE id > ? ORDER BY id DESC LIMIT ?) ORDER BY id", 0L, limit);
    }

    private List<LogEntry> pseudonymised(String sql, long afterId, int limit) {
        return db.withConnection(c -> {
            List<LogEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, afterId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LogEntry(rs.getLong(1), Micros.toInstant(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                                rs.getBoolean(9), null, null, Map.of()));
                    }
                }
            }
            return out;
        });
    }

    /** Number of stored entries. */
    public long count() {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM log_entries")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The id of the newest entry, 0 when there is none. */
    public long lastId() {
        return db.withIngestConnection(c -> lastId);
    }

    /** The pseudonym a filter value is matched through. */
    public String pseudonym(Identifier field, String value) {
        if (value == null) {
            return null;
        }
        Map<String, String> cache = recent[field.ordinal()];
        String p = cache.get(value);
        if (p == null) {
            if (cache.size() >= RECENT_PSEUDONYMS) {
                cache.clear();
            }
            p = pseudonyms.pseudonym(field, value);
            cache.put(value, p);
        }
        return p;
    }

    private LogEntry pseudonymise(LogEntry e) {
        return e.withIdentifiers(pseudonym(Identifier.PRODUCT, e.product()), pseudonym(Identifier.KEY, e.key()),
                pseudonym(Identifier.MACHINE_CODE, e.machineCode()), pseudonym(Identifier.IP, e.ip()));
    }

    private static LogEntry entry(ResultSet rs) throws SQLException {
        String attributes = rs.getString(12);
        Map<String, String> attrs = Map.of();
        if (attributes != null) {
            try {
                attrs = JSON.readValue(attributes, new TypeReference<Map<String, String>>() { });
            } catch (IOException e) {
                throw new StoreException("log entry " + rs.getLong(1) + " has unreadable attributes", e);
            }
        }
        return new LogEntry(rs.getLong(1), Micros.toInstant(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9),
                rs.getString(10), rs.getString(11), attrs);
    }

    private static RejectedRecord validate(int index, LogEntry e) {
        if (e == null) {
            return new RejectedRecord(index, "entry", "entry is null; send a JSON object");
        }
        String[][] texts = {{"product", e.product()}, {"key", e.key()}, {"machine_code", e.machineCode()},
            {"ip", e.ip()}, {"country", e.country()}, {"method", e.method()}, {"endpoint", e.endpoint()}};
        for (String[] t : texts) {
            if (t[1] != null && t[1].length() > MAX_TEXT) {
                return new RejectedRecord(index, t[0], t[0] + " must be at most " + MAX_TEXT + " characters");
            }
        }
        if (e.attributes().size() > MAX_ATTRIBUTES) {
            return new RejectedRecord(index, "attributes", "at most " + MAX_ATTRIBUTES + " attributes per entry");
        }
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            if (a.getKey().isBlank() || a.getKey().length() > MAX_TEXT || a.getValue().length() > MAX_TEXT) {
                return new RejectedRecord(index, "attributes." + a.getKey(),
                        "attribute keys must be non-blank and keys and values at most " + MAX_TEXT + " characters");
            }
        }
        return null;
    }
}
