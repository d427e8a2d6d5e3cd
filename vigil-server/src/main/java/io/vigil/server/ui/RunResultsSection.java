package io.vigil.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vigil.core.explain.FeatureContribution;
import io.vigil.workflow.ColumnInfo;
import io.vigil.workflow.DatasetInfo;
import io.vigil.workflow.InvalidWorkflowRequestException;
import io.vigil.workflow.ResultPage;
import io.vigil.workflow.RunInfo;
import io.vigil.workflow.RunMetrics;
import io.vigil.workflow.RunSummary;
import io.vigil.workflow.Workflow;
import io.vigil.workflow.WorkflowJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A succeeded run's results: summary, metrics and confusion matrix when labelled, the flagged rows (highest score
 * first, paged by htmx, each with its top features), the score histogram with the threshold, a scatter of two
 * chosen columns and the ROC curve (drawn by our script from {@code charts.json}), and the CSV downloads.
 */
final class RunResultsSection {
    static final int PAGE = 25;

    private final Workflow workflow;
    private final ObjectMapper json;

    RunResultsSection(Workflow workflow, ObjectMapper json) {
        this.workflow = workflow;
        this.json = json;
    }

    String render(RunInfo run) {
        RunSummary s = run.summary();
        String id = Html.pathSegment(run.id());
        StringBuilder out = new StringBuilder("<section class=\"card\"><h2>Summary</h2><dl class=\"facts\">");
        out.append("<dt>Flagged</dt><dd id=\"run-anomalies\">").append(s.anomalies()).append(" of ").append(s.rows())
                .append(" rows (").append(Html.number(100 * s.anomalyRate())).append(" %)</dd>")
                .append("<dt>Threshold</dt><dd>").append(Html.number(s.threshold())).append(" <span class=\"sub\">(")
                .append(Html.escape(s.thresholdRule())).append(" rule)</span></dd>")
                .append("<dt>Features</dt><dd>").append(s.features()).append(": ")
                .append(Html.escape(String.join(", ", s.featureNames()))).append("</dd>");
        if (!s.ignoredColumns().isEmpty()) {
            out.append("<dt>Left out</dt><dd id=\"run-ignored\">")
                    .append(Html.escape(String.join(", ", s.ignoredColumns())))
                    .append(" <span class=\"sub\">(a value of its own in every row: an identifier, not a feature; "
                            + "name it in the detector's columns to use it)</span></dd>");
        }
        out.append("<dt>Time</dt><dd>").append(s.totalMillis()).append(" ms (load ").append(s.loadMillis())
                .append(", fit ").append(s.fitMillis()).append(", score ").append(s.scoreMillis()).append(")</dd></dl>")
                .append("<p class=\"actions\"><a class=\"button\" href=\"/ui/runs/").append(id)
                .append("/results.csv\" download>Download all rows (CSV)</a><a class=\"button\" href=\"/ui/runs/")
                .append(id).append("/results.csv?anomalies_only=true\" download>Download anomalies only (CSV)</a>")
                .append("</p></section>");
        if (run.metrics() != null) {
            out.append(metrics(run.metrics()));
        }
        out.append(charts(run));
        out.append("<section class=\"card\"><h2>Flagged rows</h2><p class=\"hint\">Highest score first. Top features: "
                + "each feature's share of the row's anomaly, with the row's value and the usual (median) value.</p>"
                + "<div id=\"flagged\" aria-live=\"polite\">").append(flaggedTable(run.id(), 0))
                .append("</div></section>");
        return out.toString();
    }

