import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /**
     * Clients post {@code body} until the time or the request budget runs out. Each client keeps one HTTP/1.1
     * connection and writes pre-built request bytes, as wrk does, so the load generator spends little of the
     * cores it shares with the server.
     */
    static Result run(String base, String body, int clients, double seconds, int maxRequests, long[] latencies)
            throws Exception {
        URI uri = URI.create(base);
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST /v1/anomaly/score HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(request, request.length + payload.length);
        System.arraycopy(payload, 0, message, request.length, payload.length);
        AtomicLong issued = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                        byte[] buffer = new byte[1 << 16];
                        while (System.nanoTime() < end) {
                            long i = issued.getAndIncrement();
                            if (i >= maxRequests) {
                                return null;
                            }
                            long t = System.nanoTime();
                            out.write(message);
                            out.flush();
                            readResponse(in, buffer);
                            if (latencies != null) {
                                latencies[(int) i] = System.nanoTime() - t;
                            }
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

    /** Reads one response (status line, headers, a Content-Length or chunked body) and fails unless it is 200. */
    static void readResponse(InputStream in, byte[] buffer) throws IOException {
        String status = line(in);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = colon > 0 ? header.substring(0, colon).trim() : "";
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
            }
        }
        StringBuilder errorBody = status.contains(" 200 ") ? null : new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                skip(in, buffer, size, errorBody);
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            skip(in, buffer, length, errorBody);
        } else {
            throw new IOException("response without a length: " + status);
        }
        if (errorBody != null) {
            throw new IllegalStateException(status + ": " + errorBody);
        }
    }

    static void skip(InputStream in, byte[] buffer, int length, StringBuilder keep) throws IOException {
        for (int left = length; left > 0; ) {
            int n = in.read(buffer, 0, Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (keep != null) {
                keep.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            left -= n;
        }
    }

    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
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
