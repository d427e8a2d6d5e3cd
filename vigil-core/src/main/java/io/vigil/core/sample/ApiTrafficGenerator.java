package io.vigil.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The access log of a shop's API gateway: requests to ten endpoints of six services, arriving as a Poisson process
 * whose rate follows the day. Each endpoint has its own method, log-normal response time and payload sizes (a
 * product list is large, a login small; only writes carry bodies); a few percent of requests fail with 4xx, a
 * handful with 5xx.
 *
 * <p>Incidents last one to thirty consecutive requests and hit one service: latency bursts (five to thirty times
 * slower, some timing out with 504), 5xx storms (failing fast or hanging, with tiny error bodies), oversized
 * uploads (megabytes on write endpoints, some refused with 413), and probes of endpoints that do not exist or are
 * not public (answered 401, 403 or 404 in a few milliseconds).
 */
final class ApiTrafficGenerator implements SampleGenerator {
    private static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    /** Mean requests per second over a day. */
    private static final double MEAN_RATE = 2.0;
    private static final double[] HOUR_RATE = {0.35, 0.25, 0.2, 0.2, 0.25, 0.4, 0.7, 1.0, 1.3, 1.4, 1.45, 1.5,
        1.6, 1.55, 1.45, 1.4, 1.4, 1.45, 1.5, 1.5, 1.3, 1.0, 0.7, 0.5};
    private static final String[] REGIONS = {"us-east", "us-west", "eu-west", "eu-central", "ap-southeast",
        "sa-east"};
    private static final double[] REGION_WEIGHTS = {30, 20, 20, 12, 12, 6};

    /** An endpoint and its habits: median response time (ms), its spread, body sizes (bytes). */
    private record Endpoint(String api, String method, String path, double medianMillis, double sigma,
                            double requestBytes, double responseBytes, int okStatus) {
    }

    private static final Endpoint[] ENDPOINTS = {
        new Endpoint("catalog", "GET", "/v1/catalog/products", 45, 0.4, 0, 24_000, 200),
        new Endpoint("catalog", "GET", "/v1/catalog/products/{id}", 18, 0.35, 0, 3_500, 200),
        new Endpoint("search", "GET", "/v1/search", 120, 0.5, 0, 15_000, 200),
        new Endpoint("users", "GET", "/v1/users/{id}", 12, 0.3, 0, 1_200, 200),
        new Endpoint("users", "POST", "/v1/users/login", 85, 0.3, 600, 900, 200),
        new Endpoint("orders", "POST", "/v1/orders", 180, 0.4, 2_500, 1_500, 201),
        new Endpoint("orders", "GET", "/v1/orders/{id}", 25, 0.35, 0, 2_200, 200),
        new Endpoint("payments", "POST", "/v1/payments", 350, 0.35, 1_800, 800, 201),
        new Endpoint("payments", "GET", "/v1/payments/{id}", 30, 0.3, 0, 700, 200),
        new Endpoint("cart", "PUT", "/v1/cart", 35, 0.3, 1_200, 2_000, 200),
    };
    private static final double[] ENDPOINT_WEIGHTS = {20, 25, 15, 8, 6, 5, 8, 4, 3, 6};
    /** Write endpoints, where oversized uploads land. */
    private static final int[] WRITES = {4, 5, 7, 9};
    /** What scanners and misconfigured clients ask for. */
    private static final String[][] PROBES = {{"GET", "/.env"}, {"GET", "/internal/debug/vars"},
        {"GET", "/v1/admin/export"}, {"GET", "/v1/users/export"}, {"DELETE", "/v1/orders"}};
    private static final int LATENCY = 0;
    private static final int STORM = 1;
    private static final int OVERSIZED = 2;
    private static final int PROBE = 3;

    private record Request(String api, String method, String path, int status, double millis, long requestBytes,
                           long responseBytes) {
    }

    @Override
    public List<String> columns() {
        return List.of("timestamp", "api", "method", "endpoint", "status_code", "response_time_ms", "request_bytes",
                "response_bytes", "client_region", "label");
    }