    static String metrics(RunMetrics m) {
        RunMetrics.ConfusionMatrix c = m.confusionMatrix();
        return """
                <section class="card"><h2>Against the label column <code>%s</code></h2>
                <div class="metric-grid">
                <dl class="facts" id="run-metrics"><dt>Precision</dt><dd>%s</dd><dt>Recall</dt><dd>%s</dd>
                <dt>F1</dt><dd>%s</dd><dt>ROC-AUC</dt><dd>%s</dd><dt>Average precision</dt><dd>%s</dd>
                <dt>Labelled anomalies</dt><dd>%d</dd></dl>
                <div class="table-wrap narrow-table"><table id="confusion"><caption>Confusion matrix</caption>
                <thead><tr><td></td><th scope="col">Labelled anomaly</th><th scope="col">Labelled normal</th></tr>
                </thead>
                <tbody><tr><th scope="row">Flagged</th><td class="value">%d <span class="sub">true positives</span></td>
                <td class="value">%d <span class="sub">false positives</span></td></tr>
                <tr><th scope="row">Not flagged</th><td class="value">%d <span class="sub">false negatives</span></td>
                <td class="value">%d <span class="sub">true negatives</span></td></tr></tbody></table></div>
                </div></section>
                """.formatted(Html.escape(m.labelColumn()), Html.number(m.precision()), Html.number(m.recall()),
                Html.number(m.f1()), Html.number(m.rocAuc()), Html.number(m.averagePrecision()), m.positives(),
                c.truePositives(), c.falsePositives(), c.falseNegatives(), c.trueNegatives());
    }

    private String charts(RunInfo run) {
        String id = Html.pathSegment(run.id());
        List<String> plottable = new ArrayList<>();
        if (workflow.datasets().exists(run.dataset())) {
            DatasetInfo d = workflow.datasets().get(run.dataset());
            for (ColumnInfo c : d.columns()) {
                if (!c.name().equals(d.labelColumn()) && !"text".equals(c.kind())) {
                    plottable.add(c.name());
                }
            }
        }
        // Features the detector saw come first: they are what the flags are about.
        plottable.sort(java.util.Comparator.comparing(c -> run.summary().featureNames().contains(c) ? 0 : 1));
        StringBuilder out = new StringBuilder("<section class=\"card\"><h2>Charts</h2><div class=\"charts\">");
        out.append("""
                <figure class="chart"><figcaption>Score histogram, with the threshold</figcaption>
                <div class="chart-box"><canvas id="histogram-chart" data-run-chart="histogram"
                 data-charts-url="/ui/runs/%s/charts.json" role="img"
                 aria-label="Number of rows per score, flagged rows in red, the threshold as a line"></canvas></div>
                <p class="chart-error" hidden></p></figure>""".formatted(id));
        if (plottable.size() >= 2) {
            StringBuilder xs = new StringBuilder();
            StringBuilder ys = new StringBuilder();
            for (int i = 0; i < plottable.size(); i++) {
                xs.append(FormFields.option(plottable.get(i), plottable.get(i), i == 0));
                ys.append(FormFields.option(plottable.get(i), plottable.get(i), i == 1));
            }
            out.append("""
                    <figure class="chart"><figcaption>Two features, flagged rows in red</figcaption>
                    <div class="scatter-axes"><label for="scatter-x">x</label><select id="scatter-x">%s</select>
                    <label for="scatter-y">y</label><select id="scatter-y">%s</select></div>
                    <div class="chart-box"><canvas id="scatter-chart" data-run-chart="scatter"
                     data-charts-url="/ui/runs/%s/charts.json" role="img"
                     aria-label="Rows by the two chosen features, flagged rows in red"></canvas></div>
                    <p class="chart-note sub" id="scatter-note"></p><p class="chart-error" hidden></p></figure>"""
                    .formatted(xs, ys, id));
        }
        if (run.metrics() != null) {
            out.append("""
                    <figure class="chart"><figcaption>ROC curve</figcaption>
                    <div class="chart-box"><canvas id="roc-chart" data-run-chart="roc"
                     data-charts-url="/ui/runs/%s/charts.json" role="img"
                     aria-label="True positive rate against false positive rate"></canvas></div>
                    <p class="chart-error" hidden></p></figure>""".formatted(id));
        }
        return out.append("</div></section>").toString();
    }

    /** One page of flagged rows, for the page and for htmx's paging. */
    String flagged(Context ctx) {
        long offset = offset(ctx.queryParam("offset"));
        return flaggedTable(ctx.pathParam("id"), offset);
    }

