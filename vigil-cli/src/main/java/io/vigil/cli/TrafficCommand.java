package io.vigil.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil traffic ingest}: posts API traffic records to a running {@code vigil serve} in batches. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Send API gateway traffic to a running 'vigil serve' for its monitors.")
final class TrafficCommand implements Runnable {
    /** Rejections listed one per line before the rest are only counted. */
    static final int SHOWN_REJECTIONS = 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "summary", mixinStandardHelpOptions = true,
            description = {"What traffic the server stores, per environment and API: requests, failed or blocked, "
                    + "5xx, average and p95 response time, first and last record.",
                    "Where to look when a monitor's condition says that no traffic matched."})
    int summary(@Mixin ServerApiOptions api,
                @Option(names = "--environment", paramLabel = "ENV", description = "One environment (default: all).")
                String environment,
                @Option(names = "--from", paramLabel = "ISO", description = "Records at or after this instant.")
                String from,
                @Option(names = "--to", paramLabel = "ISO", description = "Records before this instant.") String to) {
        java.util.Map<String, Object> q = new java.util.LinkedHashMap<>();
        q.put("environment", environment);
        q.put("from", from);
        q.put("to", to);
        JsonNode s = api.client().get("/v1/traffic/summary", q);
        TextTable t = new TextTable("ENVIRONMENT", "API", "REQUESTS", "FAILED", "5XX", "AVG MS", "P95 MS", "FIRST",
                "LAST");
        for (JsonNode a : s.path("apis")) {
            t.row(a.path("environment").asText(), a.path("api").asText(), a.path("requests").asLong(),
                    a.path("failed").asLong(), a.path("server_errors").asLong(),
                    RunTable.number(a.path("avg_response_time_ms")), RunTable.number(a.path("p95_response_time_ms")),
                    a.path("first_at").asText(), a.path("last_at").asText());
        }
        PrintWriter out = spec.commandLine().getOut();
        t.print(out);
        out.println(s.path("requests").asLong() + " requests" + (s.path("truncated").asBoolean()
                ? " (the first " + t.size() + " environment and API pairs shown)" : ""));
        out.flush();
        return 0;
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Post traffic records from a file: NDJSON (one record per line) or a JSON array.",
                    "Prints how many were stored and each rejected record with its reason; exits 2 when any was "
                            + "rejected (the others are stored)."})
    int ingest(@Mixin ServerApiOptions api,
               @Parameters(paramLabel = "FILE", description = "Records file; '-' reads standard input.") String file,
               @Option(names = "--batch-size", defaultValue = "5000", paramLabel = "N",
                       description = "Records per request (default: ${DEFAULT-VALUE}).") int batchSize)
            throws IOException {
        if (batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1, got " + batchSize);
        }
        VigilApiClient client = api.client();
        Totals totals = new Totals(spec.commandLine().getErr());
        try (InputStream in = new BufferedInputStream(open(file), 1 << 16)) {
            int first = firstNonBlank(in);
            in.reset();
            if (first == '[') {
                postArray(in, file, client, batchSize, totals);
            } else {
                postLines(in, client, batchSize, totals);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("stored " + totals.stored + ", rejected " + totals.rejected);
        out.flush();
        return totals.rejected == 0 ? 0 : ErrorReporter.BAD_INPUT;
    }

    /** Array elements, re-serialised in batches; positions are element indexes. */
    private static void postArray(InputStream in, String file, VigilApiClient client, int batchSize, Totals totals)
            throws IOException {
        try (JsonParser p = VigilApiClient.JSON.createParser(in)) {
            p.nextToken();
            List<JsonNode> batch = new ArrayList<>(batchSize);
            long index = 0;
            long batchStart = 0;
            while (true) {
                JsonToken t;
                try {
                    t = p.nextToken();
                } catch (IOException e) {
                    throw new UserInputException(file + ": not a valid JSON array after record " + index + ": "
                            + e.getMessage().lines().findFirst().orElse(""));
                }
                if (t == JsonToken.END_ARRAY || t == null) {
                    break;
                }
                batch.add(p.readValueAsTree());
                index++;
                if (batch.size() == batchSize) {
                    totals.add(client.post("/v1/traffic", VigilApiClient.JSON.writeValueAsBytes(batch)),
                            batchStart, null, "record");
                    batch.clear();
                    batchStart = index;
                }
            }
            if (!batch.isEmpty()) {
                totals.add(client.post("/v1/traffic", VigilApiClient.JSON.writeValueAsBytes(batch)), batchStart, null,
                        "record");
            }
        }
    }

    /** NDJSON lines, passed on as they are; the server parses each, so positions map back to line numbers. */
    private static void postLines(InputStream in, VigilApiClient client, int batchSize, Totals totals)
            throws IOException {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        ByteArrayOutputStream batch = new ByteArrayOutputStream(1 << 20);
        long[] lines = new long[batchSize];
        int count = 0;
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            batch.write(line.getBytes(StandardCharsets.UTF_8));
            batch.write('\n');
            lines[count++] = lineNumber;
            if (count == batchSize) {
                totals.add(client.post("/v1/traffic", batch.toByteArray()), 0, lines, "line");
                batch.reset();
                count = 0;
            }
        }
        if (count > 0) {
            totals.add(client.post("/v1/traffic", batch.toByteArray()), 0, lines, "line");
        }
    }

    private static InputStream open(String file) {
        if ("-".equals(file)) {
            return System.in;
        }
        try {
            return Files.newInputStream(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": file not found; check the path");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw new UserInputException(file + ": cannot be read: " + e.getMessage());
        }
    }

    private static int firstNonBlank(InputStream in) throws IOException {
        // Reads past leading whitespace within the mark limit's buffer; BufferedInputStream keeps it for reset().
        in.mark(1 << 16);
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
        return c;
    }

    /** Running counts over batches, printing the first rejections with their place in the file. */
    private static final class Totals {
        private final PrintWriter err;
        long stored;
        long rejected;

        Totals(PrintWriter err) {
            this.err = err;
        }

        void add(JsonNode reply, long offset, long[] lines, String unit) {
            stored += reply.path("stored").asLong();
            for (JsonNode r : reply.path("rejected")) {
                rejected++;
                if (rejected <= SHOWN_REJECTIONS) {
                    int i = r.path("index").asInt();
                    long where = lines == null ? offset + i : lines[i];
                    err.println("rejected " + unit + " " + where + ": " + r.path("field").asText() + ": "
                            + r.path("message").asText());
                } else if (rejected == SHOWN_REJECTIONS + 1) {
                    err.println("(further rejections only counted)");
                }
            }
            err.flush();
        }
    }
}
