package io.vigil.server.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.workflow.DetectorRequest;
import io.vigil.workflow.DetectorSpec;
import io.vigil.workflow.NameTakenException;
import io.vigil.workflow.ParameterLines;
import io.vigil.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * {@code /ui/detectors}: named detectors (an algorithm, its parameters, contamination), the create form with each
 * error next to its field, a detector's page and delete. The form is checked by {@code Detectors.create}, which
 * builds the detector once, exactly as the REST API and the CLI do.
 */
final class DetectorPages {
    /** What the user typed, kept as text so a rejected form comes back as it was sent. */
    record FormValues(String name, String algorithm, String contamination, String parameters, String columns,
                      String exclude, String description) {
        static final FormValues EMPTY = new FormValues("", "isolation_forest", "0.1", "", "", "", "");

        static FormValues of(Context ctx) {
            return new FormValues(text(ctx, "name"), text(ctx, "algorithm"), text(ctx, "contamination"),
                    text(ctx, "parameters"), text(ctx, "columns"), text(ctx, "exclude"), text(ctx, "description"));
        }

        private static String text(Context ctx, String field) {
            String v = ctx.formParam(field);
            return v == null ? "" : v;
        }
    }

    private final Workflow workflow;
    private final DetectorRegistry registry;
    private final UiSessions sessions;

    DetectorPages(Workflow workflow, DetectorRegistry registry, UiSessions sessions) {
        this.workflow = workflow;
        this.registry = registry;
        this.sessions = sessions;
    }

