package io.vigil.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.definition.Condition;
import io.vigil.monitor.evaluate.ConditionResult;
import io.vigil.monitor.run.BacktestResult;
import io.vigil.monitor.run.ConditionSeries;
import io.vigil.monitor.run.MonitorRun;
import io.vigil.monitor.run.RunPage;
import io.vigil.monitor.run.SeriesPoint;
import io.vigil.monitor.store.Micros;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /ui/monitors/{id}}: the definition, a chart per condition (values, EMA bands or thresholds, fired points)
 * drawn by our script from {@code series.json}, the latest runs with each condition's state, the actions with a test
 * button ({@link MonitorActionsSection}), and a backtest form.
 */
final class MonitorDetailPage {
    /** Runs shown in the table; older ones stay in the store and in the REST API's paging. */
    static final int RUNS_SHOWN = 50;
    /** Simulated runs listed under a backtest; the alert and recovery times cover all of them. */
    static final int BACKTEST_ROWS = 200;

    private final MonitorSystem system;
    private final UiSessions sessions;
    private final Clock clock;
    private final ObjectMapper json;
    private final MonitorActionsSection actions;

    MonitorDetailPage(MonitorSystem system, UiSessions sessions, Clock clock, ObjectMapper json,
                      MonitorActionsSection actions) {
        this.system = system;
        this.sessions = sessions;
        this.clock = clock;
        this.json = json;
        this.actions = actions;
    }

    String page(Context ctx) {
        Monitor m = system.monitors().get(MonitorListPage.id(ctx.pathParam("id")));
        StringBuilder body = new StringBuilder("<p><a href=\"/ui/monitors\">← All monitors</a></p>");
        String schedule;
        try {
            schedule = system.monitors().describeSchedule(m.spec().schedule()).description();
        } catch (InvalidMonitorException e) {
            schedule = e.getMessage();
        }
        body.append("""
                <section class="card"><dl class="facts">
                <dt>Status</dt><dd><span class="badge %s" id="monitor-status">%s</span></dd>
                <dt>Environment</dt><dd>%s</dd>
                <dt>Schedule</dt><dd><code>%s</code> · %s</dd>
                <dt>Description</dt><dd>%s</dd>
                </dl><p><a class="button" href="/ui/monitors/%d/edit">Edit</a></p></section>
                """.formatted(m.active() ? "ok" : "muted", m.active() ? "active" : "passive",
                Html.escape(m.spec().environment()), Html.escape(m.spec().schedule()), Html.escape(schedule),
                m.spec().description() == null ? "—" : Html.escape(m.spec().description()), m.id()));

        body.append("<section class=\"card\"><h2>Conditions</h2><div class=\"charts\">");
        List<Condition> conditions = m.spec().conditions();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String title = "Condition " + (i + 1) + ": " + c.type() + " of " + c.measure();
            body.append("""
                    <figure class="chart"><figcaption>%s</figcaption>
                    <div class="chart-box"><canvas id="condition-chart-%d" data-series-url="/ui/monitors/%d/conditions/%d/series.json"
                     role="img" aria-label="%s: values per run, with bands or thresholds and fired runs marked"></canvas></div>
                    <p class="chart-error" hidden></p></figure>
                    """.formatted(Html.escape(title), i, m.id(), i, Html.escape(title)));
        }
        body.append("</div></section>");

