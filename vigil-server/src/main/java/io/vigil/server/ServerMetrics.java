package io.vigil.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's Prometheus metrics: {@code vigil_http_requests_seconds} (count, sum and max per method, route
 * template and status), {@code vigil_models_loaded}, {@code vigil_rows_scored_total} and
 * {@code vigil_rows_fitted_total}.
 */
public final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rowsScored;
    /** Timers by "method route status": building one through the registry on every request costs a lookup chain. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ServerMetrics() {
        rowsScored = Counter.builder("vigil.rows.scored").description("Rows scored by score and detect requests")
                .register(registry);
    }

    void gaugeModelsLoaded(Map<String, ?> models) {
        Gauge.builder("vigil.models.loaded", models, Map::size).description("Models held in memory")
                .register(registry);
    }

    public void request(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(method + " " + route + " " + status, k -> Timer.builder("vigil.http.requests")
                .description("HTTP requests by route").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void scored(int rows) {
        rowsScored.increment(rows);
    }

    public void fitted(String backend, int rows) {
        Counter.builder("vigil.rows.fitted").description("Rows models were fitted on").tag("backend", backend)
                .register(registry).increment(rows);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
