package io.vigil.server;

import io.javalin.http.Context;
import io.vigil.monitor.logs.FlaggedGroup;
import io.vigil.monitor.logs.LogAnomalies;
import io.vigil.monitor.logs.LogIngestResult;
import io.vigil.monitor.logs.LogJson;
import io.vigil.monitor.logs.LogQuery;
import io.vigil.monitor.logs.LogStore;
import io.vigil.monitor.logs.LoggedEntry;
import io.vigil.monitor.logs.ParsedLogs;
import io.vigil.monitor.traffic.RejectedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/logs} and {@code /v1/log-anomalies}: I/O only; {@link LogAnomalies} does the work. */
final class LogRoutes {
    private final LogAnomalies logs;
    private final long maxBodyBytes;

    LogRoutes(LogAnomalies logs, long maxBodyBytes) {
        this.logs = logs;
        this.maxBodyBytes = maxBodyBytes;
    }

    void ingest(Context ctx) throws IOException {
        ParsedLogs parsed = LogJson.parse(body(ctx), logs.settings().states());
        LogIngestResult result = parsed.withStoreResult(logs.ingest(parsed.entries()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stored", result.stored());
        out.put("first_id", result.stored() == 0 ? null : result.firstId());
        out.put("last_id", result.stored() == 0 ? null : result.lastId());
        List<Object> rejected = new ArrayList<>();
        for (RejectedRecord r : result.rejected()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", r.index());
            m.put("field", r.field());
            m.put("message", r.message());
            rejected.add(m);
        }
        out.put("rejected", rejected);
        ResponseWriter.json(ctx, 200, out);
    }

    void list(Context ctx) throws IOException {
        LogQuery query = new LogQuery(limit(ctx), id(ctx, "starting_after"), id(ctx, "ending_before"),
                descending(ctx, false), text(ctx, "key"), text(ctx, "product"), flag(ctx, "anomalous_only"));
        LogStore.Page page = logs.entries(query);
        List<Object> data = new ArrayList<>();
        page.entries().forEach(e -> data.add(e.toJson()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        out.put("has_more", page.hasMore());
        ResponseWriter.json(ctx, 200, out);
    }

    void anomalies(Context ctx) throws IOException {
        int limit = limit(ctx);
        List<FlaggedGroup> groups = logs.anomalies(limit, id(ctx, "starting_after"), id(ctx, "ending_before"),
                descending(ctx, true));
        List<Object> data = new ArrayList<>();
        groups.stream().limit(limit).forEach(g -> data.add(g.toJson()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        out.put("has_more", groups.size() > limit);
        out.put("note", FlaggedGroup.NOTE);
        out.put("analysis", logs.status());
        ResponseWriter.json(ctx, 200, out);
    }

    void anomaly(Context ctx) throws IOException {
        long id = parseId(ctx.pathParam("id"), "id");
        FlaggedGroup group = logs.anomaly(id).orElseThrow(() -> new LogGroupNotFoundException(id));
        Map<String, Object> out = group.toJson();
        out.put("note", FlaggedGroup.NOTE);
        List<Object> entries = new ArrayList<>();
        for (LoggedEntry e : logs.entriesOf(group)) {
            entries.add(e.toJson());
        }
        out.put("entries", entries);
        ResponseWriter.json(ctx, 200, out);
    }

    private static int limit(Context ctx) {
        return QueryParams.intBetween(ctx, "limit", LogQuery.DEFAULT_LIMIT, 1, LogQuery.MAX_LIMIT);
    }


    private static Long id(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? null : parseId(raw, name);
    }

    private static long parseId(String raw, String name) {
        try {
            long id = Long.parseLong(raw.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new InvalidRequestException(name, name + " must be an entry id (an integer of at least 0), not '"
                + raw + "'");
    }

    private static boolean descending(Context ctx, boolean fallback) {
        String raw = ctx.queryParam("order");
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim()) {
            case "asc" -> false;
            case "desc" -> true;
            default -> throw new InvalidRequestException("order", "order must be asc or desc, not '" + raw + "'");
        };
    }

    private static boolean flag(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, name + " must be true or false, not '" + raw + "'");
        };
    }

    private static String text(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isEmpty() ? null : raw;
    }

    private byte[] body(Context ctx) throws IOException {
        try (InputStream in = new BoundedInputStream(ctx.bodyInputStream(), maxBodyBytes)) {
            return in.readAllBytes();
        }
    }
}
