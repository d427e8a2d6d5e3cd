package io.vigil.server.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.vigil.workflow.ColumnInfo;
import io.vigil.workflow.ColumnStats;
import io.vigil.workflow.DatasetInfo;
import io.vigil.workflow.Datasets;
import io.vigil.workflow.DatasetPreview;
import io.vigil.workflow.InvalidWorkflowRequestException;
import io.vigil.workflow.Workflow;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * {@code /ui/datasets}: the list with the upload form, and a dataset's page (preview, column types, statistics,
 * delete). The upload is a plain multipart form; our script sends it with XMLHttpRequest to show its progress.
 */
final class DatasetPages {
    static final int PREVIEW_ROWS = 20;

    private final Workflow workflow;
    private final UiSessions sessions;

    DatasetPages(Workflow workflow, UiSessions sessions) {
        this.workflow = workflow;
        this.sessions = sessions;
    }

    String list(Context ctx) {
        return listPage("", "", FormFields.Rejection.NONE);
    }

    /** The upload: the file streams to the workflow's temp directory and is imported by the same code as the API. */
    String upload(Context ctx) throws Exception {
        String name = text(ctx.formParam("name"));
        String label = text(ctx.formParam("label"));
        try {
            UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
            if (file == null || file.filename() == null || file.filename().isBlank()) {
                throw new InvalidWorkflowRequestException("file", "file is required: choose a CSV, CSV.GZ or "
                        + "Parquet file to upload");
            }
            String format = Datasets.uploadFormat(file.filename());
            DatasetInfo info;
            try (InputStream in = file.content()) {
                info = workflow.datasets().importStream(name, in, format, label.isBlank() ? null : label.strip());
            }
            ctx.redirect("/ui/datasets/" + Html.pathSegment(info.id()), HttpStatus.SEE_OTHER);
            return null;
        } catch (RuntimeException e) {
            FormFields.Rejection r = FormFields.Rejection.of(e);
            ctx.status(e instanceof io.vigil.workflow.NameTakenException ? 409 : 400);
            return listPage(name, label, r);
        }
    }

