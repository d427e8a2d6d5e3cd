import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load client for a running `vigil serve` (run with `java bench/LoadScore.java URL`; bench/load_score.sh does it
 * all). Fits an Isolation Forest on 10 features, then measures (1) rows/s scored through /v1/anomaly/score in
 * 1,000-row batches and (2) p50/p99 latency of single-row scores from 32 concurrent clients. Every phase is
 * bounded both in time and in request count.
 */
public class LoadScore {
    static final int FEATURES = 10;
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:11540";
        int batchClients = Integer.parseInt(System.getProperty("batchClients", "4"));
        double seconds = Double.parseDouble(System.getProperty("seconds", "10"));
        Random random = new Random(42);

        String fit = "{\"model\": \"load\", \"backend\": \"isolation_forest\", \"contamination\": 0.05, \"data\": "
                + rows(random, 10_000) + "}";
        long t0 = System.nanoTime();
        HttpResponse<String> fitted = post(base, "/v1/anomaly/fit", fit);
        check(fitted);
        System.out.printf(Locale.ROOT, "fit            10000 rows x %d features in %.0f ms%n", FEATURES,
                (System.nanoTime() - t0) / 1e6);

        String batch = "{\"model\": \"load\", \"data\": " + rows(random, 1000) + "}";
        run(base, batch, batchClients, 2, 1_000, null);  // warm-up
        Result r = run(base, batch, batchClients, seconds, 5_000, null);
        System.out.printf(Locale.ROOT, "batch score    %d requests x 1000 rows, %d clients, %.1f s: %.0f rows/s%n",
                r.requests, batchClients, r.seconds, r.requests * 1000 / r.seconds);

        String single = "{\"model\": \"load\", \"data\": " + rows(random, 1) + "}";
        run(base, single, 32, 2, 20_000, null);  // warm-up
        long[] latencies = new long[64_000];
        Result s = run(base, single, 32, seconds, latencies.length, latencies);
        long[] sorted = Arrays.copyOf(latencies, (int) s.requests);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "single-row     %d requests, 32 clients, %.1f s: p50 %.2f ms, p99 %.2f ms, "
                        + "%.0f requests/s%n", s.requests, s.seconds, percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6, s.requests / s.seconds);
    }

    record Result(long requests, double seconds) {
    }

    /** Clients post {@code body} until the time or the request budget runs out. */
    static Result run(String base, String body, int clients, double seconds, int maxRequests, long[] latencies)
            throws Exception {
        AtomicLong issued = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long i = issued.getAndIncrement();
                        if (i >= maxRequests) {
                            return null;
                        }
                        long t = System.nanoTime();
                        check(post(base, "/v1/anomaly/score", body));
                        if (latencies != null) {
                            latencies[(int) i] = System.nanoTime() - t;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(Math.min(issued.get(), maxRequests), elapsed);
    }

    static HttpResponse<String> post(String base, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void check(HttpResponse<String> r) {
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    static String rows(Random random, int n) {
        StringBuilder sb = new StringBuilder(n * FEATURES * 20).append('[');
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < FEATURES; j++) {
                sb.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", random.nextGaussian()));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
