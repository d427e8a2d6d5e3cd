package io.vigil.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.workflow.DatasetInfo;
import io.vigil.workflow.DetectorSpec;
import io.vigil.workflow.RunInfo;
import io.vigil.workflow.RunProgress;
import io.vigil.workflow.RunState;
import io.vigil.workflow.Workflow;
import java.util.List;

/**
 * {@code /ui/runs}: the start form (a detector and a dataset) above the list of runs, and a run's page: its live
 * progress, polled by htmx every second while it runs, with a Cancel button; once it has succeeded, the results
 * that {@link RunResultsSection} renders.
 */
final class RunPages {
    private final Workflow workflow;
    private final UiSessions sessions;
    private final RunResultsSection results;

    RunPages(Workflow workflow, UiSessions sessions, ObjectMapper json) {
        this.workflow = workflow;
        this.sessions = sessions;
        this.results = new RunResultsSection(workflow, json);
    }

    RunResultsSection results() {
        return results;
    }

    String list(Context ctx) {
        return listPage(ctx.queryParam("detector"), ctx.queryParam("dataset"), FormFields.Rejection.NONE);
    }

    String start(Context ctx) {
        String detector = ctx.formParam("detector");
        String dataset = ctx.formParam("dataset");
        try {
            RunInfo run = workflow.runs().start(detector, dataset);
            ctx.redirect("/ui/runs/" + Html.pathSegment(run.id()), HttpStatus.SEE_OTHER);
            return null;
        } catch (RuntimeException e) {
            FormFields.Rejection r = FormFields.Rejection.of(e);
            ctx.status(400);
            return listPage(detector, dataset, r);
        }
    }

    private String listPage(String detector, String dataset, FormFields.Rejection r) {
        List<DetectorSpec> detectors = workflow.detectors().list();
        List<DatasetInfo> datasets = workflow.datasets().list();
        StringBuilder body = new StringBuilder(FormFields.summary("The run was not started", r));
        body.append("<section class=\"card\"><h2>Start a run</h2>");
        if (detectors.isEmpty() || datasets.isEmpty()) {
            body.append("<p class=\"empty\">A run needs a detector and a dataset: ")
                    .append(detectors.isEmpty() ? "<a href=\"/ui/detectors/new\">create a detector</a>" : "")
                    .append(detectors.isEmpty() && datasets.isEmpty() ? " and " : "")
                    .append(datasets.isEmpty() ? "<a href=\"/ui/datasets\">upload a dataset</a>" : "")
                    .append(" first.</p>");
        } else {
            StringBuilder detectorOptions = new StringBuilder();
            for (DetectorSpec d : detectors) {
                detectorOptions.append(FormFields.option(d.name(), d.name() + " (" + d.algorithm() + ")",
                        d.name().equals(detector)));
            }
            StringBuilder datasetOptions = new StringBuilder();
            for (DatasetInfo d : datasets) {
                datasetOptions.append(FormFields.option(d.id(), d.name() + " (" + d.rows() + " rows"
                        + (d.labelColumn() == null ? "" : ", labelled") + ")", d.id().equals(dataset)));
            }
            body.append("<form method=\"post\" action=\"/ui/runs\" class=\"inline-form\" id=\"start-run\">")
                    .append(FormFields.select("detector", "Detector", detectorOptions.toString(), r, null))
                    .append(FormFields.select("dataset", "Dataset", datasetOptions.toString(), r, null))
                    .append("<div class=\"field\"><button type=\"submit\" class=\"primary\">Start run</button>")
                    .append("</div></form>");
        }
        body.append("</section>").append(runsCard());
        return Layout.page("Runs", "/ui/runs", body.toString(), sessions.enabled());
    }

    /** The runs table alone, for its own polling while runs are active. */
    String tableFragment(Context ctx) {
        return runsCard();
    }

    private String runsCard() {
        List<RunInfo> runs = workflow.runs().list();
        boolean active = runs.stream().anyMatch(run -> !run.state().finished());
        StringBuilder body = new StringBuilder("<section class=\"card\" id=\"runs-card\"");
        if (active) {
            // While a run is queued or running the table refreshes itself; once all have finished it stops.
            body.append(" hx-get=\"/ui/runs-table\" hx-trigger=\"every 2s\" hx-swap=\"outerHTML\"");
        }
        body.append("><h2>Runs</h2>");
        if (runs.isEmpty()) {
            body.append("<p class=\"empty\">No runs yet.</p>");
        } else {
            body.append("""
                    <div class="table-wrap"><table id="runs"><thead><tr><th scope="col">Run</th>
                    <th scope="col">Detector</th><th scope="col">Dataset</th><th scope="col">State</th>
                    <th scope="col">Anomalies</th><th scope="col">Created</th></tr></thead><tbody>""");
            for (RunInfo run : runs) {
                body.append("<tr><td><a href=\"/ui/runs/").append(Html.pathSegment(run.id())).append("\">")
                        .append(Html.escape(run.id())).append("</a></td><td>").append(Html.escape(run.detector()))
                        .append(" <span class=\"sub\">").append(Html.escape(run.algorithm())).append("</span></td><td>")
                        .append(Html.escape(run.dataset())).append("</td><td>").append(state(run))
                        .append(run.state().finished() ? "" : " " + Html.number(run.progress().percent()) + " %")
                        .append("</td><td class=\"value\">")
                        .append(run.summary() == null ? "—"
                                : run.summary().anomalies() + " of " + run.summary().rows())
                        .append("</td><td>").append(Html.time(DatasetPages.instant(run.createdAt())))
                        .append("</td></tr>");
            }
            body.append("</tbody></table></div>");
        }
        return body.append("</section>").toString();
    }

