package io.vigil.monitor.logs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.core.loggroup.ScoredLogGroup;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.store.MonitorDatabase;
import io.vigil.monitor.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flagged log groups ({@code log_anomalies}) and the scoring progress ({@code log_scoring}: the id of the last
 * entry of the last group scored, and how many groups were scored and flagged). Unflagged groups are kept only as
 * that count. Each scoring run's groups and progress are written in one transaction, so after a crash the two
 * agree and scoring resumes right after the last group recorded.
 */
public final class FlaggedGroupStore {
    static final String SCORED_THROUGH = "scored_through";
    static final String GROUPS_SCORED = "groups_scored";
    static final String GROUPS_FLAGGED = "groups_flagged";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, product_pseudonym, starting_at, ending_at, epoch_us(start_time), "
            + "epoch_us(end_time), requests, score, reason, top_features";

    private final MonitorDatabase db;

    public FlaggedGroupStore(MonitorDatabase db) {
        this.db = db;
    }

    /** Records one scoring run: its flagged groups, how many groups it scored, and the last entry it covered. */
    public void record(List<ScoredLogGroup> scored, long scoredThrough) {
        List<ScoredLogGroup> flagged = scored.stream().filter(ScoredLogGroup::flagged).toList();
        db.inTransaction(c -> {
            if (!flagged.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO log_anomalies VALUES "
                        + "(?, ?, ?, ?, make_timestamp(?::BIGINT), make_timestamp(?::BIGINT), ?, ?, ?, ?)")) {
                    for (ScoredLogGroup g : flagged) {
                        ps.setLong(1, g.id());
                        ps.setString(2, g.product());
                        ps.setLong(3, g.startingAt());
                        ps.setLong(4, g.endingAt());
                        ps.setLong(5, Micros.of(g.startTime()));
                        ps.setLong(6, Micros.of(g.endTime()));
                        ps.setInt(7, g.stats().requests());
                        ps.setDouble(8, g.score());
                        ps.setString(9, g.reason());
                        ps.setString(10, topFeatures(g.topFeatures()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            add(c, GROUPS_SCORED, scored.size());
            add(c, GROUPS_FLAGGED, flagged.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO log_scoring VALUES (?, ?)")) {
                ps.setString(1, SCORED_THROUGH);
                ps.setLong(2, scoredThrough);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void add(java.sql.Connection c, String name, long n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_scoring VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = log_scoring.value + excluded.value")) {
            ps.setString(1, name);
            ps.setLong(2, n);
            ps.executeUpdate();
        }
    }

    /** Scoring progress: {@value #SCORED_THROUGH}, {@value #GROUPS_SCORED}, {@value #GROUPS_FLAGGED} (0 when unset). */
    public Map<String, Long> progress() {
        return db.withConnection(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String name : List.of(SCORED_THROUGH, GROUPS_SCORED, GROUPS_FLAGGED)) {
                out.put(name, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT name, value FROM log_scoring");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Flagged groups with ids after {@code startingAfter} (null: from the first), oldest or newest first. */
    public List<FlaggedGroup> list(int limit, Long startingAfter, Long endingBefore, boolean descending) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM log_anomalies WHERE true");
        List<Long> params = new ArrayList<>();
        if (startingAfter != null) {
            sql.append(" AND id > ?");
            params.add(startingAfter);
        }
        if (endingBefore != null) {
            sql.append(" AND id < ?");
            params.add(endingBefore);
        }
        sql.append(" ORDER BY id").append(descending ? " DESC" : " ASC").append(" LIMIT ?");
        return db.withConnection(c -> {
            List<FlaggedGroup> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) {
                    ps.setLong(i + 1, params.get(i));
                }
                ps.setInt(params.size() + 1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(group(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<FlaggedGroup> get(long id) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM log_anomalies WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(group(rs)) : Optional.empty();
                }
            }
        });
    }

    private static FlaggedGroup group(ResultSet rs) throws SQLException {
        List<Map<String, Object>> top;
        try {
            top = JSON.readValue(rs.getString(10), new TypeReference<List<Map<String, Object>>>() { });
        } catch (JsonProcessingException e) {
            throw new StoreException("flagged group " + rs.getLong(1) + " has unreadable top features", e);
        }
        return new FlaggedGroup(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                Micros.toInstant(rs.getLong(5)), Micros.toInstant(rs.getLong(6)), rs.getInt(7), rs.getDouble(8),
                rs.getString(9), top);
    }

    private static String topFeatures(List<FeatureContribution> top) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FeatureContribution f : top) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", f.feature());
            m.put("contribution", finite(f.contribution()));
            m.put("value", finite(f.value()));
            m.put("normal_value", finite(f.normalValue()));
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("top features did not serialise", e);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
