package io.vigil.server.ui;

import io.javalin.http.Context;
import io.vigil.workflow.Comparison;
import io.vigil.workflow.DatasetInfo;
import io.vigil.workflow.DetectorSpec;
import io.vigil.workflow.RunMetrics;
import io.vigil.workflow.RunState;
import io.vigil.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code /ui/compare}: several detectors run on one labelled dataset ({@code Workflow.compare}), their metrics side
 * by side with the best value of each column marked. The form posts with htmx and the table replaces the result
 * area; without script it posts as a plain form and the page comes back with the table.
 */
final class ComparePage {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** One metric column: its heading and how to read it from a run's metrics. */
    private record Column(String heading, Function<RunMetrics, Double> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Precision", RunMetrics::precision),
            new Column("Recall", RunMetrics::recall),
            new Column("F1", RunMetrics::f1),
            new Column("ROC-AUC", RunMetrics::rocAuc),
            new Column("Average precision", RunMetrics::averagePrecision));

    private final Workflow workflow;
    private final UiSessions sessions;

    ComparePage(Workflow workflow, UiSessions sessions) {
        this.workflow = workflow;
        this.sessions = sessions;
    }

    String page(Context ctx) {
        return page(null, List.of(), "", FormFields.Rejection.NONE);
    }

    /** Runs the comparison and answers the table: alone for htmx, inside the page for a plain form post. */
    String compare(Context ctx) throws InterruptedException {
        String dataset = ctx.formParam("dataset");
        List<String> detectors = ctx.formParams("detectors");
        String table;
        FormFields.Rejection r = FormFields.Rejection.NONE;
        try {
            table = table(workflow.compare(dataset, detectors, TIMEOUT));
        } catch (RuntimeException e) {
            r = FormFields.Rejection.of(e);
            ctx.status(400);
            table = Html.errorBox("The comparison did not run: " + r.message());
        }
        if (ctx.header("HX-Request") != null) {
            return table;
        }
        return page(dataset, detectors, table, r);
    }

    private String page(String dataset, List<String> chosen, String resultHtml, FormFields.Rejection r) {
        StringBuilder datasets = new StringBuilder();
        for (DatasetInfo d : workflow.datasets().list()) {
            if (d.labelColumn() != null) {
                datasets.append(FormFields.option(d.id(), d.name() + " (" + d.rows() + " rows, label "
                        + d.labelColumn() + ")", d.id().equals(dataset)));
            }
        }
        List<DetectorSpec> detectors = workflow.detectors().list();
        StringBuilder body = new StringBuilder("<section class=\"card\"><p class=\"lead\">Runs each chosen detector "
                + "on one labelled dataset and shows how well each one's flags match the labels.</p>");
        if (datasets.length() == 0 || detectors.size() < 2) {
            body.append("<p class=\"empty\">A comparison needs a dataset with a label column and at least two "
                    + "detectors: <a href=\"/ui/datasets\">upload a labelled dataset</a>, "
                    + "<a href=\"/ui/detectors/new\">create detectors</a>.</p></section>");
            return Layout.page("Compare detectors", "/ui/compare", body.toString(), sessions.enabled());
        }
        body.append("<form method=\"post\" action=\"/ui/compare\" hx-post=\"/ui/compare\" hx-target=\"#comparison\"")
                .append(" hx-indicator=\"#compare-running\" hx-disabled-elt=\"find button\" id=\"compare-form\">")
                .append(FormFields.select("dataset", "Labelled dataset", datasets.toString(), r, null))
                .append("<fieldset class=\"field\" aria-describedby=\"detectors-error\"><legend>Detectors</legend>")
                .append("<div class=\"checks\">");
        for (DetectorSpec d : detectors) {
            String id = "detector-" + Html.escape(d.name());
            body.append("<label class=\"check\" for=\"").append(id).append("\"><input type=\"checkbox\" id=\"")
                    .append(id).append("\" name=\"detectors\" value=\"").append(Html.escape(d.name())).append('"')
                    .append(chosen.contains(d.name()) ? " checked" : "").append("> ").append(Html.escape(d.name()))
                    .append(" <span class=\"sub\">").append(Html.escape(d.algorithm())).append("</span></label>");
        }
        body.append("</div>").append(FormFields.error("detectors", r)).append("</fieldset>")
                .append("<div class=\"actions\"><button type=\"submit\" class=\"primary\">Compare</button>")
                .append("<span id=\"compare-running\" class=\"htmx-indicator\">Running the detectors…</span></div>")
                .append("</form></section>")
                .append("<section class=\"card\"><h2>Results</h2><div id=\"comparison\" aria-live=\"polite\">")
                .append(resultHtml.isEmpty() ? "<p class=\"empty\">Choose a dataset and detectors, then Compare.</p>"
                        : resultHtml)
                .append("</div></section>");
        return Layout.page("Compare detectors", "/ui/compare", body.toString(), sessions.enabled());
    }

    /** The metrics side by side; the best value of each column is marked in words and by weight, not colour. */
    static String table(Comparison c) {
        List<Double> best = new ArrayList<>();
        for (Column col : COLUMNS) {
            Double top = null;
            for (Comparison.Entry e : c.results()) {
                Double v = e.metrics() == null ? null : col.value().apply(e.metrics());
                if (v != null && (top == null || v > top)) {
                    top = v;
                }
            }
            best.add(top);
        }
        StringBuilder out = new StringBuilder("<p>Dataset <a href=\"/ui/datasets/")
                .append(Html.pathSegment(c.dataset())).append("\">").append(Html.escape(c.dataset()))
                .append("</a>, label column <code>").append(Html.escape(c.labelColumn())).append("</code>. ")
                .append("The best value of each column is marked ★.</p>")
                .append("<div class=\"table-wrap\"><table id=\"comparison-table\"><thead><tr>")
                .append("<th scope=\"col\">Detector</th><th scope=\"col\">Algorithm</th>");
        for (Column col : COLUMNS) {
            out.append("<th scope=\"col\">").append(Html.escape(col.heading())).append("</th>");
        }
        out.append("<th scope=\"col\">Flagged</th><th scope=\"col\">Run</th></tr></thead><tbody>");
        for (Comparison.Entry e : c.results()) {
            out.append("<tr data-detector=\"").append(Html.escape(e.detector())).append("\"><th scope=\"row\">")
                    .append(Html.escape(e.detector())).append("</th><td><code>").append(Html.escape(e.algorithm()))
                    .append("</code></td>");
            if (e.state() != RunState.SUCCEEDED || e.metrics() == null) {
                out.append("<td colspan=\"").append(COLUMNS.size() + 1).append("\">")
                        .append(Html.escape(e.state().jsonName())).append(e.message() == null ? ""
                                : ": " + Html.escape(e.message())).append("</td>");
            } else {
                for (int i = 0; i < COLUMNS.size(); i++) {
                    Double v = COLUMNS.get(i).value().apply(e.metrics());
                    boolean top = v != null && v.equals(best.get(i));
                    out.append("<td class=\"value").append(top ? " best" : "").append("\">")
                            .append(top ? "<strong>" + Html.number(v) + " ★</strong>" : Html.number(v))
                            .append("</td>");
                }
                out.append("<td class=\"value\">").append(e.summary().anomalies()).append("</td>");
            }
            out.append("<td><a href=\"/ui/runs/").append(Html.pathSegment(e.run())).append("\">")
                    .append(Html.escape(e.run())).append("</a></td></tr>");
        }
        return out.append("</tbody></table></div>").toString();
    }
}
