package io.vigil.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.javalin.http.Context;
import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorPage;
import io.vigil.monitor.MonitorSearch;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.definition.MonitorJson;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.monitor.run.RunStore;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.traffic.IngestResult;
import io.vigil.monitor.traffic.ParsedTraffic;
import io.vigil.monitor.traffic.TrafficJson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /v1/traffic}, {@code /v1/monitors}, {@code /v1/schedules}: I/O only; {@link MonitorSystem} does the work. */
final class MonitorRoutes {
    /** Open-ended run ranges stop here; DuckDB timestamps reach far beyond it. */
    /** The monitor module's snake_case mapper, taught to write instants as ISO-8601 text. */
    private static final ObjectMapper OUT = MonitorJson.mapper().copy()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance));

    private final MonitorSystem system;
    private final long maxBodyBytes;

    MonitorRoutes(MonitorSystem system, long maxBodyBytes) {
        this.system = system;
        this.maxBodyBytes = maxBodyBytes;
    }

    void ingest(Context ctx) throws IOException {
        ParsedTraffic parsed = TrafficJson.parse(body(ctx));
        IngestResult result = parsed.withStoreResult(system.traffic().ingest(parsed.records()));
        ResponseWriter.json(ctx, 200, map(result));
    }

    void environments(Context ctx) throws IOException {
        List<String> envs = system.traffic().environments();
        ResponseWriter.json(ctx, 200, list(new ArrayList<>(envs), envs.size()));
    }

    /** {@code ?environment=&from=&to=}: stored traffic per environment and API; all of it by default. */
    void trafficSummary(Context ctx) throws IOException {
        String environment = blankToNull(ctx.queryParam("environment"));
        Instant from = instant(ctx.queryParam("from"), "from", Instant.EPOCH);
        Instant to = instant(ctx.queryParam("to"), "to", Micros.LATEST);
        if (!from.isBefore(to)) {
            throw new InvalidRequestException("to", "to must be after from");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "traffic_summary");
        out.putAll(map(system.traffic().summary(environment, from, to)));
        ResponseWriter.json(ctx, 200, out);
    }

    void create(Context ctx) throws IOException {
        Monitor created = system.monitors().create(MonitorJson.parseRequest(body(ctx)));
        ResponseWriter.json(ctx, 201, monitor(created, null)); // a new monitor has not run
    }

    void search(Context ctx) throws IOException {
        String status = ctx.queryParam("status");
        MonitorPage page = system.monitors().search(new MonitorSearch(blankToNull(ctx.queryParam("q")),
                status == null || status.isBlank() ? null : status(status), blankToNull(ctx.queryParam("environment")),
                intParam(ctx, "offset", 0), intParam(ctx, "limit", 100)));
        List<Object> data = new ArrayList<>();
        Map<Long, RunStore.LastRun> last = system.runs().lastRuns(page.monitors().stream().map(Monitor::id).toList());
        page.monitors().forEach(m -> data.add(monitor(m, last.get(m.id()))));
        ResponseWriter.json(ctx, 200, list(data, page.total()));
    }

    void get(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, monitor(system.monitors().get(id(ctx))));
    }

    void update(Context ctx) throws IOException {
        long id = id(ctx);
        ResponseWriter.json(ctx, 200, monitor(system.monitors().update(id, MonitorJson.parseRequest(body(ctx)))));
    }

    void delete(Context ctx) throws IOException {
        long id = id(ctx);
        system.monitors().delete(id);
        ResponseWriter.json(ctx, 200, Map.of("object", "monitor", "id", id, "deleted", true));
    }

    void setStatus(Context ctx) throws IOException {
        long id = id(ctx);
        var status = ResponseWriter.JSON.readTree(body(ctx)).path("status");
        if (!status.isTextual()) {
            throw new InvalidMonitorException("status", "the body must be {\"status\": \"active\" | \"passive\"}");
        }
        ResponseWriter.json(ctx, 200, monitor(system.monitors().setStatus(id, status(status.asText()))));
    }

    void nameAvailability(Context ctx) throws IOException {
        String name = ctx.queryParam("name");
        if (name == null) {
            throw new InvalidRequestException("name", "query parameter 'name' is required");
        }
        String forId = ctx.queryParam("monitor_id");
        Long monitorId = forId == null || forId.isBlank() ? null : parseLong(forId, "monitor_id");
        ResponseWriter.json(ctx, 200, map(system.monitors().nameAvailability(name, monitorId)));
    }

    void describeSchedule(Context ctx) throws IOException {
        String cron = ctx.queryParam("cron");
        if (cron == null || cron.isBlank()) {
            throw new InvalidRequestException("cron", "query parameter 'cron' is required");
        }
        ResponseWriter.json(ctx, 200, map(system.monitors().describeSchedule(cron)));
    }

    void runs(Context ctx) throws IOException {
        long id = id(ctx);
        system.monitors().get(id);
        ResponseWriter.json(ctx, 200, map(system.runs().runs(id, instant(ctx.queryParam("from"), "from", Instant.EPOCH),
                instant(ctx.queryParam("to"), "to", Micros.LATEST), intParam(ctx, "offset", 0), intParam(ctx, "limit", 100))));
    }

    void series(Context ctx) throws IOException {
        long id = id(ctx);
        system.monitors().get(id);
        int index = (int) parseLong(ctx.pathParam("index"), "index");
        ResponseWriter.json(ctx, 200, map(system.runs().series(id, index,
                instant(ctx.queryParam("from"), "from", Instant.EPOCH), instant(ctx.queryParam("to"), "to", Micros.LATEST))));
    }

    void backtest(Context ctx) throws IOException {
        long id = id(ctx);
        var body = ResponseWriter.JSON.readTree(body(ctx));
        Instant from = instant(body.path("from").asText(null), "from", null);
        Instant to = instant(body.path("to").asText(null), "to", null);
        if (from == null || to == null) {
            throw new InvalidMonitorException(from == null ? "from" : "to",
                    "the body must be {\"from\": ISO-8601 instant, \"to\": ISO-8601 instant}");
        }
        ResponseWriter.json(ctx, 200, map(system.backtester().backtest(id, from, to)));
    }

    /** Sends a test notification: {@code {"index": n}} for one action, an empty body (or {}) for all of them. */
    void testActions(Context ctx) throws IOException {
        long id = id(ctx);
        byte[] raw = body(ctx);
        Integer index = null;
        if (raw.length > 0) {
            var body = ResponseWriter.JSON.readTree(raw);
            if (body != null && !body.isMissingNode() && !body.isObject()) {
                throw new InvalidRequestException(null, "the body must be empty or {\"index\": n}");
            }
            var given = body == null ? null : body.get("index");
            if (given != null && !given.isNull()) {
                if (!given.canConvertToInt() || !given.isIntegralNumber()) {
                    throw new InvalidRequestException("index", "index must be a whole number, got " + given);
                }
                index = given.intValue();
            }
        }
        List<Object> data = new ArrayList<>();
        system.testActions(id, index).forEach(a -> data.add(map(a)));
        ResponseWriter.json(ctx, 200, list(data, data.size()));
    }

    private Map<String, Object> monitor(Monitor m) {
        return monitor(m, system.runs().lastRuns(List.of(m.id())).get(m.id()));
    }

    private Map<String, Object> monitor(Monitor m, RunStore.LastRun last) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "monitor");
        out.put("id", m.id());
        out.putAll(MonitorJson.toMap(m.spec()));
        // Known once the scheduler has ticked since the monitor became active; null for passive monitors.
        out.put("next_fire_at", system.scheduler().nextFire(m.id()).map(Instant::toString).orElse(null));
        out.put("created_at", m.createdAt().toString());
        out.put("updated_at", m.updatedAt().toString());
        // The latest run, so a list shows at a glance which monitors are MET; null until the first run.
        out.put("last_run", last == null ? null
                : Map.of("fired_at", last.firedAt().toString(), "result", last.result().name()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return OUT.convertValue(value, Map.class);
    }

    private static Map<String, Object> list(List<Object> data, long total) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", data);
        out.put("total", total);
        return out;
    }

    private static MonitorStatus status(String text) {
        try {
            return MonitorStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidMonitorException("status", "status must be 'active' or 'passive', not '" + text + "'");
        }
    }

    private static long id(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new io.vigil.monitor.MonitorNotFoundException("no monitor has id '" + raw + "'");
        }
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? fallback : (int) parseLong(raw, name);
    }

    private static long parseLong(String raw, String name) {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, name + " must be an integer, not '" + raw + "'");
        }
    }

    private static Instant instant(String raw, String name, Instant fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, name + " must be an ISO-8601 instant such as 2026-03-01T12:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private byte[] body(Context ctx) throws IOException {
        try (InputStream in = new BoundedInputStream(ctx.bodyInputStream(), maxBodyBytes)) {
            return in.readAllBytes();
        }
    }
}