    String list(Context ctx) {
        List<DetectorSpec> detectors = workflow.detectors().list();
        StringBuilder body = new StringBuilder("""
                <div class="toolbar"><p class="lead">A detector is an algorithm with its parameters; run it on any
                dataset whose columns it fits.</p><a class="button primary" href="/ui/detectors/new">New detector</a>
                </div>""");
        if (detectors.isEmpty()) {
            body.append("<p class=\"empty\">No detectors yet. <a href=\"/ui/detectors/new\">Create the first "
                    + "one</a>.</p>");
        } else {
            body.append("""
                    <div class="table-wrap"><table id="detectors"><thead><tr><th scope="col">Name</th>
                    <th scope="col">Algorithm</th><th scope="col">Contamination</th><th scope="col">Parameters</th>
                    <th scope="col">Description</th></tr></thead><tbody>""");
            for (DetectorSpec d : detectors) {
                body.append("<tr><td><a href=\"/ui/detectors/").append(Html.pathSegment(d.name())).append("\">")
                        .append(Html.escape(d.name())).append("</a></td><td><code>").append(Html.escape(d.algorithm()))
                        .append("</code></td><td class=\"value\">").append(contamination(d)).append("</td><td>")
                        .append(parameters(d.parameters())).append("</td><td>").append(Html.escape(d.description()))
                        .append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        return Layout.page("Detectors", "/ui/detectors", body.toString(), sessions.enabled());
    }

    String newForm(Context ctx) {
        return form(FormValues.EMPTY, FormFields.Rejection.NONE);
    }

    String create(Context ctx) {
        FormValues v = FormValues.of(ctx);
        try {
            DetectorSpec d = workflow.detectors().create(new DetectorRequest(v.name().strip(), v.algorithm(),
                    ParameterLines.parse(v.parameters()), v.contamination().isBlank() ? null : v.contamination(),
                    names(v.columns()), names(v.exclude()), null, v.description()));
            ctx.redirect("/ui/detectors/" + Html.pathSegment(d.name()), HttpStatus.SEE_OTHER);
            return null;
        } catch (RuntimeException e) {
            FormFields.Rejection r = FormFields.Rejection.of(e);
            ctx.status(e instanceof NameTakenException ? 409 : 400);
            return form(v, r);
        }
    }

    String detail(Context ctx) {
        DetectorSpec d = workflow.detectors().get(ctx.pathParam("name"));
        String name = Html.pathSegment(d.name());
        String body = """
                <p><a href="/ui/detectors">← All detectors</a></p>
                <section class="card"><dl class="facts">
                <dt>Algorithm</dt><dd><code>%s</code> · %s</dd>
                <dt>Contamination</dt><dd>%s (threshold rule: %s)</dd>
                <dt>Parameters</dt><dd>%s</dd>
                <dt>Columns</dt><dd>%s</dd><dt>Excluded</dt><dd>%s</dd>
                <dt>Seed</dt><dd>%d</dd><dt>Description</dt><dd>%s</dd><dt>Created</dt><dd>%s</dd></dl>
                <div class="actions"><a class="button primary" href="/ui/runs?detector=%s">Run it on a dataset</a>
                <form method="post" action="/ui/detectors/%s/delete" class="confirm-form"
                 data-confirm="Delete detector %s? Runs made with it keep their results.">
                <button type="submit" class="danger">Delete detector</button></form></div></section>
                """.formatted(Html.escape(d.algorithm()), Html.escape(describe(d.algorithm())), contamination(d),
                Html.escape(d.thresholdRule()), parameters(d.parameters()),
                d.columns().isEmpty() ? "every column but the label" : Html.escape(String.join(", ", d.columns())),
                d.exclude().isEmpty() ? "—" : Html.escape(String.join(", ", d.exclude())), d.seed(),
                d.description() == null || d.description().isEmpty() ? "—" : Html.escape(d.description()),
                Html.time(DatasetPages.instant(d.createdAt())), name, name, Html.escape(d.name()));
        return Layout.page("Detector " + d.name(), "/ui/detectors", body, sessions.enabled());
    }

    String delete(Context ctx) {
        workflow.detectors().delete(ctx.pathParam("name"));
        ctx.redirect("/ui/detectors", HttpStatus.SEE_OTHER);
        return null;
    }

    private String form(FormValues v, FormFields.Rejection r) {
        StringBuilder algorithms = new StringBuilder();
        for (String a : registry.names()) {
            algorithms.append(FormFields.option(a, a + " — " + describe(a), a.equals(v.algorithm().strip())));
        }
        StringBuilder body = new StringBuilder(FormFields.summary("The detector was not saved", r));
        body.append("<form method=\"post\" action=\"/ui/detectors\" class=\"card monitor-form\" novalidate>")
                .append(FormFields.input("text", "name", "Name", v.name(), r,
                        " required maxlength=\"64\" spellcheck=\"false\" autocomplete=\"off\"",
                        "Letters, digits, _ and -; up to 64 characters, starting with a letter or digit."))
                .append(FormFields.select("algorithm", "Algorithm", algorithms.toString(), r,
                        "<code>./vigil detect algorithms</code> lists the same algorithms with their parameters."))
                .append(FormFields.input("text", "contamination", "Contamination", v.contamination(), r,
                        " inputmode=\"decimal\" spellcheck=\"false\"",
                        "The expected share of anomalies, greater than 0 and at most 0.5; or <code>auto</code> to "
                                + "learn the threshold from the scores' spread."))
                .append(FormFields.textarea("parameters", "Parameters (optional), one key=value per line",
                        v.parameters(), 4, r, "For example <code>trees=200</code>. Left empty, the algorithm's "
                                + "defaults are used."))
                .append(FormFields.input("text", "columns", "Only these columns (optional, comma-separated)",
                        v.columns(), r, " spellcheck=\"false\"", "Left empty, every column but the label is used."))
                .append(FormFields.input("text", "exclude", "Leave out these columns (optional, comma-separated)",
                        v.exclude(), r, " spellcheck=\"false\"", "Identifiers such as transaction_id."))
                .append(FormFields.textarea("description", "Description (optional)", v.description(), 2, r, null))
                .append("""
                        <div class="actions"><button type="submit" class="primary">Create detector</button>
                        <a class="button" href="/ui/detectors">Cancel</a></div></form>""");
        return Layout.page("New detector", "/ui/detectors", body.toString(), sessions.enabled());
    }

    private String describe(String algorithm) {
        return registry.contains(algorithm) ? registry.factory(algorithm).description() : "";
    }

    private static String contamination(DetectorSpec d) {
        return d.contamination() == null ? "auto" : Html.number(d.contamination());
    }

    static String parameters(Map<String, Object> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return "<span class=\"sub\">defaults</span>";
        }
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, val) -> out.append(out.length() == 0 ? "" : ", ").append("<code>")
                .append(Html.escape(k)).append('=').append(Html.escape(val)).append("</code>"));
        return out.toString();
    }

    private static List<String> names(String commaSeparated) {
        if (commaSeparated.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }
}