    @Override
    public void write(SampleSpec spec, Writer out) throws IOException {
        Draws d = new Draws(spec.seed());
        CsvLine line = new CsvLine();
        double clockMillis = 0;
        for (int done = 0; done < spec.rows(); ) {
            int n = Math.min(BLOCK_ROWS, spec.rows() - done);
            int incidents = (int) (spec.anomaliesBefore(done + n) - spec.anomaliesBefore(done));
            AnomalyPlan plan = AnomalyPlan.place(d.random(), n, 1, incidents, 1, 30);
            int[] type = new int[n + 1];
            int[] target = new int[n + 1];
            for (int i = 0; i < n; i++) {
                int hour = (int) (clockMillis / 3_600_000L % 24);
                clockMillis += -Math.log(1 - d.uniform()) * 1000 / (MEAN_RATE * HOUR_RATE[hour]);
                int run = plan.run(i);
                if (run != 0 && plan.step(i) == 0) {
                    type[run] = d.integer(4);
                    target[run] = type[run] == OVERSIZED ? WRITES[d.integer(WRITES.length)]
                            : d.weighted(ENDPOINT_WEIGHTS);
                }
                Request r = run == 0 ? normal(d, ENDPOINTS[d.weighted(ENDPOINT_WEIGHTS)])
                        : incident(d, type[run], ENDPOINTS[target[run]]);
                line.timestamp(START_MILLIS + (long) clockMillis, true)
                        .text(r.api())
                        .text(r.method())
                        .text(r.path())
                        .integer(r.status())
                        .fixed(r.millis(), 1)
                        .integer(r.requestBytes())
                        .integer(r.responseBytes())
                        .text(REGIONS[d.weighted(REGION_WEIGHTS)])
                        .integer(run != 0 ? 1 : 0)
                        .writeTo(out);
            }
            done += n;
        }
    }

    private static Request normal(Draws d, Endpoint e) {
        double millis = d.logNormal(Math.log(e.medianMillis()), e.sigma());
        long request = requestBytes(d, e);
        double roll = d.uniform();
        if (roll < 0.0015) {
            return new Request(e.api(), e.method(), e.path(), d.chance(0.5) ? 500 : 503, millis * d.uniform(1, 3),
                    request, d.integer(120, 400));
        }
        if (roll < 0.03) {
            int status = e.path().endsWith("{id}") && d.chance(0.6) ? 404
                    : e.method().equals("GET") ? 401 : d.chance(0.8) ? 400 : 429;
            return new Request(e.api(), e.method(), e.path(), status, millis * 0.4, request, d.integer(120, 400));
        }
        return new Request(e.api(), e.method(), e.path(), e.okStatus(), millis, request,
                Math.round(d.logNormal(Math.log(e.responseBytes()), 0.3)));
    }

    private static Request incident(Draws d, int type, Endpoint e) {
        Request base = normal(d, e);
        return switch (type) {
            case LATENCY -> d.chance(0.3)
                    ? new Request(e.api(), e.method(), e.path(), 504, d.uniform(29_000, 30_500), base.requestBytes(),
                    d.integer(150, 300))
                    : new Request(e.api(), e.method(), e.path(), base.status(), base.millis() * d.uniform(5, 30),
                    base.requestBytes(), base.responseBytes());
            case STORM -> new Request(e.api(), e.method(), e.path(), d.chance(0.5) ? 500 : d.chance(0.5) ? 502 : 503,
                    d.chance(0.5) ? d.uniform(2, 8) : d.uniform(2_000, 10_000), base.requestBytes(),
                    d.integer(100, 300));
            case OVERSIZED -> {
                long bytes = Math.round(d.logNormal(Math.log(8e6), 0.8));
                yield d.chance(0.5)
                        ? new Request(e.api(), e.method(), e.path(), 413, d.uniform(5, 40), bytes, d.integer(150, 300))
                        : new Request(e.api(), e.method(), e.path(), e.okStatus(), base.millis() * d.uniform(3, 10),
                        bytes, base.responseBytes());
            }
            default -> {
                String[] probe = PROBES[d.integer(PROBES.length)];
                int[] statuses = {401, 403, 404};
                yield new Request("gateway", probe[0], probe[1], statuses[d.integer(3)], d.uniform(1, 4),
                        d.integer(180, 300), d.integer(100, 250));
            }
        };
    }

    private static long requestBytes(Draws d, Endpoint e) {
        long headers = d.integer(250, 450);
        return e.requestBytes() == 0 ? headers : headers + Math.round(d.logNormal(Math.log(e.requestBytes()), 0.4));
    }
}
