package io.vigil.server.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.vigil.monitor.MonitorSystem;
import io.vigil.server.AnomalyService;
import io.vigil.server.ErrorMapper;
import io.vigil.server.ServerMetrics;
import io.vigil.server.StreamService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Registers the web UI: pages (full HTML), fragments (htmx swaps) and chart data (JSON), each wrapped so that a
 * missing session sends the browser to the login page and an error from a service reaches the user in words:
 * an error page, an error box in the swapped fragment, or a JSON error the chart script shows.
 */
public final class WebUi {
    /** What a UI handler returns: the HTML (or JSON text) to send, or null when it answered itself (redirects). */
    @FunctionalInterface
    interface Renderer {
        String render(Context ctx) throws Exception;
    }

    private enum Kind { PAGE, FRAGMENT, JSON }

    private final UiSessions sessions;
    private final ObjectMapper json;
    private final ServerMetrics metrics;
    private final HomePage home;
    private final ModelPages models;
    private final MonitorListPage monitorList;
    private final MonitorFormPage monitorForm;
    private final MonitorDetailPage monitorDetail;
    private final MonitorActionsSection monitorActions;
    private final StreamPages streams;
    private final TrafficPage traffic;
    private final DatasetPages datasets;
    private final DetectorPages detectors;
    private final RunPages runs;
    private final ComparePage compare;
    private final LogAnomalyPages logAnomalies;

    /**
     * @param json the mapper the REST API writes its responses with, so the UI's JSON (chart data, errors, a
     *             monitor's definition in the form) is written exactly as the API writes it, to the digits of a double
     */
    public WebUi(AnomalyService anomaly, StreamService streamService, MonitorSystem monitorSystem, UiSessions sessions,
                 java.time.Clock clock,
                 ServerMetrics metrics, io.vigil.workflow.Workflow workflow, ObjectMapper json) {
        this.sessions = sessions;
        this.json = json;
        this.metrics = metrics;
        this.home = new HomePage(anomaly, streamService, monitorSystem, workflow, sessions);
        this.models = new ModelPages(anomaly, sessions);
        this.monitorList = new MonitorListPage(monitorSystem, sessions);
        this.monitorForm = new MonitorFormPage(monitorSystem, sessions, json);
        this.monitorActions = new MonitorActionsSection(monitorSystem);
        this.monitorDetail = new MonitorDetailPage(monitorSystem, sessions, clock, json, monitorActions);
        this.streams = new StreamPages(streamService, sessions, json);
        this.traffic = new TrafficPage(monitorSystem, sessions, clock);
        this.datasets = new DatasetPages(workflow, sessions);
        this.detectors = new DetectorPages(workflow, anomaly.registry(), sessions);
        this.runs = new RunPages(workflow, sessions, json);
        this.compare = new ComparePage(workflow, sessions);
        this.logAnomalies = new LogAnomalyPages(monitorSystem.logs(), sessions);
    }

