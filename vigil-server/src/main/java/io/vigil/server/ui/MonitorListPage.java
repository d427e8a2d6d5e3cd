package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.monitor.InvalidMonitorException;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorNotFoundException;
import io.vigil.monitor.MonitorPage;
import io.vigil.monitor.MonitorSearch;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.definition.MonitorStatus;
import io.vigil.monitor.run.RunStore;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /ui/monitors}: the searchable list, with active / passive toggles swapped in place by htmx. */
final class MonitorListPage {
    private static final int PAGE_SIZE = 200;

    private final MonitorSystem system;
    private final UiSessions sessions;

    MonitorListPage(MonitorSystem system, UiSessions sessions) {
        this.system = system;
        this.sessions = sessions;
    }

    String page(Context ctx) throws Exception {
        String q = ctx.queryParam("q");
        String body = """
                <div class="toolbar">
                <form class="search" role="search" action="/ui/monitors" method="get"
                      hx-get="/ui/monitors/table" hx-target="#monitor-table" hx-trigger="input delay:300ms, change, submit">
                <label for="q">Search by name or description</label>
                <input type="search" id="q" name="q" value="%s" autocomplete="off">
                <label for="status">Status</label>
                <select id="status" name="status">
                <option value="">all</option><option value="active"%s>active</option><option value="passive"%s>passive</option>
                </select>
                <button type="submit">Search</button>
                </form>
                <a class="button primary" href="/ui/monitors/new">New monitor</a>
                </div>
                <div id="monitor-table" aria-live="polite">%s</div>
                """.formatted(Html.escape(q == null ? "" : q), selected(ctx, "active"), selected(ctx, "passive"),
                table(ctx));
        return Layout.page("Monitors", "/ui/monitors", body, sessions.enabled());
    }

    /** The table alone, for the search box's swaps. */
    String table(Context ctx) {
        String q = ctx.queryParam("q");
        MonitorPage page = system.monitors().search(new MonitorSearch(q == null || q.isBlank() ? null : q.trim(),
                status(ctx.queryParam("status")), null, 0, PAGE_SIZE));
        if (page.monitors().isEmpty()) {
            return page.total() == 0 && (q == null || q.isBlank()) && ctx.queryParam("status") == null
                    ? "<p class=\"empty\">No monitors yet. <a href=\"/ui/monitors/new\">Create the first one</a>.</p>"
                    : "<p class=\"empty\">No monitor matches.</p>";
        }
        StringBuilder out = new StringBuilder("""
                <div class="table-wrap"><table id="monitors">
                <thead><tr><th scope="col">Name</th><th scope="col">Environment</th><th scope="col">Schedule</th>
                <th scope="col">Last run</th><th scope="col">Status</th></tr></thead><tbody>""");
        Map<Long, RunStore.LastRun> last = system.runs().lastRuns(page.monitors().stream().map(Monitor::id).toList());
        for (Monitor m : page.monitors()) {
            out.append(row(m, last.get(m.id())));
        }
        out.append("</tbody></table></div>");
        if (page.total() > page.monitors().size()) {
            out.append("<p>Showing ").append(page.monitors().size()).append(" of ").append(page.total())
                    .append(" monitors; search to narrow the list.</p>");
        }
        return out.toString();
    }

    /** Flips a monitor between active and passive and answers its re-rendered row. */
    String toggle(Context ctx) {
        long id = id(ctx.pathParam("id"));
        MonitorStatus target = status(ctx.formParam("status"));
        if (target == null) {
            throw new InvalidMonitorException("status", "status must be 'active' or 'passive'");
        }
        return row(system.monitors().setStatus(id, target), system.runs().lastRuns(List.of(id)).get(id));
    }

    static String row(Monitor m, RunStore.LastRun last) {
        boolean active = m.active();
        String next = active ? "passive" : "active";
        String lastRun = last == null ? "<span class=\"sub\">not yet</span>"
                : MonitorDetailPage.state(last.result().name()) + "<div class=\"sub\">" + Html.time(last.firedAt())
                + "</div>";
        return """
                <tr id="monitor-row-%d"><td><a href="/ui/monitors/%d">%s</a><div class="sub">%s</div></td>
                <td>%s</td><td><code>%s</code></td><td class="last-run">%s</td>
                <td class="status-cell"><span class="badge %s" data-status="%s">%s</span>
                <button type="button" class="toggle" id="toggle-%d" hx-post="/ui/monitors/%d/status" hx-vals='{"status": "%s"}'
                 hx-target="closest tr" hx-swap="outerHTML" aria-label="Make %s %s">Make %s</button></td></tr>
                """.formatted(m.id(), m.id(), Html.escape(m.name()), Html.escape(m.spec().description()),
                Html.escape(m.spec().environment()), Html.escape(m.spec().schedule()), lastRun,
                active ? "ok" : "muted",
                active ? "active" : "passive", active ? "active" : "passive", m.id(), m.id(), next,
                Html.escape(m.name()), next, next);
    }

    static long id(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new MonitorNotFoundException("no monitor has id '" + raw + "'");
        }
    }

    private static MonitorStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return MonitorStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidMonitorException("status", "status must be 'active' or 'passive', not '" + raw + "'");
        }
    }

    private static String selected(Context ctx, String value) {
        return value.equals(ctx.queryParam("status")) ? " selected" : "";
    }
}
