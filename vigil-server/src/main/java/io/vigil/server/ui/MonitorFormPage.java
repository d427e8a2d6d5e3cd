package io.vigil.server.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.core.json.JsonSyntax;
import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorNameTakenException;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.NameAvailability;
import io.vigil.monitor.definition.MonitorJson;
import io.vigil.monitor.definition.MonitorSpec;
import io.vigil.monitor.schedule.ScheduleDescription;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor create / edit form. Plain fields for name, description, environment, status and schedule, JSON editors
 * for query, filter, conditions and actions; the form posts plain HTML (it works without script) and comes back
 * with each error next to its field. While typing, htmx asks {@code /ui/schedules/describe} and
 * {@code /ui/monitors/name-check}, which call the same {@code MonitorService} methods as the REST API.
 */
final class MonitorFormPage {
    /** What the user typed, kept as text so a rejected form comes back exactly as it was sent. */
    record FormValues(String name, String description, String environment, String status, String schedule,
                      String query, String filter, String conditions, String actions, boolean notifyRecovery,
                      String noData) {
        static final FormValues EXAMPLE = new FormValues("", "", "prod", "active", "0 */5 * ? * *",
                "{\"apis\": [\"payments\"]}", "{\"time_range\": \"5m\"}", """
                [
                  {"type": "metric", "aggregation": "p95", "field": "response_time_ms",
                   "operator": "above", "threshold": 1000, "times": 1},
                  {"type": "ema", "aggregation": "avg", "field": "response_time_ms",
                   "band": "outside", "points": 20, "sensitivity": 1.5}
                ]""", "[]", true, "error");

        static FormValues of(Context ctx) {
            return new FormValues(text(ctx, "name"), text(ctx, "description"), text(ctx, "environment"),
                    text(ctx, "status"), text(ctx, "schedule"), text(ctx, "query"), text(ctx, "filter"),
                    text(ctx, "conditions"), text(ctx, "actions"), ctx.formParam("notify_recovery") != null,
                    text(ctx, "no_data"));
        }

        static FormValues of(MonitorSpec spec, ObjectMapper json) throws JsonProcessingException {
            Map<String, Object> m = MonitorJson.toMap(spec);
            return new FormValues(spec.name(), spec.description() == null ? "" : spec.description(),
                    spec.environment(), spec.status().wireName(), spec.schedule(), pretty(m.get("query"), json),
                    pretty(m.get("filter"), json), pretty(m.get("conditions"), json), pretty(m.get("actions"), json),
                    spec.notifyRecovery(), spec.noData().wireName());
        }

        private static String text(Context ctx, String field) {
            String v = ctx.formParam(field);
            return v == null ? "" : v;
        }

        private static String pretty(Object value, ObjectMapper json) throws JsonProcessingException {
            return value == null ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        }
    }

    private final MonitorSystem system;
    private final UiSessions sessions;
    private final ObjectMapper json;

    MonitorFormPage(MonitorSystem system, UiSessions sessions, ObjectMapper json) {
        this.system = system;
        this.sessions = sessions;
        this.json = json;
    }

    String newForm(Context ctx) {
        return page(FormValues.EXAMPLE, null, FormFields.Rejection.NONE);
    }

    String editForm(Context ctx) throws Exception {
        Monitor m = system.monitors().get(MonitorListPage.id(ctx.pathParam("id")));
        return page(FormValues.of(m.spec(), json), m.id(), FormFields.Rejection.NONE);
    }

    String create(Context ctx) {
        FormValues values = FormValues.of(ctx);
        try {
            Monitor created = system.monitors().create(spec(values));
            ctx.redirect("/ui/monitors/" + created.id(), HttpStatus.SEE_OTHER);
            return null;
        } catch (InvalidMonitorException e) {
            ctx.status(e instanceof MonitorNameTakenException ? 409 : 400);
            return page(values, null, FormFields.Rejection.of(e));
        }
    }

