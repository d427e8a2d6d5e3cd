package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.store.Micros;
import io.vigil.monitor.traffic.TrafficSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code /ui/traffic}: what API traffic is stored, per environment and API, over the last day, week or all of it.
 * Where to look when a monitor's condition keeps saying that no traffic matched.
 */
final class TrafficPage {
    private static final List<String> RANGES = List.of("1h", "24h", "7d", "all");

    private final MonitorSystem system;
    private final UiSessions sessions;
    private final Clock clock;

    TrafficPage(MonitorSystem system, UiSessions sessions, Clock clock) {
        this.system = system;
        this.sessions = sessions;
        this.clock = clock;
    }

    String page(Context ctx) {
        String range = ctx.queryParam("range") == null ? "24h" : ctx.queryParam("range");
        if (!RANGES.contains(range)) {
            throw new InvalidMonitorException("range", "range must be one of " + String.join(", ", RANGES)
                    + ", not '" + range + "'");
        }
        Instant now = clock.instant();
        Instant from = switch (range) {
            case "1h" -> now.minus(Duration.ofHours(1));
            case "24h" -> now.minus(Duration.ofDays(1));
            case "7d" -> now.minus(Duration.ofDays(7));
            default -> Instant.EPOCH;
        };
        // No upper bound: a gateway whose clock runs ahead still shows up.
        TrafficSummary s = system.traffic().summary(null, from, Micros.LATEST);
        StringBuilder body = new StringBuilder("<p class=\"actions\">");
        for (String r : RANGES) {
            body.append("<a class=\"button").append(r.equals(range) ? " primary" : "").append("\" href=\"/ui/traffic?range=")
                    .append(r).append("\">").append(r.equals("all") ? "All stored" : "Last " + r).append("</a>");
        }
        body.append("</p><section class=\"card\">");
        if (s.apis().isEmpty()) {
            body.append("<p class=\"empty\">No traffic ").append(range.equals("all") ? "is stored" : "in this range")
                    .append(". Gateways send it with <code>POST /v1/traffic</code> (JSON or NDJSON records), or ")
                    .append("<code>vigil traffic ingest FILE</code>; monitors read it from here.</p></section>");
            return Layout.page("Traffic", "/ui/traffic", body.toString(), sessions.enabled());
        }
        body.append("<p id=\"traffic-total\">").append(s.requests()).append(" requests stored ")
                .append(range.equals("all") ? "in all" : "in the last " + range).append(".</p>")
                .append("<div class=\"table-wrap\"><table id=\"traffic\"><thead><tr><th scope=\"col\">Environment</th>")
                .append("<th scope=\"col\">API</th><th scope=\"col\">Requests</th><th scope=\"col\">Failed or blocked</th>")
                .append("<th scope=\"col\">5xx</th><th scope=\"col\">Avg ms</th><th scope=\"col\">p95 ms</th>")
                .append("<th scope=\"col\">First</th><th scope=\"col\">Last</th></tr></thead><tbody>");
        for (TrafficSummary.ApiTraffic a : s.apis()) {
            body.append("<tr><td>").append(Html.escape(a.environment())).append("</td><td>").append(Html.escape(a.api()))
                    .append("</td><td>").append(a.requests()).append("</td><td>").append(a.failed())
                    .append("</td><td>").append(a.serverErrors()).append("</td><td>")
                    .append(Html.number(a.avgResponseTimeMs())).append("</td><td>")
                    .append(Html.number(a.p95ResponseTimeMs())).append("</td><td>").append(Html.time(a.firstAt()))
                    .append("</td><td>").append(Html.time(a.lastAt())).append("</td></tr>");
        }
        body.append("</tbody></table></div>");
        if (s.truncated()) {
            body.append("<p class=\"sub\">The first ").append(TrafficSummary.MAX_GROUPS)
                    .append(" environment and API pairs; GET /v1/traffic/summary?environment= narrows it.</p>");
        }
        body.append("</section>");
        return Layout.page("Traffic", "/ui/traffic", body.toString(), sessions.enabled());
    }
}