    private String listPage(String name, String label, FormFields.Rejection r) {
        List<DatasetInfo> datasets = workflow.datasets().list();
        StringBuilder body = new StringBuilder();
        body.append(FormFields.summary("The dataset was not uploaded", r));
        body.append("<section class=\"card\"><h2>Upload a dataset</h2>")
                .append("<form method=\"post\" action=\"/ui/datasets\" enctype=\"multipart/form-data\" ")
                .append("class=\"upload-form\" data-upload novalidate>")
                .append(FormFields.input("file", "file", "File (CSV, CSV.GZ or Parquet)", null, r,
                        " accept=\".csv,.gz,.csv.gz,.parquet,.pq\" required",
                        // Browsers never refill a file input, so a rejected form says to choose the file again.
                        r.any() ? "Choose the file again, then upload."
                                : "DuckDB reads it and infers the column types."))
                .append(FormFields.input("text", "name", "Name", name, r,
                        " required maxlength=\"64\" pattern=\"[A-Za-z0-9][A-Za-z0-9_-]{0,63}\" spellcheck=\"false\"",
                        "Letters, digits, _ and -; up to 64 characters, starting with a letter or digit."))
                .append(FormFields.input("text", "label", "Label column (optional)", label, r,
                        " spellcheck=\"false\"", "The column of known anomalies (1 = anomaly). Left empty, a "
                                + "column named label, is_anomaly, is_fraud, ... is used when there is one."))
                .append("""
                        <div class="upload-progress" hidden>
                        <label for="upload-bar">Uploading</label>
                        <progress id="upload-bar" max="100" value="0"></progress>
                        <span class="upload-percent" aria-live="polite">0 %</span></div>
                        <div class="actions"><button type="submit" class="primary">Upload</button></div>
                        </form></section>""");
        body.append("<section class=\"card\"><h2>Datasets</h2>");
        if (datasets.isEmpty()) {
            body.append("<p class=\"empty\">No datasets yet: upload a file above, or create a sample with "
                    + "<code>./vigil dataset create-sample</code>.</p>");
        } else {
            body.append("""
                    <div class="table-wrap"><table id="datasets"><thead><tr><th scope="col">Name</th>
                    <th scope="col">Rows</th><th scope="col">Columns</th><th scope="col">Label</th>
                    <th scope="col">Source</th><th scope="col">Created</th></tr></thead><tbody>""");
            for (DatasetInfo d : datasets) {
                body.append("<tr><td><a href=\"/ui/datasets/").append(Html.pathSegment(d.id())).append("\">")
                        .append(Html.escape(d.name())).append("</a></td><td class=\"value\">").append(d.rows())
                        .append("</td><td class=\"value\">").append(d.columns().size()).append("</td><td>")
                        .append(d.labelColumn() == null ? "—" : "<code>" + Html.escape(d.labelColumn()) + "</code>")
                        .append("</td><td>").append(Html.escape(d.source())).append("</td><td>")
                        .append(Html.time(instant(d.createdAt()))).append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        body.append("</section>");
        return Layout.page("Datasets", "/ui/datasets", body.toString(), sessions.enabled());
    }

    String detail(Context ctx) {
        DatasetInfo d = workflow.datasets().get(ctx.pathParam("id"));
        DatasetPreview preview = workflow.datasets().preview(d.id(), (int) Math.min(PREVIEW_ROWS, d.rows()));
        List<ColumnStats> stats = workflow.datasets().stats(d.id());
        String id = Html.pathSegment(d.id());
        StringBuilder body = new StringBuilder("<p><a href=\"/ui/datasets\">← All datasets</a></p>");
        body.append("""
                <section class="card"><dl class="facts">
                <dt>Rows</dt><dd id="dataset-rows">%d</dd><dt>Columns</dt><dd>%d</dd>
                <dt>Label column</dt><dd>%s</dd><dt>Source</dt><dd>%s (%s)</dd>
                <dt>Stored size</dt><dd>%s</dd><dt>Created</dt><dd>%s</dd></dl>
                <div class="actions"><a class="button primary" href="/ui/runs?dataset=%s">Run a detector on it</a>
                <form method="post" action="/ui/datasets/%s/delete" class="confirm-form"
                 data-confirm="Delete dataset %s? Its file is removed; runs on it keep their scores.">
                <button type="submit" class="danger">Delete dataset</button></form></div></section>
                """.formatted(d.rows(), d.columns().size(),
                d.labelColumn() == null ? "none (runs report no precision or recall)"
                        : "<code>" + Html.escape(d.labelColumn()) + "</code>",
                Html.escape(d.source()), Html.escape(d.format()), Html.bytes(d.sizeBytes()),
                Html.time(instant(d.createdAt())), id, id, Html.escape(d.name())));
        body.append("<section class=\"card\"><h2>Columns and statistics</h2>")
                .append("<div class=\"table-wrap\"><table id=\"column-stats\"><thead><tr>")
                .append("<th scope=\"col\">Column</th><th scope=\"col\">Type</th><th scope=\"col\">Missing</th>")
                .append("<th scope=\"col\">Distinct</th><th scope=\"col\">Min</th><th scope=\"col\">Max</th>")
                .append("<th scope=\"col\">Mean</th><th scope=\"col\">Std</th><th scope=\"col\">Top values</th>")
                .append("</tr></thead><tbody>");
        for (ColumnStats s : stats) {
            body.append("<tr><th scope=\"row\"><code>").append(Html.escape(s.name())).append("</code></th><td>")
                    .append(Html.escape(s.type())).append(" <span class=\"sub\">").append(Html.escape(s.kind()))
                    .append("</span></td><td class=\"value").append(s.missing() > 0 ? " warn-text" : "").append("\">")
                    .append(s.missing()).append("</td><td class=\"value\">").append(s.distinct())
                    .append("</td><td class=\"value\">").append(value(s.min())).append("</td><td class=\"value\">")
                    .append(value(s.max())).append("</td><td class=\"value\">").append(Html.number(s.mean()))
                    .append("</td><td class=\"value\">").append(Html.number(s.std())).append("</td><td>");
            if (s.topValues() != null) {
                for (int i = 0; i < s.topValues().size() && i < 5; i++) {
                    ColumnStats.ValueCount v = s.topValues().get(i);
                    body.append(i == 0 ? "" : ", ").append(Html.escape(v.value())).append(" <span class=\"sub\">(")
                            .append(v.count()).append(")</span>");
                }
            }
            body.append("</td></tr>");
        }
        body.append("</tbody></table></div></section>");
        body.append("<section class=\"card\"><h2>Preview</h2><p>The first ").append(preview.rows().size())
                .append(" of ").append(preview.totalRows()).append(" rows.</p>")
                .append("<div class=\"table-wrap\"><table id=\"preview\"><thead><tr>");
        for (ColumnInfo c : preview.columns()) {
            body.append("<th scope=\"col\">").append(Html.escape(c.name())).append("</th>");
        }
        body.append("</tr></thead><tbody>");
        for (List<Object> row : preview.rows()) {
            body.append("<tr>");
            for (Object v : row) {
                body.append("<td class=\"value\">").append(value(v)).append("</td>");
            }
            body.append("</tr>");
        }
        body.append("</tbody></table></div></section>");
        return Layout.page("Dataset " + d.name(), "/ui/datasets", body.toString(), sessions.enabled());
    }

    String delete(Context ctx) {
        workflow.datasets().delete(ctx.pathParam("id"));
        ctx.redirect("/ui/datasets", HttpStatus.SEE_OTHER);
        return null;
    }

    /** A cell value: numbers in the shared format, missing as "—", anything else as escaped text. */
    static String value(Object v) {
        if (v == null) {
            return "<span class=\"sub\">—</span>";
        }
        if (v instanceof Double || v instanceof Float) {
            return Html.number(((Number) v).doubleValue());
        }
        return Html.escape(v);
    }

    static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static String text(String v) {
        return v == null ? "" : v;
    }
}
