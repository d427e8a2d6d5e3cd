package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.monitor.Monitor;
import io.vigil.monitor.MonitorSystem;
import io.vigil.monitor.action.ActionAttempt;
import io.vigil.monitor.definition.Action;
import io.vigil.monitor.definition.EmailAction;
import io.vigil.monitor.definition.HttpCallAction;
import io.vigil.monitor.definition.WebhookAction;
import java.util.List;

/**
 * The monitor page's actions card: where each action sends (never its secret or headers) and a button that sends a
 * test notification through all of them, showing what each receiver answered, as alerting tools' "test contact
 * point" does.
 */
final class MonitorActionsSection {
    private final MonitorSystem system;

    MonitorActionsSection(MonitorSystem system) {
        this.system = system;
    }

    String card(Monitor m) {
        List<Action> actions = m.spec().actions();
        StringBuilder out = new StringBuilder("<section class=\"card\"><h2>Actions</h2>");
        if (actions.isEmpty()) {
            return out.append("<p class=\"empty\">No actions: runs are recorded but nothing is sent. Add a webhook, an")
                    .append(" HTTP call or an email with Edit.</p></section>").toString();
        }
        out.append("<ol id=\"monitor-actions\">");
        for (Action a : actions) {
            out.append("<li>").append(describe(a)).append("</li>");
        }
        out.append("</ol>").append("""
                <form class="inline-form" id="test-actions-form" hx-post="/ui/monitors/%d/test-actions"
                 hx-target="#test-actions-result">
                <button type="submit">Send a test notification</button></form>
                <p class="sub">Each action is tried once with event <code>test</code> and the latest run's values; \
                nothing is stored.</p>
                <div id="test-actions-result" aria-live="polite"></div></section>
                """.formatted(m.id()));
        return out.toString();
    }

    /** What each receiver answered to a test notification. */
    String test(Context ctx) {
        long id = MonitorListPage.id(ctx.pathParam("id"));
        List<ActionAttempt> attempts = system.testActions(id, null);
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table id=\"test-actions\"><thead><tr>")
                .append("<th scope=\"col\">Action</th><th scope=\"col\">Result</th><th scope=\"col\">Status</th>")
                .append("<th scope=\"col\">Answer</th></tr></thead><tbody>");
        for (ActionAttempt a : attempts) {
            out.append("<tr><td>").append(a.actionIndex() + 1).append(". ").append(Html.escape(a.actionType()))
                    .append("</td><td><span class=\"badge ").append(a.success() ? "ok\">delivered" : "alert\">failed")
                    .append("</span></td><td>").append(a.statusCode() == null ? "—" : a.statusCode())
                    .append("</td><td>").append(a.message() == null ? "" : Html.escape(a.message()))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }

    private static String describe(Action a) {
        if (a instanceof WebhookAction w) {
            return "webhook: POST " + Html.escape(w.url());
        }
        if (a instanceof HttpCallAction h) {
            return "HTTP call: " + Html.escape(h.method()) + " " + Html.escape(h.url());
        }
        return "email to " + Html.escape(String.join(", ", ((EmailAction) a).to()));
    }
}
