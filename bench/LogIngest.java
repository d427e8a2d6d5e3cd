import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.core.loggroup.LicenceTraffic;
import io.vigil.core.loggroup.LicenceTrafficGenerator;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.PlantedIncident.Kind;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Log ingest client for a running `vigil serve` (bench/log_ingest.sh runs it with Vigil's jar on the class path:
 * `java -cp vigil-cli/target/vigil.jar bench/LogIngest.java URL`). Generates seeded licence traffic
 * (LicenceTrafficGenerator, standard profile) and posts it to /v1/logs as NDJSON in batches: first a warm-up
 * history (10 days), waiting until the server has fitted a log-group model and no fit is running, then the
 * measured stretch (with the
 * three planted incident kinds), timed from the first request to the last answer. Every answer comes after the
 * batch is durable and the groups it completed are scored, so entries/s includes group scoring. Batches are
 * serialised before the clock starts; the generator's cost is not measured.
 */
public class LogIngest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:11540";
        int batch = Integer.getInteger("batch", 5_000);
        int clients = Integer.getInteger("clients", 2);
        int historyDays = Integer.getInteger("historyDays", 10);
        int days = Integer.getInteger("days", 20);
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 11);
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        LicenceTraffic history = generator.generate(start, Duration.ofDays(historyDays), 1, List.of());
        post(base, batches(history.entries(), batch), 1);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        JsonNode analysis = analysis(base);
        while ((!analysis.path("model_fitted").asBoolean() || analysis.path("fitting").asBoolean())
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            analysis = analysis(base);
        }
        if (!analysis.path("model_fitted").asBoolean()) {
            throw new IllegalStateException("the server fitted no model: " + analysis);
        }
        System.out.printf(Locale.ROOT, "warm-up        %d entries (%d days), %d fits, the last on %d entries "
                        + "(%d training groups)%n", history.entries().size(), historyDays,
                analysis.path("fits").asInt(), analysis.path("fitted_on_entries").asLong(),
                analysis.path("training_groups").asInt());

        Instant measured = start.plus(Duration.ofDays(historyDays));
        LicenceTraffic traffic = generator.generate(measured, Duration.ofDays(days), history.entries().size() + 1L,
                List.of(new Plan(Kind.KEY_GUESSING, measured.plus(Duration.ofHours(30))),
                        new Plan(Kind.REPEATED_FAILURES, measured.plus(Duration.ofDays(5))),
                        new Plan(Kind.STOLEN_KEY, measured.plus(Duration.ofDays(9)))));
        List<byte[]> bodies = batches(traffic.entries(), batch);
        long scoredBefore = analysis.path("groups_scored").asLong();
        long serverPid = Long.getLong("server.pid", 0L);
        double cpu0 = cpuSeconds(serverPid);
        long t0 = System.nanoTime();
        post(base, bodies, clients);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds(serverPid) - cpu0;
        JsonNode after = analysis(base);
        long scored = after.path("groups_scored").asLong() - scoredBefore;
        System.out.printf(Locale.ROOT, "ingest         %d entries in %d batches of %d, %d clients, %.1f s: "
                        + "%.0f entries/s%n", traffic.entries().size(), bodies.size(), batch, clients, seconds,
                traffic.entries().size() / seconds);
        if (serverPid > 0) {
            System.out.printf(Locale.ROOT, "server CPU     %.1f s of CPU (all threads) for the run: %.0f entries per "
                    + "CPU-second, so %.0f entries/s on 2 idle cores if the work spread over both%n", cpu,
                    traffic.entries().size() / cpu, 2 * traffic.entries().size() / cpu);
        }
        System.out.printf(Locale.ROOT, "groups         %d scored during the run (%d entries), %d flagged; %d "
                        + "background refits started or finished during the run%n", scored, scored * 25,
                after.path("groups_flagged").asLong() - analysis.path("groups_flagged").asLong(),
                after.path("fits").asInt() - analysis.path("fits").asInt()
                        + (after.path("fitting").asBoolean() ? 1 : 0));
    }

    /** User plus system CPU time of a process from /proc (Linux), in seconds; 0 without a pid. */
    static double cpuSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime) in clock ticks; Linux reports them at 100 per second.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static JsonNode analysis(String base) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/v1/log-anomalies?limit=1"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("analysis");
    }

    static List<byte[]> batches(List<LogEntry> entries, int size) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += size) {
            StringBuilder sb = new StringBuilder(size * 220);
            for (LogEntry e : entries.subList(from, Math.min(entries.size(), from + size))) {
                Map<String, Object> json = e.toJson();
                json.remove("id");
                json.remove("successful");
                sb.append(JSON.writeValueAsString(json)).append('\n');
            }
            out.add(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Clients take the batches in order and post them over one HTTP/1.1 connection each, writing request bytes
     * directly (as bench/LoadScore.java does) so the client spends little of the cores it shares with the server.
     */
    static void post(String base, List<byte[]> bodies, int clients) throws Exception {
        URI uri = URI.create(base);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                        for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                            byte[] body = bodies.get(i);
                            out.write(("POST /v1/logs HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                                    + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + body.length
                                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.write(body);
                            out.flush();
                            String answer = readResponse(in);
                            if (!answer.startsWith("HTTP/1.1 200") || !answer.contains("\"rejected\":[]")) {
                                throw new IllegalStateException("batch " + i + " failed: " + answer);
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
    }

    /** Reads one HTTP/1.1 response (Content-Length or chunked body) and returns status line and body. */
    static String readResponse(InputStream in) throws IOException {
        String status = line(in);
        int length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        StringBuilder body = new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).trim(), 16)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            body.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return status + "\n" + body;
    }

    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }
}
