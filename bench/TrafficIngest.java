import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest load client for a running `vigil serve` (run with `java bench/TrafficIngest.java URL`;
 * bench/traffic_ingest.sh does it all). Posts realistic traffic records (every field, three attributes) to
 * POST /v1/traffic as JSON arrays of 5,000 from a few keep-alive connections for a fixed time, then prints records
 * stored per second as the server acknowledged them. Bodies are built before timing and written as raw HTTP/1.1
 * requests, as wrk does, so the client spends little of the cores it shares with the server.
 */
public class TrafficIngest {
    static final Pattern STORED = Pattern.compile("\"stored\"\\s*:\\s*(\\d+)");
    static final Pattern REJECTED = Pattern.compile("\"rejected\"\\s*:\\s*\\[\\s*]");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:11540";
        int clients = Integer.parseInt(System.getProperty("clients", "3"));
        int batch = Integer.parseInt(System.getProperty("batch", "5000"));
        double seconds = Double.parseDouble(System.getProperty("seconds", "20"));
        int bodies = Integer.parseInt(System.getProperty("bodies", "16"));

        URI uri = URI.create(base);
        List<byte[]> messages = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(42);
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        long bodyBytes = 0;
        for (int b = 0; b < bodies; b++) {
            byte[] body = body(random, t0.plusSeconds(b * 60L), batch);
            bodyBytes += body.length;
            messages.add(request(uri, body));
        }
        System.out.printf(Locale.ROOT, "bodies         %d distinct JSON arrays of %d records, %.0f bytes/record%n",
                bodies, batch, bodyBytes / (double) bodies / batch);

        run(uri, messages, clients, 5);  // warm-up: JIT of parse and append paths on the server
        long serverPid = Long.getLong("serverPid", -1);
        double serverCpu0 = cpuSeconds(serverPid);
        double clientCpu0 = ownCpuSeconds();
        long t = System.nanoTime();
        long stored = run(uri, messages, clients, seconds);
        double elapsed = (System.nanoTime() - t) / 1e9;
        double serverCpu = cpuSeconds(serverPid) - serverCpu0;
        double clientCpu = ownCpuSeconds() - clientCpu0;
        System.out.printf(Locale.ROOT, "ingest         %d records in batches of %d, %d connections, %.1f s: "
                + "%.0f records/s%n", stored, batch, clients, elapsed, stored / elapsed);
        // Other jobs on a shared machine take cores from both sides; CPU time per record is what the work costs.
        if (serverPid > 0) {
            System.out.printf(Locale.ROOT, "cpu            server %.1f s, client %.1f s: %.0f records per CPU-second "
                            + "(server %.0f); %d idle cores would take at most %.0f records/s%n", serverCpu, clientCpu,
                    stored / (serverCpu + clientCpu), stored / serverCpu, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * stored / (serverCpu + clientCpu));
        }
    }

    /** User plus system CPU seconds of a process, from /proc (Linux); 0 when unknown. */
    static double cpuSeconds(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Fields 14 and 15 of stat (utime, stime) are 12 and 13 after the command name; ticks are 1/100 s on Linux.
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Clients post bodies round robin until the time is up; returns the records the server said it stored. */
    static long run(URI uri, List<byte[]> messages, int clients, double seconds) throws Exception {
        AtomicLong stored = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                        socket.setTcpNoDelay(true);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                        while (System.nanoTime() < end) {
                            byte[] message = messages.get((int) (next.getAndIncrement() % messages.size()));
                            out.write(message);
                            out.flush();
                            String reply = readResponse(in);
                            Matcher m = STORED.matcher(reply);
                            if (!m.find() || !REJECTED.matcher(reply).find()) {
                                throw new IllegalStateException("unexpected reply: " + reply);
                            }
                            stored.addAndGet(Long.parseLong(m.group(1)));
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
        return stored.get();
    }

    /** A JSON array of gateway records: every field, three attributes, 95% success. */
    static byte[] body(SplittableRandom rnd, Instant start, int records) {
        String[] apis = {"payments", "orders", "search", "users", "inventory"};
        String[] methods = {"GET", "POST", "PUT", "DELETE"};
        String[] agents = {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "okhttp/4.12.0",
                "python-requests/2.31.0", "curl/8.5.0"};
        StringBuilder sb = new StringBuilder(records * 400).append('[');
        for (int i = 0; i < records; i++) {
            int status = rnd.nextInt(100) < 95 ? 200 : 500 + rnd.nextInt(4);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"timestamp\":\"").append(start.plusMillis(i * 11L)).append('"')
                    .append(",\"environment\":\"prod\"")
                    .append(",\"api\":\"").append(apis[rnd.nextInt(apis.length)]).append('"')
                    .append(",\"method\":\"").append(methods[rnd.nextInt(methods.length)]).append('"')
                    .append(",\"endpoint\":\"/v1/items/").append(rnd.nextInt(1000)).append('"')
                    .append(",\"status_code\":").append(status)
                    .append(",\"result\":\"").append(status < 400 ? "success" : "failed").append('"')
                    .append(",\"response_time_ms\":").append(String.format(Locale.ROOT, "%.3f", 5 + rnd.nextDouble() * 400))
                    .append(",\"request_bytes\":").append(rnd.nextInt(5000))
                    .append(",\"response_bytes\":").append(rnd.nextInt(50000))
                    .append(",\"client_ip\":\"10.0.").append(rnd.nextInt(256)).append('.').append(rnd.nextInt(256))
                    .append('"')
                    .append(",\"user_agent\":\"").append(agents[rnd.nextInt(agents.length)]).append('"')
                    .append(",\"attributes\":{\"tenant\":\"t").append(rnd.nextInt(50))
                    .append("\",\"plan\":\"").append(rnd.nextBoolean() ? "gold" : "free")
                    .append("\",\"region\":\"eu-west-").append(1 + rnd.nextInt(3)).append("\"}}");
        }
        return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] request(URI uri, byte[] body) {
        byte[] head = ("POST /v1/traffic HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, message, head.length, body.length);
        return message;
    }

    /** Reads one response (Content-Length or chunked) and returns its body; fails unless the status is 200. */
    static String readResponse(InputStream in) throws IOException {
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
        StringBuilder body = new StringBuilder();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                line(in);
            }
            line(in);
        } else if (length >= 0) {
            body.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        } else {
            throw new IOException("response without a length: " + status);
        }
        if (!status.contains(" 200 ")) {
            throw new IllegalStateException(status + ": " + body);
        }
        return body.toString();
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
}