        RunPage runs = system.runs().runs(m.id(), Instant.EPOCH, Micros.LATEST, 0, RUNS_SHOWN);
        body.append("<section class=\"card\"><h2>Runs</h2>");
        if (runs.runs().isEmpty()) {
            body.append("<p class=\"empty\">No runs yet. The monitor runs on its schedule while active; a backtest"
                    + " below shows what it would have done over past traffic.</p>");
        } else {
            body.append("<p>The latest ").append(runs.runs().size()).append(" of ").append(runs.total())
                    .append(" runs, newest first.</p>");
            body.append(runTable("runs", runs.runs(), conditions.size()));
            boolean noTraffic = runs.runs().stream().flatMap(r -> r.conditions().stream())
                    .anyMatch(c -> c.message() != null && c.message().contains("no traffic"));
            if (noTraffic) {
                body.append("<p class=\"sub\" id=\"no-traffic-hint\">No traffic matched? <a href=\"/ui/traffic\">")
                        .append("See what traffic is stored</a>, per environment and API, and compare it with the ")
                        .append("monitor's environment, query and time range.</p>");
            }
        }
        body.append("</section>");
        body.append(actions.card(m));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        body.append("""
                <section class="card"><h2>Backtest</h2>
                <p>Replays the schedule over stored traffic: nothing is stored and no action is sent.</p>
                <form class="inline-form" hx-post="/ui/monitors/%d/backtest" hx-target="#backtest-result">
                <div class="field"><label for="from">From (ISO-8601, UTC)</label>
                <input type="text" id="from" name="from" value="%s" spellcheck="false"></div>
                <div class="field"><label for="to">To (ISO-8601, UTC)</label>
                <input type="text" id="to" name="to" value="%s" spellcheck="false"></div>
                <button type="submit" class="primary">Run backtest</button>
                </form>
                <div id="backtest-result" aria-live="polite"></div></section>
                """.formatted(m.id(), Html.escape(now.minus(Duration.ofDays(1))), Html.escape(now)));
        return Layout.page("Monitor " + m.name(), "/ui/monitors", body.toString(), sessions.enabled());
    }

    /** One condition's chart data, as arrays aligned on the runs (oldest first). */
    String series(Context ctx) throws Exception {
        long id = MonitorListPage.id(ctx.pathParam("id"));
        Monitor m = system.monitors().get(id);
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new InvalidMonitorException("index", "the condition index must be a whole number");
        }
        if (index < 0 || index >= m.spec().conditions().size()) {
            throw new InvalidMonitorException("index", "monitor " + id + " has conditions 0 to "
                    + (m.spec().conditions().size() - 1) + "; there is no condition " + index);
        }
        ConditionSeries s = system.runs().series(id, index, Instant.EPOCH, Micros.LATEST);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Boolean> fired = new ArrayList<>();
        for (SeriesPoint p : s.points()) {
            labels.add(p.firedAt().toString());
            values.add(p.value());
            lower.add(p.lower());
            upper.add(p.upper());
            baseline.add(p.baseline());
            fired.add(p.met());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", s.type());
        out.put("measure", m.spec().conditions().get(index).measure());
        out.put("labels", labels);
        out.put("value", values);
        out.put("lower", lower);
        out.put("upper", upper);
        out.put("baseline", baseline);
        out.put("fired", fired);
        return json.writeValueAsString(out);
    }

    /** What the monitor would have done between the form's two instants. */
    String backtest(Context ctx) {
        long id = MonitorListPage.id(ctx.pathParam("id"));
        Monitor m = system.monitors().get(id);
        Instant from = instant(ctx.formParam("from"), "from");
        Instant to = instant(ctx.formParam("to"), "to");
        BacktestResult r = system.backtester().backtest(id, from, to);
        StringBuilder out = new StringBuilder("<div class=\"backtest\" id=\"backtest-summary\">");
        out.append("<p><strong>").append(r.runs().size()).append(" runs</strong> between ").append(Html.time(from))
                .append(" and ").append(Html.time(to)).append(". ");
        out.append(r.wouldAlertAt().isEmpty() ? "It would not have alerted."
                : "It would have alerted " + r.wouldAlertAt().size() + " time" + (r.wouldAlertAt().size() == 1 ? "" : "s")
                + ": " + times(r.wouldAlertAt()) + ".");
        if (!r.wouldRecoverAt().isEmpty()) {
            out.append(" Recovered: ").append(times(r.wouldRecoverAt())).append('.');
        }
        out.append("</p>");
        List<MonitorRun> runs = new ArrayList<>(r.runs());
        java.util.Collections.reverse(runs);
        if (runs.size() > BACKTEST_ROWS) {
            out.append("<p>The latest ").append(BACKTEST_ROWS).append(" simulated runs:</p>");
            runs = runs.subList(0, BACKTEST_ROWS);
        }
        if (!runs.isEmpty()) {
            out.append(runTable("backtest-runs", runs, m.spec().conditions().size()));
        }
        return out.append("</div>").toString();
    }

    private static String runTable(String id, List<MonitorRun> runs, int conditionCount) {
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table id=\"").append(id)
                .append("\"><thead><tr><th scope=\"col\">Fired at</th><th scope=\"col\">Result</th>")
                .append("<th scope=\"col\">Event</th>");
        for (int i = 0; i < conditionCount; i++) {
            out.append("<th scope=\"col\">Condition ").append(i + 1).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        for (int from = 0; from < runs.size(); ) {
            MonitorRun run = runs.get(from);
            // A monitor stuck in the same state (hours of "no traffic matched") is one row, not one per minute.
            int to = from + 1;
            while (to < runs.size() && sameOutcome(run, runs.get(to))) {
                to++;
            }
            out.append("<tr><td>").append(Html.time(run.firedAt()));
            if (to - from > 1) {
                out.append("<div class=\"sub\">and ").append(to - from - 1).append(" earlier run")
                        .append(to - from > 2 ? "s" : "").append(" like it, back to ")
                        .append(Html.time(runs.get(to - 1).firedAt())).append("</div>");
            }
            from = to;
            out.append("</td><td>")
                    .append(state(run.result().name())).append(run.error() == null ? ""
                            : "<div class=\"sub\">" + Html.escape(run.error()) + "</div>")
                    .append("</td><td>").append(Html.escape(run.event() == null ? "" : run.event().wireName()))
                    .append("</td>");
            for (int i = 0; i < conditionCount; i++) {
                ConditionResult c = i < run.conditions().size() ? run.conditions().get(i) : null;
                out.append("<td>");
                if (c != null) {
                    out.append(state(c.state().name())).append(" <span class=\"value\">").append(Html.number(c.value()))
                            .append("</span>");
                    if (c.message() != null) {
                        out.append("<div class=\"sub\">").append(Html.escape(c.message())).append("</div>");
                    }
                }
                out.append("</td>");
            }
            out.append("</tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    /** Same result, event and error, and every condition with the same state, value and note. */
    private static boolean sameOutcome(MonitorRun a, MonitorRun b) {
        if (a.result() != b.result() || a.event() != b.event() || !java.util.Objects.equals(a.error(), b.error())
                || a.conditions().size() != b.conditions().size() || !a.actions().isEmpty() || !b.actions().isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.conditions().size(); i++) {
            ConditionResult x = a.conditions().get(i);
            ConditionResult y = b.conditions().get(i);
            if (x.state() != y.state() || !java.util.Objects.equals(x.value(), y.value())
                    || !java.util.Objects.equals(x.message(), y.message())) {
                return false;
            }
        }
        return true;
    }

    /** MET / NOT MET / ERROR as a badge, in words (colour is never the only signal). */
    static String state(String name) {
        String css = switch (name) {
            case "MET" -> "alert";
            case "ERROR" -> "warn";
            default -> "ok";
        };
        return "<span class=\"badge " + css + "\">" + Html.escape(name.replace('_', ' ')) + "</span>";
    }

    private static String times(List<Instant> times) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < times.size() && i < 20; i++) {
            out.append(i == 0 ? "" : ", ").append(Html.time(times.get(i)));
        }
        if (times.size() > 20) {
            out.append(" and ").append(times.size() - 20).append(" more");
        }
        return out.toString();
    }

    private static Instant instant(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidMonitorException(field, field + " is required: an ISO-8601 instant such as "
                    + "2026-03-01T12:00:00Z");
        }
        try {
            return Instant.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidMonitorException(field, field + " must be an ISO-8601 instant such as "
                    + "2026-03-01T12:00:00Z, not '" + raw + "'");
        }
    }
}