    String page(Context ctx) {
        RunInfo run = workflow.runs().get(ctx.pathParam("id"));
        StringBuilder body = new StringBuilder("<p><a href=\"/ui/runs\">← All runs</a></p>");
        body.append("""
                <section class="card"><dl class="facts">
                <dt>Detector</dt><dd><a href="/ui/detectors/%s">%s</a> <span class="sub">%s</span></dd>
                <dt>Dataset</dt><dd><a href="/ui/datasets/%s">%s</a></dd>
                <dt>Created</dt><dd>%s</dd></dl>
                """.formatted(Html.pathSegment(run.detector()), Html.escape(run.detector()),
                Html.escape(run.algorithm()), Html.pathSegment(run.dataset()), Html.escape(run.dataset()),
                Html.time(DatasetPages.instant(run.createdAt()))));
        body.append(progress(run)).append("</section>");
        if (run.state() == RunState.SUCCEEDED) {
            body.append(results.render(run));
        }
        return Layout.page("Run " + run.id(), "/ui/runs", body.toString(), sessions.enabled());
    }

    /**
     * The progress block alone, for htmx's polling. When the run has finished since the page was drawn, the page
     * reloads so that the results (or the reason it failed) replace the progress bar.
     */
    String progressFragment(Context ctx) {
        RunInfo run = workflow.runs().get(ctx.pathParam("id"));
        if (run.state().finished()) {
            ctx.header("HX-Refresh", "true");
        }
        return progress(run);
    }

    String cancel(Context ctx) {
        RunInfo run = workflow.runs().cancel(ctx.pathParam("id"));
        ctx.redirect("/ui/runs/" + Html.pathSegment(run.id()), HttpStatus.SEE_OTHER);
        return null;
    }

    private static String progress(RunInfo run) {
        RunProgress p = run.progress();
        String id = Html.pathSegment(run.id());
        boolean live = !run.state().finished();
        StringBuilder out = new StringBuilder("<div id=\"run-progress\" class=\"run-progress\"");
        if (live) {
            out.append(" hx-get=\"/ui/runs/").append(id).append("/progress\" hx-trigger=\"every 1s\"")
                    .append(" hx-swap=\"outerHTML\"");
        }
        out.append(" data-state=\"").append(Html.escape(run.state().jsonName())).append("\">");
        out.append("<p>").append(state(run)).append(" <span id=\"run-phase\">").append(Html.escape(p.phase()))
                .append("</span>");
        if (p.rowsTotal() > 0) {
            out.append(" · <span id=\"run-rows\">").append(p.rowsDone()).append(" of ").append(p.rowsTotal())
                    .append(" rows</span>");
        }
        out.append(" · <span id=\"run-percent\">").append(Html.number(p.percent())).append(" %</span></p>");
        out.append("<progress max=\"100\" value=\"").append(Html.number(p.percent()))
                .append("\" aria-labelledby=\"run-percent\"></progress>");
        if (run.message() != null) {
            out.append(run.state() == RunState.FAILED ? Html.errorBox("The run failed: " + run.message())
                    : "<p class=\"sub\">" + Html.escape(run.message()) + "</p>");
        }
        if (live) {
            out.append("<form method=\"post\" action=\"/ui/runs/").append(id).append("/cancel\">")
                    .append("<button type=\"submit\" class=\"danger\" id=\"cancel-run\">Cancel run</button></form>");
        }
        return out.append("</div>").toString();
    }

    /** The state as a badge, in words. */
    static String state(RunInfo run) {
        String css = switch (run.state()) {
            case SUCCEEDED -> "ok";
            case FAILED -> "alert";
            case CANCELLED -> "muted";
            default -> "warn";
        };
        return "<span class=\"badge " + css + "\" data-state=\"" + run.state().jsonName() + "\">"
                + Html.escape(run.state().jsonName()) + "</span>";
    }
}