    String update(Context ctx) {
        long id = MonitorListPage.id(ctx.pathParam("id"));
        system.monitors().get(id);
        FormValues values = FormValues.of(ctx);
        try {
            system.monitors().update(id, spec(values));
            ctx.redirect("/ui/monitors/" + id, HttpStatus.SEE_OTHER);
            return null;
        } catch (InvalidMonitorException e) {
            ctx.status(e instanceof MonitorNameTakenException ? 409 : 400);
            return page(values, id, FormFields.Rejection.of(e));
        }
    }

    /** The live name check under the name field. */
    String nameCheck(Context ctx) {
        String forId = ctx.queryParam("monitor_id");
        Long id = forId == null || forId.isBlank() ? null : MonitorListPage.id(forId);
        String name = ctx.queryParam("name");
        NameAvailability a = system.monitors().nameAvailability(name == null ? "" : name, id);
        return a.available() ? "<span class=\"ok-text\">“" + Html.escape(name) + "” is available</span>"
                : "<span class=\"field-error\">" + Html.escape(a.reason()) + "</span>";
    }

    /** The live schedule preview under the schedule field: plain English and the next fire times, or the reason. */
    String describeSchedule(Context ctx) {
        return scheduleHelp(ctx.queryParam("schedule"));
    }

    private String scheduleHelp(String cron) {
        if (cron == null || cron.isBlank()) {
            return "<span class=\"field-error\">schedule is required, e.g. 0 */5 * ? * * for every 5 minutes</span>";
        }
        try {
            ScheduleDescription d = system.monitors().describeSchedule(cron);
            StringBuilder out = new StringBuilder("<span class=\"ok-text\">").append(Html.escape(d.description()))
                    .append("</span>");
            if (!d.nextFires().isEmpty()) {
                out.append("<br>Next: ");
                List<Instant> next = d.nextFires();
                for (int i = 0; i < next.size(); i++) {
                    out.append(i == 0 ? "" : ", ").append("<time>").append(Html.time(next.get(i))).append("</time>");
                }
            }
            return out.toString();
        } catch (InvalidMonitorException e) {
            return "<span class=\"field-error\">" + Html.escape(e.getMessage()) + "</span>";
        }
    }

    /** The form's fields as the monitor JSON, parsed by the same code as {@code POST /v1/monitors}. */
    private MonitorSpec spec(FormValues v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", v.name());
        if (!v.description().isBlank()) {
            json.put("description", v.description());
        }
        json.put("environment", v.environment());
        json.put("status", v.status().isBlank() ? "active" : v.status());
        json.put("schedule", v.schedule());
        json.put("query", parseJson("query", v.query(), "{}"));
        Object filter = parseJson("filter", v.filter(), null);
        if (filter != null) {
            json.put("filter", filter);
        }
        json.put("conditions", parseJson("conditions", v.conditions(), null));
        json.put("actions", parseJson("actions", v.actions(), "[]"));
        json.put("notify_recovery", v.notifyRecovery());
        json.put("no_data", v.noData().isBlank() ? "error" : v.noData());
        return MonitorJson.parse(json);
    }

