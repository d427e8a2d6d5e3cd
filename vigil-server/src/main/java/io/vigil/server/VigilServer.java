package io.vigil.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.score.Version;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A running Vigil server: Javalin over {@link AnomalyService}, plus {@code /healthz}, {@code /metrics} and
 * {@code /openapi.json}. {@link #stop()} drains: new requests get 503 while those in flight finish, then Jetty
 * stops. Model files are written atomically, so stopping at any moment leaves no half-written file.
 */
public final class VigilServer implements AutoCloseable {
    /** A registered route, as the OpenAPI document must list it. */
    public record Route(String method, String path) {
    }

    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final ServerConfig config;
    private final AnomalyService service;
    private final StreamService streams;
    private final io.vigil.monitor.MonitorSystem monitors;
    private final io.vigil.workflow.Workflow workflow;
    private final java.util.concurrent.ScheduledExecutorService monitorTicks =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vigil-monitor-scheduler");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.ScheduledExecutorService snapshots =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vigil-stream-snapshots");
                t.setDaemon(true);
                return t;
            });
    private final ServerMetrics metrics = new ServerMetrics();
    private final List<Route> routes = new ArrayList<>();
    private final byte[] openApi;
    private final BearerAuth auth;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private boolean monitorsClosed;
    private Javalin app;

    private VigilServer(ServerConfig config) throws IOException {
        this.config = config;
        // One registry of detector names for the REST API, saved models, workflow runs and the web UI.
        DetectorRegistry registry = DetectorRegistry.standard();
        ModelStore store = new ModelStore(config.modelsDir(), registry);
        this.service = new AnomalyService(registry, store, config.clock(), metrics);
        this.streams = new StreamService(io.vigil.core.stream.StreamRegistry.standard(),
                config.dataDir().resolve("streams"));
        this.monitors = io.vigil.monitor.MonitorSystem.open(config.dataDir(), config.trafficRetention(),
                config.mail(), io.vigil.monitor.action.RetryPolicy.DEFAULT, config.logs(), config.clock());
        this.workflow = io.vigil.workflow.Workflow.open(config.dataDir(), config.clock(), registry);
        this.auth = config.apiKey() == null ? null : new BearerAuth(config.apiKey());
        try (InputStream in = VigilServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the server's resources");
            }
            this.openApi = in.readAllBytes();
        }
    }

    /**
     * Starts a server.
     *
     * @throws InsecureBindingException when the binding would expose the API without a key
     */
    public static VigilServer start(ServerConfig config) throws IOException {
        config.checkBinding();
        VigilServer server = new VigilServer(config);
        server.app = Javalin.create(server::configure);
        server.app.start();
        // Streams learn from every observation; a snapshot each minute bounds what a crash can lose.
        server.snapshots.scheduleWithFixedDelay(server.streams::snapshotAll, 60, 60,
                java.util.concurrent.TimeUnit.SECONDS);
        // Runs execute on the ticking thread, so monitors get a thread of their own, apart from stream snapshots.
        server.monitors.scheduler().start(server.monitorTicks);
        return server;
    }

    private void configure(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jetty.host = config.host();
        cfg.jetty.port = config.port();
        cfg.http.maxRequestSize = config.maxBodyBytes();
        cfg.jetty.modifyServer(server -> server.setStopTimeout(DRAIN_TIMEOUT.toMillis()));
        cfg.routes.before(this::admit);
        cfg.routes.after(this::release);
        cfg.routes.exception(Exception.class, (e, ctx) -> writeError(ctx, e));
        cfg.http.prefer405over404 = true;
        // Javalin answers unmatched routes in plain text; errors the handlers wrote are JSON (or UI HTML) already.
        cfg.routes.error(404, ctx -> {
            if (!isJson(ctx) && !isHtml(ctx)) {
                writeError(ctx, new ModelNotFoundException(null, "no route " + ctx.method() + " " + ctx.path()
                        + "; see GET /openapi.json for the API"));
            }
        });
        cfg.routes.error(405, ctx -> {
            if (!isJson(ctx) && !isHtml(ctx)) {
                write(ctx, new ErrorMapper.ApiError(405, "invalid_request_error", "method " + ctx.method()
                        + " is not allowed on " + ctx.path() + "; see GET /openapi.json", null));
            }
        });
        AnomalyRoutes api = new AnomalyRoutes(service, config.maxBodyBytes());
        route(cfg, "POST", "/v1/anomaly/fit", api::fit);
        route(cfg, "POST", "/v1/anomaly/score", api::score);
        route(cfg, "POST", "/v1/anomaly/detect", api::detect);
        route(cfg, "POST", "/v1/anomaly/save", api::save);
        route(cfg, "POST", "/v1/anomaly/load", api::load);
        route(cfg, "GET", "/v1/anomaly/models", api::list);
        route(cfg, "GET", "/v1/anomaly/models/{name}", api::describe);
        route(cfg, "DELETE", "/v1/anomaly/models/{name}", api::delete);
        StreamRoutes stream = new StreamRoutes(streams, config.maxBodyBytes());
        route(cfg, "GET", "/v1/stream", stream::list);
        route(cfg, "PUT", "/v1/stream/{name}", stream::put);
        route(cfg, "GET", "/v1/stream/{name}", stream::get);
        route(cfg, "GET", "/v1/stream/{name}/recent", stream::recent);
        route(cfg, "DELETE", "/v1/stream/{name}", stream::delete);
        route(cfg, "POST", "/v1/stream/{name}/observe", stream::observe);
        MonitorRoutes monitor = new MonitorRoutes(monitors, config.maxBodyBytes());
        route(cfg, "POST", "/v1/traffic", monitor::ingest);
        route(cfg, "GET", "/v1/traffic/environments", monitor::environments);
        route(cfg, "GET", "/v1/traffic/summary", monitor::trafficSummary);
        route(cfg, "POST", "/v1/monitors", monitor::create);
        route(cfg, "GET", "/v1/monitors", monitor::search);
        // Registered before /v1/monitors/{id}, which would otherwise take "name-availability" for an id.
        route(cfg, "GET", "/v1/monitors/name-availability", monitor::nameAvailability);
        route(cfg, "GET", "/v1/monitors/{id}", monitor::get);
        route(cfg, "PUT", "/v1/monitors/{id}", monitor::update);
        route(cfg, "DELETE", "/v1/monitors/{id}", monitor::delete);
        route(cfg, "POST", "/v1/monitors/{id}/status", monitor::setStatus);
        route(cfg, "GET", "/v1/monitors/{id}/runs", monitor::runs);
        route(cfg, "GET", "/v1/monitors/{id}/conditions/{index}/series", monitor::series);
        route(cfg, "POST", "/v1/monitors/{id}/backtest", monitor::backtest);
        route(cfg, "POST", "/v1/monitors/{id}/actions/test", monitor::testActions);
        route(cfg, "GET", "/v1/schedules/describe", monitor::describeSchedule);
        WorkflowRoutes wf = new WorkflowRoutes(workflow, config.maxBodyBytes());
        route(cfg, "POST", "/v1/datasets", wf::importDataset);
        route(cfg, "POST", "/v1/datasets/samples", wf::createSample);
        route(cfg, "GET", "/v1/datasets", wf::listDatasets);
        route(cfg, "GET", "/v1/datasets/{id}", wf::getDataset);
        route(cfg, "GET", "/v1/datasets/{id}/preview", wf::previewDataset);
        route(cfg, "GET", "/v1/datasets/{id}/stats", wf::datasetStats);
        route(cfg, "DELETE", "/v1/datasets/{id}", wf::deleteDataset);
        route(cfg, "POST", "/v1/detectors", wf::createDetector);
        route(cfg, "GET", "/v1/detectors", wf::listDetectors);
        route(cfg, "GET", "/v1/detectors/{name}", wf::getDetector);
        route(cfg, "DELETE", "/v1/detectors/{name}", wf::deleteDetector);
        route(cfg, "POST", "/v1/runs", wf::startRun);
        route(cfg, "GET", "/v1/runs", wf::listRuns);
        route(cfg, "GET", "/v1/runs/{id}", wf::getRun);
        route(cfg, "POST", "/v1/runs/{id}/cancel", wf::cancelRun);
        route(cfg, "GET", "/v1/runs/{id}/results", wf::results);
        route(cfg, "GET", "/v1/runs/{id}/results.csv", wf::resultsCsv);
        route(cfg, "GET", "/v1/runs/{id}/charts", wf::charts);
        route(cfg, "POST", "/v1/compare", wf::compare);
        LogRoutes logs = new LogRoutes(monitors.logs(), config.maxBodyBytes());
        route(cfg, "POST", "/v1/logs", logs::ingest);
        route(cfg, "GET", "/v1/logs", logs::list);
        route(cfg, "GET", "/v1/log-anomalies", logs::anomalies);
        route(cfg, "GET", "/v1/log-anomalies/{id}", logs::anomaly);
        route(cfg, "GET", "/healthz", this::health);
        route(cfg, "GET", "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
        route(cfg, "GET", "/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        // The web UI is not API: its routes stay out of routes() and openapi.json, and /v1 keeps the bearer check.
        new io.vigil.server.ui.WebUi(service, streams, monitors, new io.vigil.server.ui.UiSessions(auth,
                config.clock()), config.clock(), metrics, workflow, ResponseWriter.JSON).install(cfg);
    }

    /** The web UI's error pages are HTML already; they keep their words. */
    private static boolean isHtml(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("text/html");
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    /** Registers a route wrapped with in-flight tracking, metrics and the error mapper. */
    private void route(JavalinConfig cfg, String method, String path, Handler handler) {
        routes.add(new Route(method, path));
        Handler wrapped = ctx -> {
            long t0 = System.nanoTime();
            try {
                handler.handle(ctx);
            } catch (Exception e) {
                writeError(ctx, e);
            } finally {
                metrics.request(method, path, ctx.statusCode(), System.nanoTime() - t0);
            }
        };
        switch (method) {
            case "GET" -> cfg.routes.get(path, wrapped);
            case "POST" -> cfg.routes.post(path, wrapped);
            case "DELETE" -> cfg.routes.delete(path, wrapped);
            case "PUT" -> cfg.routes.put(path, wrapped);
            default -> throw new IllegalArgumentException(method);
        }
    }

    /** Counts the request in (or refuses it while draining) and checks the API key on /v1. */
    private void admit(Context ctx) {
        if (draining) {
            throw new ServiceUnavailableException("the server is shutting down");
        }
        inFlight.incrementAndGet();
        ctx.attribute("vigil.counted", Boolean.TRUE);
        if (auth != null && ctx.path().startsWith("/v1/")) {
            auth.check(ctx.header("Authorization"));
        }
    }

    private void health(Context ctx) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("version", Version.current());
        out.put("models_loaded", service.loadedCount());
        out.put("backends", List.copyOf(service.registry().names()));
        ResponseWriter.json(ctx, 200, out);
    }

    private static void writeError(Context ctx, Throwable e) {
        write(ctx, ErrorMapper.map(e));
    }

    private static void write(Context ctx, ErrorMapper.ApiError error) {
        if (error.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            ResponseWriter.json(ctx, error.status(), error.body());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    /** Called once per request after its handler: the drain waits for this count to reach zero. */
    private void release(Context ctx) {
        if (ctx.attribute("vigil.counted") != null && inFlight.decrementAndGet() == 0 && draining) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public ServerConfig config() {
        return config;
    }

    public StreamService streams() {
        return streams;
    }

    public io.vigil.workflow.Workflow workflow() {
        return workflow;
    }

    public AnomalyService service() {
        return service;
    }

    /** The traffic store, monitors and their scheduler this server serves. */
    public io.vigil.monitor.MonitorSystem monitors() {
        return monitors;
    }

    /** Every route the server answers, in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Stops taking requests, waits up to 30 s for those in flight, then stops Jetty. Idempotent. */
    public synchronized void stop() {
        draining = true;
        lock.lock();
        try {
            long left = DRAIN_TIMEOUT.toNanos();
            while (inFlight.get() > 0 && left > 0) {
                left = idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        app.stop();
        snapshots.shutdownNow();
        streams.snapshotAll();
        if (!monitorsClosed) {
            monitorsClosed = true;
            monitors.close();
            monitorTicks.shutdownNow();
            workflow.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Requests admitted and not yet finished. */
    int inFlight() {
        return inFlight.get();
    }
}
