package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.core.loggroup.GroupReason;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.monitor.logs.FlaggedGroup;
import io.vigil.monitor.logs.LogAnomalies;
import io.vigil.monitor.logs.LoggedEntry;
import java.util.List;
import java.util.Map;

/**
 * {@code /ui/log-anomalies}: the suspected groups of licence-server log entries, newest first (time range, score,
 * the reason, top features), each expandable in place (htmx) to its entries.
 */
final class LogAnomalyPages {
    static final int SHOWN = 200;

    private final LogAnomalies logs;
    private final UiSessions sessions;

    LogAnomalyPages(LogAnomalies logs, UiSessions sessions) {
        this.logs = logs;
        this.sessions = sessions;
    }

    String list(Context ctx) {
        List<FlaggedGroup> groups = logs.anomalies(SHOWN, null, null, true);
        Map<String, Object> status = logs.status();
        StringBuilder body = new StringBuilder("<p class=\"lead\">Groups of consecutive log entries that, taken "
                + "together, deviate from the traffic the model learned. ")
                .append(Html.escape(FlaggedGroup.NOTE)).append("</p>");
        body.append("<p class=\"hint\" id=\"log-status\">").append(Html.escape(status.get("entries")))
                .append(" entries stored; ").append(Boolean.TRUE.equals(status.get("model_fitted"))
                        ? "model fitted on " + Html.escape(status.get("fitted_on_entries")) + " entries."
                        : "no model fitted yet: it fits once " + Html.escape(status.get("fit_after_entries"))
                        + " entries covering at least " + Html.escape(GroupReason.duration(
                        java.time.Duration.parse(String.valueOf(status.get("fit_after_span"))).toSeconds()))
                        + " are stored (a model that has not seen every hour of the day would flag the hours it "
                        + "missed).")
                .append(" Ingest logs with <code>POST /v1/logs</code> or "
                        + "<code>./vigil logs import</code>.</p>");
        if (groups.isEmpty()) {
            body.append("<p class=\"empty\">No suspected groups.</p>");
        } else {
            body.append("<ul class=\"log-groups\" id=\"log-groups\">");
            for (int i = 0; i < groups.size() && i < SHOWN; i++) {
                body.append(group(groups.get(i)));
            }
            body.append("</ul>");
            if (groups.size() > SHOWN) {
                body.append("<p>The newest ").append(SHOWN).append(" groups; <code>GET /v1/log-anomalies</code> ")
                        .append("pages through the rest.</p>");
            }
        }
        return Layout.page("Log anomalies", "/ui/log-anomalies", body.toString(), sessions.enabled());
    }

    private static String group(FlaggedGroup g) {
        StringBuilder features = new StringBuilder();
        for (Map<String, Object> f : g.topFeatures()) {
            features.append("<li><strong>").append(Html.escape(f.get("feature"))).append("</strong> value ")
                    .append(number(f.get("value"))).append(", usually ").append(number(f.get("normal_value")))
                    .append("</li>");
        }
        return """
                <li class="card log-group" id="group-%d">
                <div class="group-head"><span class="badge alert">score %s</span>
                <span>%s – %s</span><span class="sub">%d entries, ids %d–%d%s</span></div>
                <p class="reason">%s</p>
                <ul class="top-features">%s</ul>
                <button type="button" class="expand" aria-expanded="false" aria-controls="entries-%d"
                 hx-get="/ui/log-anomalies/%d/entries" hx-target="#entries-%d" hx-trigger="click once">Show the
                 entries</button>
                <div id="entries-%d" class="group-entries" aria-live="polite"></div></li>
                """.formatted(g.id(), Html.number(g.score()), Html.time(g.startTime()), Html.time(g.endTime()),
                g.requests(), g.startingAt(), g.endingAt(),
                g.product() == null ? "" : ", product " + Html.escape(g.product()), Html.escape(g.reason()),
                features, g.id(), g.id(), g.id(), g.id());
    }

    /** One group's entries, oldest first, swapped in under the group. */
    String entries(Context ctx) {
        long id = id(ctx.pathParam("id"));
        FlaggedGroup g = logs.anomaly(id).orElseThrow(() -> new io.vigil.server.LogGroupNotFoundException(id));
        List<LoggedEntry> entries = logs.entriesOf(g);
        StringBuilder out = new StringBuilder("<p class=\"hint\">").append(Html.escape(FlaggedGroup.NOTE))
                .append("</p><div class=\"table-wrap\"><table class=\"log-entries\"><thead><tr>")
                .append("<th scope=\"col\">Id</th><th scope=\"col\">Time</th><th scope=\"col\">Product</th>")
                .append("<th scope=\"col\">Key</th><th scope=\"col\">Machine</th><th scope=\"col\">IP</th>")
                .append("<th scope=\"col\">Country</th><th scope=\"col\">State</th><th scope=\"col\">Method</th>")
                .append("</tr></thead><tbody>");
        for (LoggedEntry le : entries) {
            LogEntry e = le.entry();
            out.append("<tr><td class=\"value\">").append(e.id()).append("</td><td>").append(Html.time(e.time()))
                    .append("</td><td>").append(Html.escape(e.product())).append("</td><td><code>")
                    .append(Html.escape(e.key())).append("</code></td><td><code>").append(Html.escape(e.machineCode()))
                    .append("</code></td><td>").append(Html.escape(e.ip())).append("</td><td>")
                    .append(Html.escape(e.country())).append("</td><td>")
                    .append(e.successful() ? "<span class=\"badge ok\">" : "<span class=\"badge warn\">")
                    .append(e.state()).append("</span></td><td>").append(Html.escape(e.method())).append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private static String number(Object v) {
        return v instanceof Number n ? Html.number(n.doubleValue()) : Html.escape(v);
    }

    private static long id(String raw) {
        try {
            long id = Long.parseLong(raw.trim());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new io.vigil.server.InvalidRequestException("id", "the group id must be an entry id (a whole number "
                + "of at least 0), not '" + raw + "'");
    }

}