    private Object parseJson(String field, String text, String whenBlank) {
        String source = text.isBlank() ? whenBlank : text;
        if (source == null) {
            return null;
        }
        try {
            // As strict as POST /v1/monitors: a box holding "[...] and more" is a mistake, not the array before it.
            return json.readerFor(Object.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(source);
        } catch (JsonProcessingException e) {
            throw new InvalidMonitorException(field, field + " is not valid JSON: " + JsonSyntax.messageWithLocation(e));
        }
    }

    private String page(FormValues v, Long id, FormFields.Rejection r) {
        String action = id == null ? "/ui/monitors" : "/ui/monitors/" + id;
        StringBuilder environments = new StringBuilder();
        for (String env : system.traffic().environments()) {
            environments.append("<option value=\"").append(Html.escape(env)).append("\">");
        }
        String nameHelp = id == null && v.name().isEmpty() ? "Names are unique, ignoring case." : nameCheckFor(v, id);
        StringBuilder body = new StringBuilder();
        body.append(FormFields.summary("The monitor was not saved", r));
        body.append("<form method=\"post\" action=\"").append(action).append("\" class=\"card monitor-form\" novalidate>");
        if (id != null) {
            body.append("<input type=\"hidden\" name=\"monitor_id\" value=\"").append(id).append("\">");
        }
        body.append(FormFields.liveInput("name", "Name", v.name(), r, """
                 hx-get="/ui/monitors/name-check" hx-trigger="input changed delay:300ms" hx-target="#name-help"
                 hx-include="[name='monitor_id']" required maxlength="200\"""", nameHelp));
        body.append(FormFields.input("text", "description", "Description (optional)", v.description(), r,
                " maxlength=\"500\"", null));
        body.append(FormFields.input("text", "environment", "Environment", v.environment(), r,
                " list=\"environments\" required", "The traffic environment the monitor analyses."));
        body.append("<datalist id=\"environments\">").append(environments).append("</datalist>");
        body.append("""
                <div class="field"><label for="status">Status</label>
                <select id="status" name="status"><option value="active"%s>active (runs on schedule)</option>
                <option value="passive"%s>passive (kept, not run)</option></select></div>
                """.formatted("passive".equals(v.status()) ? "" : " selected",
                "passive".equals(v.status()) ? " selected" : ""));
        body.append(FormFields.liveInput("schedule", "Schedule (Quartz cron, UTC, with seconds)", v.schedule(), r, """
                 hx-get="/ui/schedules/describe" hx-trigger="input changed delay:300ms" hx-target="#schedule-help"
                 required spellcheck="false\"""",
                // A rejected schedule's reason is shown once, as the field's error, not again as the preview.
                "schedule".equals(r.field()) ? "" : scheduleHelp(v.schedule())));
        body.append(FormFields.editor("query", "Query (JSON): which traffic; {} is all traffic of the environment",
                v.query(), 4, r, null));
        body.append(FormFields.editor("filter", "Filter (JSON, optional): time range and narrowing", v.filter(), 3, r,
                null));
        body.append(FormFields.editor("conditions", "Conditions (JSON array): metric, rate, ema or ratio",
                v.conditions(), 10, r, """
                <div class="inserts" role="group" aria-label="Insert a condition example">Add example:
                <button type="button" data-insert="conditions" data-example="metric">metric</button>
                <button type="button" data-insert="conditions" data-example="rate">rate</button>
                <button type="button" data-insert="conditions" data-example="ema">ema</button>
                <button type="button" data-insert="conditions" data-example="ratio">ratio</button></div>"""));
        body.append(FormFields.editor("actions", "Actions (JSON array): webhook, http or email; [] for none",
                v.actions(), 5, r, """
                <div class="inserts" role="group" aria-label="Insert an action example">Add example:
                <button type="button" data-insert="actions" data-example="webhook">webhook</button>
                <button type="button" data-insert="actions" data-example="http">http</button>
                <button type="button" data-insert="actions" data-example="email">email</button></div>"""));
        String noData = v.noData().isBlank() ? "error" : v.noData();
        body.append(FormFields.select("no_data", "When no traffic matches",
                FormFields.option("error", "error: record it, change nothing", noData.equals("error"))
                        + FormFields.option("met", "met: silence is the alert", noData.equals("met"))
                        + FormFields.option("not_met", "not met: quiet is normal", noData.equals("not_met")), r,
                null));
        body.append("""
                <div class="field check"><input type="checkbox" id="notify_recovery" name="notify_recovery" value="true"%s>
                <label for="notify_recovery">Also notify when the monitor recovers</label></div>
                <p class="hint">The definition format is described in vigil-monitor/README.md.</p>
                <div class="actions"><button type="submit" class="primary">%s</button>
                <a class="button" href="%s">Cancel</a></div>
                </form>
                """.formatted(v.notifyRecovery() ? " checked" : "", id == null ? "Create monitor" : "Save changes",
                id == null ? "/ui/monitors" : "/ui/monitors/" + id));
        return Layout.page(id == null ? "New monitor" : "Edit monitor", "/ui/monitors", body.toString(),
                sessions.enabled());
    }

    private String nameCheckFor(FormValues v, Long id) {
        NameAvailability a = system.monitors().nameAvailability(v.name(), id);
        return a.available() ? "Names are unique, ignoring case."
                : "<span class=\"field-error\">" + Html.escape(a.reason()) + "</span>";
    }
}