    /** Adds the UI's routes and its static files (our CSS and script, and the webjars) to the server. */
    public void install(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/ui/assets";
            files.directory = "/io/vigil/server/ui/assets";
            files.location = Location.CLASSPATH;
        });
        cfg.routes.get("/ui/login", open("GET", "/ui/login", this::loginPage));
        cfg.routes.post("/ui/login", open("POST", "/ui/login", this::logIn));
        cfg.routes.post("/ui/logout", open("POST", "/ui/logout", ctx -> {
            sessions.logOut(ctx);
            ctx.redirect("/ui/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        }));
        get(cfg, Kind.PAGE, "/", home::render);
        get(cfg, Kind.PAGE, "/ui/models", models::list);
        get(cfg, Kind.PAGE, "/ui/models/{name}", models::detail);
        get(cfg, Kind.PAGE, "/ui/monitors", monitorList::page);
        // Literal paths first: /ui/monitors/{id} would otherwise take "new" or "table" for an id.
        get(cfg, Kind.FRAGMENT, "/ui/monitors/table", monitorList::table);
        get(cfg, Kind.FRAGMENT, "/ui/monitors/name-check", monitorForm::nameCheck);
        get(cfg, Kind.FRAGMENT, "/ui/schedules/describe", monitorForm::describeSchedule);
        get(cfg, Kind.PAGE, "/ui/monitors/new", monitorForm::newForm);
        post(cfg, Kind.PAGE, "/ui/monitors", monitorForm::create);
        get(cfg, Kind.PAGE, "/ui/monitors/{id}", monitorDetail::page);
        get(cfg, Kind.PAGE, "/ui/monitors/{id}/edit", monitorForm::editForm);
        post(cfg, Kind.PAGE, "/ui/monitors/{id}", monitorForm::update);
        post(cfg, Kind.FRAGMENT, "/ui/monitors/{id}/status", monitorList::toggle);
        get(cfg, Kind.JSON, "/ui/monitors/{id}/conditions/{index}/series.json", monitorDetail::series);
        post(cfg, Kind.FRAGMENT, "/ui/monitors/{id}/backtest", monitorDetail::backtest);
        post(cfg, Kind.FRAGMENT, "/ui/monitors/{id}/test-actions", monitorActions::test);
        get(cfg, Kind.PAGE, "/ui/traffic", traffic::page);
        get(cfg, Kind.PAGE, "/ui/streams", streams::list);
        get(cfg, Kind.PAGE, "/ui/streams/{name}", streams::detail);
        get(cfg, Kind.JSON, "/ui/streams/{name}/recent.json", streams::recent);
        get(cfg, Kind.PAGE, "/ui/datasets", datasets::list);
        post(cfg, Kind.PAGE, "/ui/datasets", datasets::upload);
        get(cfg, Kind.PAGE, "/ui/datasets/{id}", datasets::detail);
        post(cfg, Kind.PAGE, "/ui/datasets/{id}/delete", datasets::delete);
        get(cfg, Kind.PAGE, "/ui/detectors", detectors::list);
        get(cfg, Kind.PAGE, "/ui/detectors/new", detectors::newForm);
        post(cfg, Kind.PAGE, "/ui/detectors", detectors::create);
        get(cfg, Kind.PAGE, "/ui/detectors/{name}", detectors::detail);
        post(cfg, Kind.PAGE, "/ui/detectors/{name}/delete", detectors::delete);
        get(cfg, Kind.PAGE, "/ui/runs", runs::list);
        get(cfg, Kind.FRAGMENT, "/ui/runs-table", runs::tableFragment);
        post(cfg, Kind.PAGE, "/ui/runs", runs::start);
        get(cfg, Kind.PAGE, "/ui/runs/{id}", runs::page);
        get(cfg, Kind.FRAGMENT, "/ui/runs/{id}/progress", runs::progressFragment);
        post(cfg, Kind.PAGE, "/ui/runs/{id}/cancel", runs::cancel);
        get(cfg, Kind.FRAGMENT, "/ui/runs/{id}/flagged", runs.results()::flagged);
        get(cfg, Kind.JSON, "/ui/runs/{id}/charts.json", runs.results()::chartsJson);
        get(cfg, Kind.PAGE, "/ui/runs/{id}/results.csv", runs.results()::csv);
        get(cfg, Kind.PAGE, "/ui/compare", compare::page);
        post(cfg, Kind.PAGE, "/ui/compare", compare::compare);
        get(cfg, Kind.PAGE, "/ui/log-anomalies", logAnomalies::list);
        get(cfg, Kind.FRAGMENT, "/ui/log-anomalies/{id}/entries", logAnomalies::entries);
    }

    private void get(JavalinConfig cfg, Kind kind, String path, Renderer r) {
        cfg.routes.get(path, guarded(kind, "GET", path, r));
    }

    private void post(JavalinConfig cfg, Kind kind, String path, Renderer r) {
        cfg.routes.post(path, guarded(kind, "POST", path, r));
    }

    /** A route that needs a session when the server has a key. */
    private Handler guarded(Kind kind, String method, String path, Renderer r) {
        return ctx -> {
            long t0 = System.nanoTime();
            try {
                if (crossSite(ctx)) {
                    refuseCrossSite(ctx);
                } else if (!sessions.signedIn(ctx)) {
                    refuse(ctx, kind);
                } else {
                    send(ctx, kind, r.render(ctx));
                }
            } catch (Exception e) {
                fail(ctx, kind, e);
            } finally {
                metrics.request(method, path, ctx.statusCode(), System.nanoTime() - t0);
            }
        };
    }

    /** A route open to anyone: the login page itself. */
    private Handler open(String method, String path, Renderer r) {
        return ctx -> {
            long t0 = System.nanoTime();
            try {
                if (crossSite(ctx)) {
                    refuseCrossSite(ctx);
                } else {
                    send(ctx, Kind.PAGE, r.render(ctx));
                }
            } catch (Exception e) {
                fail(ctx, Kind.PAGE, e);
            } finally {
                metrics.request(method, path, ctx.statusCode(), System.nanoTime() - t0);
            }
        };
    }

    private static void send(Context ctx, Kind kind, String out) {
        if (out == null) {
            return;
        }
        if (kind == Kind.JSON) {
            ctx.contentType("application/json").result(out);
        } else {
            ctx.html(out);
        }
    }

    /**
     * A POST sent by another site's page. Without an API key there is no session cookie to withhold, so browsers'
     * own word (Sec-Fetch-Site, Origin) is what keeps a page elsewhere from changing monitors on this server.
     */
    static boolean crossSite(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return false;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = ctx.header("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        String host = ctx.header("Host");
        int scheme = origin.indexOf("://");
        return host == null || scheme < 0 || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }

    private static void refuseCrossSite(Context ctx) {
        ctx.status(403).html(Html.errorBox("this form was sent from another site; open the page on this server "
                + "and send it from there"));
    }

    private void refuse(Context ctx, Kind kind) throws Exception {
        String message = "your session has ended; log in again with the server's API key";
        switch (kind) {
            case PAGE -> {
                // The query string is part of where the user was going (a run's results page, a chosen tab).
                String query = ctx.queryString();
                String back = query == null || query.isEmpty() ? ctx.path() : ctx.path() + "?" + query;
                ctx.redirect("/ui/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8),
                        io.javalin.http.HttpStatus.SEE_OTHER);
            }
            case FRAGMENT -> {
                ctx.header("HX-Redirect", "/ui/login");
                ctx.status(401).html(Html.errorBox(message));
            }
            case JSON -> ctx.status(401).contentType("application/json").result(json.writeValueAsString(
                    new ErrorMapper.ApiError(401, "authentication_error", message, null).body()));
        }
    }

    private void fail(Context ctx, Kind kind, Exception e) throws Exception {
        ErrorMapper.ApiError error = ErrorMapper.map(e);
        ctx.status(error.status());
        switch (kind) {
            case PAGE -> ctx.html(Layout.page(error.status() == 404 ? "Not found" : "Something went wrong", "",
                    Html.errorBox(error.message()) + "<p><a href=\"/\">Back to the home page</a></p>",
                    sessions.enabled()));
            case FRAGMENT -> ctx.html(Html.errorBox(error.message()));
            case JSON -> ctx.contentType("application/json").result(json.writeValueAsString(error.body()));
        }
    }

    private String loginPage(Context ctx) {
        if (!sessions.enabled()) {
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        }
        return loginForm(ctx.queryParam("next"), null);
    }

    private String logIn(Context ctx) {
        if (!sessions.enabled()) {
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        }
        String next = ctx.formParam("next");
        if (sessions.logIn(ctx, ctx.formParam("api_key"))) {
            ctx.redirect(safeNext(next), io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        }
        ctx.status(401);
        return loginForm(next, "That is not the server's API key: enter the key the server was started with "
                + "(VIGIL_API_KEY).");
    }

    private static String loginForm(String next, String error) {
        String body = (error == null ? "" : Html.errorBox(error)) + """
                <form method="post" action="/ui/login" class="card narrow">
                <p>This server asks for its API key. Enter it once; this browser then stays signed in for 12 hours.</p>
                <label for="api_key">API key</label>
                <input type="password" id="api_key" name="api_key" required autocomplete="current-password" autofocus>
                <input type="hidden" name="next" value="%s">
                <button type="submit" class="primary">Log in</button>
                </form>
                """.formatted(Html.escape(safeNext(next)));
        return Layout.page("Log in", null, body, false);
    }

    /**
     * Only a path on this server: never another site ("//host", "https://...", or "/\t/host", which browsers
     * read as "//host" once they drop the tab) after logging in.
     */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/ui/login")) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return "/";
            }
        }
        return next;
    }
}