    private String flaggedTable(String runId, long offset) {
        ResultPage page = workflow.runs().results(runId, offset, PAGE, true, "score");
        if (page.total() == 0) {
            return "<p class=\"empty\">No row scored above the threshold.</p>";
        }
        StringBuilder out = new StringBuilder("<div class=\"table-wrap\"><table id=\"flagged-rows\"><thead><tr>")
                .append("<th scope=\"col\">Rank</th><th scope=\"col\">Row</th><th scope=\"col\">Score</th>")
                .append("<th scope=\"col\">Top features</th>");
        for (String c : page.columns()) {
            out.append("<th scope=\"col\">").append(Html.escape(c)).append("</th>");
        }
        out.append("</tr></thead><tbody>");
        long rank = offset + 1;
        for (ResultPage.Row row : page.rows()) {
            out.append("<tr><td class=\"value\">").append(rank++).append("</td><td class=\"value\">")
                    .append(row.index()).append("</td><td class=\"value\">").append(Html.number(row.score()))
                    .append("</td><td class=\"explanation\">").append(explanation(row.topFeatures())).append("</td>");
            for (String c : page.columns()) {
                out.append("<td class=\"value\">").append(DatasetPages.value(row.values().get(c))).append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
        String base = "/ui/runs/" + Html.pathSegment(runId) + "/flagged?offset=";
        out.append("<nav class=\"pager\" aria-label=\"Flagged rows pages\"><span>Rows ").append(offset + 1)
                .append("–").append(offset + page.rows().size()).append(" of ").append(page.total())
                .append("</span>");
        if (offset > 0) {
            out.append("<button type=\"button\" hx-get=\"").append(base).append(Math.max(0, offset - PAGE))
                    .append("\" hx-target=\"#flagged\">Previous</button>");
        }
        if (offset + page.rows().size() < page.total()) {
            out.append("<button type=\"button\" id=\"flagged-next\" hx-get=\"").append(base).append(offset + PAGE)
                    .append("\" hx-target=\"#flagged\">Next</button>");
        }
        return out.append("</nav>").toString();
    }

    private static String explanation(List<FeatureContribution> top) {
        if (top == null) {
            return "<span class=\"sub\">not explained (beyond the 10,000 highest scores)</span>";
        }
        StringBuilder out = new StringBuilder("<ol class=\"top-features\">");
        for (FeatureContribution f : top) {
            out.append("<li><strong>").append(Html.escape(f.feature())).append("</strong> ")
                    .append(Html.escape(String.format(Locale.ROOT, "%.0f %%", 100 * f.contribution())))
                    .append(" <span class=\"sub\">value ").append(Html.number(f.value())).append(", usually ")
                    .append(Html.number(f.normalValue())).append("</span></li>");
        }
        return out.append("</ol>").toString();
    }

    /** Histogram and ROC curve, plus the scatter of x and y when asked: what the results page's charts draw. */
    String chartsJson(Context ctx) throws Exception {
        String x = ctx.queryParam("x");
        String y = ctx.queryParam("y");
        return json.writeValueAsString(WorkflowJson.toMap(workflow.runs().charts(ctx.pathParam("id"),
                x == null || x.isBlank() ? null : x, y == null || y.isBlank() ? null : y)));
    }

    /** The results as CSV, streamed from {@link io.vigil.workflow.Workflow#resultsCsv}. */
    String csv(Context ctx) throws Exception {
        String id = ctx.pathParam("id");
        boolean anomaliesOnly = "true".equals(ctx.queryParam("anomalies_only"));
        InputStream in = workflow.resultsCsv(id, anomaliesOnly);
        ctx.status(200).contentType("text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"" + Html.pathSegment(id) + (anomaliesOnly ? "-anomalies" : "") + ".csv\"")
                .result(in);
        return null;
    }

    private static long offset(String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new InvalidWorkflowRequestException("offset", "offset must be a whole number of at least 0, not '"
                + raw + "'");
    }
}
