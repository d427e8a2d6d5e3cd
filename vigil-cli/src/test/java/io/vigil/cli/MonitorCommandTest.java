package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.monitor.Monitor;
import io.vigil.monitor.run.MonitorRun;
import io.vigil.server.ServerConfig;
import io.vigil.server.VigilServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil monitor} and {@code vigil traffic} against a real server on a free loopback port. */
class MonitorCommandTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    static Path dir;
    static VigilServer server;
    static String url;

    @BeforeAll
    static void start() throws IOException {
        server = VigilServer.start(ServerConfig.local(dir.resolve("data")));
        url = server.url();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static DetectRunCommandTest.Result vigil(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--help") && !all.contains("--url")) {
            all.add("--url");
            all.add(url);
        }
        return DetectRunCommandTest.run(all.toArray(String[]::new));
    }

    static Path spec(String name, String extra) throws IOException {
        Path file = Files.createTempFile(dir, "monitor", ".json");
        Files.writeString(file, """
                {"name": "%s", "environment": "prod", "schedule": "0 */5 * ? * *",
                 "query": {"apis": ["payments"]}, "filter": {"time_range": "5m"},
                 "conditions": [{"type": "metric", "aggregation": "avg", "field": "response_time_ms",
                                 "operator": "above", "threshold": 500}]%s}
                """.formatted(name, extra));
        return file;
    }

    static long create(String name) throws IOException {
        DetectRunCommandTest.Result r = vigil("monitor", "create", "--file", spec(name, "").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("created monitor ");
        return Long.parseLong(r.out().split(" ")[2]);
    }

    @Test
    void createsListsShowsUpdatesSwitchesAndDeletesAMonitor() throws IOException {
        long id = create("Checkout latency");

        DetectRunCommandTest.Result list = vigil("monitor", "list", "--query", "checkout");
        assertThat(list.code()).isZero();
        String[] lines = list.out().split("\n");
        assertThat(lines[0]).startsWith("ID").contains("NAME", "STATUS", "ENVIRONMENT", "SCHEDULE", "NEXT FIRE",
                "LAST RUN");
        assertThat(lines[1]).startsWith(id + " ").contains("Checkout latency", "active", "prod", "0 */5 * ? * *");
        // Columns line up: the name starts where the header's NAME does.
        assertThat(lines[1].indexOf("Checkout")).isEqualTo(lines[0].indexOf("NAME"));
        assertThat(lines[2]).isEqualTo("1 of 1 monitors");

        DetectRunCommandTest.Result show = vigil("monitor", "show", String.valueOf(id));
        assertThat(show.out()).contains("Checkout latency", "conditions[0]", "\"threshold\":500");
        DetectRunCommandTest.Result json = vigil("monitor", "show", String.valueOf(id), "--json");
        assertThat(json.out()).contains("\"name\" : \"Checkout latency\"", "\"object\" : \"monitor\"");

        // The output of show --json goes back in as an update once edited.
        Path edited = dir.resolve("edited.json");
        Files.writeString(edited, json.out().replace("Checkout latency", "Checkout p95"));
        DetectRunCommandTest.Result update = vigil("monitor", "update", String.valueOf(id), "--file", edited.toString());
        assertThat(update.code()).as(update.err()).isZero();
        assertThat(update.out()).contains("updated monitor " + id + " (Checkout p95)");

        assertThat(vigil("monitor", "deactivate", String.valueOf(id)).out()).contains("is passive");
        assertThat(vigil("monitor", "list", "--status", "passive", "--query", "checkout").out())
                .contains("Checkout p95");
        assertThat(vigil("monitor", "list", "--status", "active", "--query", "checkout").out())
                .contains("0 of 0 monitors");
        assertThat(vigil("monitor", "activate", String.valueOf(id)).out()).contains("is active");

        DetectRunCommandTest.Result taken = vigil("monitor", "name-available", "CHECKOUT P95");
        assertThat(taken.code()).isEqualTo(1);
        assertThat(taken.out()).startsWith("not available");
        assertThat(vigil("monitor", "name-available", "Something new").out()).isEqualTo("available\n");

        assertThat(vigil("monitor", "delete", String.valueOf(id)).out()).contains("deleted monitor " + id);
        DetectRunCommandTest.Result gone = vigil("monitor", "show", String.valueOf(id));
        assertThat(gone.code()).isEqualTo(2);
        assertThat(gone.err()).contains("HTTP 404").doesNotContain("Exception");
    }

    @Test
    void rejectedDefinitionsExitWith2AndTheServersFieldAndMessage() throws IOException {
        DetectRunCommandTest.Result longDescription = vigil("monitor", "create", "--file",
                spec("Too wordy", ", \"description\": \"" + "x".repeat(501) + "\"").toString());
        assertThat(longDescription.code()).isEqualTo(2);
        assertThat(longDescription.err().lines()).hasSize(1);
        assertThat(longDescription.err()).startsWith("vigil: description: ").contains("500", "HTTP 400");

        create("Refunds");
        DetectRunCommandTest.Result duplicate = vigil("monitor", "create", "--file", spec("REFUNDS", "").toString());
        assertThat(duplicate.code()).isEqualTo(2);
        assertThat(duplicate.err()).startsWith("vigil: name: ").contains("HTTP 409");

        DetectRunCommandTest.Result missing = vigil("monitor", "create", "--file", dir.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--file", "nope.json", "does not exist");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"name\": ");
        assertThat(vigil("monitor", "create", "--file", broken.toString()).err()).contains("not valid JSON");

        DetectRunCommandTest.Result badFrom = vigil("monitor", "runs", "1", "--from", "yesterday");
        assertThat(badFrom.code()).isEqualTo(2);
        assertThat(badFrom.err()).contains("--from", "ISO-8601");
    }

    @Test
    void describesASchedulesAndRejectsACronWithoutQuestionMark() {
        DetectRunCommandTest.Result ok = vigil("monitor", "describe-schedule", "0 */5 * ? * *");
        assertThat(ok.code()).isZero();
        List<String> lines = ok.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).containsIgnoringCase("5 minutes");
        assertThat(lines.subList(1, 4)).allSatisfy(l -> assertThat(Instant.parse(l.trim())).isAfter(T0));

        DetectRunCommandTest.Result bad = vigil("monitor", "describe-schedule", "0 */5 * * * *");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("vigil: ").contains("HTTP 400");
    }

    @Test
    void ingestsTrafficThenShowsRunsAndABacktestWithConditionStates() throws IOException {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            Instant t = T0.plusSeconds(10 + i * 25L);
            ndjson.append("{\"timestamp\":\"").append(t).append("\",\"environment\":\"prod\",\"api\":\"payments\","
                    + "\"method\":\"POST\",\"endpoint\":\"/v1/pay\",\"status_code\":200,\"result\":\"success\","
                    + "\"response_time_ms\":800,\"attributes\":{\"tenant\":\"acme\"}}\n");
            if (i == 4) {
                ndjson.append("\n{\"timestamp\":\"").append(t).append("\",\"api\":\"payments\",\"status_code\":999}\n");
            }
        }
        Path file = dir.resolve("traffic.ndjson");
        Files.writeString(file, ndjson);
        DetectRunCommandTest.Result ingest = vigil("traffic", "ingest", file.toString(), "--batch-size", "4");
        assertThat(ingest.out()).contains("stored 10, rejected 1");
        assertThat(ingest.code()).isEqualTo(2);
        assertThat(ingest.err()).contains("rejected line 7: ");
        DetectRunCommandTest.Result summary = vigil("traffic", "summary", "--environment", "prod");
        assertThat(summary.code()).as(summary.err()).isZero();
        List<String> rows = summary.out().lines().toList();
        assertThat(rows.get(0)).contains("ENVIRONMENT", "API", "REQUESTS", "P95 MS");
        assertThat(rows.get(1)).contains("prod", "payments", "10", "800", T0.plusSeconds(10).toString());
        assertThat(rows.get(2)).isEqualTo("10 requests");
        assertThat(vigil("traffic", "summary", "--from", "yesterday").code()).isEqualTo(2);

        long id = create("Payments slow");
        Monitor monitor = server.monitors().monitors().get(id);
        MonitorRun run = server.monitors().runner().run(monitor, T0.plusSeconds(300));
        assertThat(run.result().name()).isEqualTo("MET");

        DetectRunCommandTest.Result runs = vigil("monitor", "runs", String.valueOf(id), "--limit", "5");
        assertThat(runs.code()).as(runs.err()).isZero();
        assertThat(vigil("monitor", "list", "--query", "slow").out()).contains("MET at 2026-03-01T12:05:00Z");
        List<String> lines = runs.out().lines().toList();
        assertThat(lines.get(0)).contains("FIRED AT", "RESULT", "STATE", "VALUE", "LOWER");
        assertThat(lines.get(1)).contains("2026-03-01T12:05:00Z", "MET", "metric avg(response_time_ms)", "800", "500");
        assertThat(lines.get(2)).isEqualTo("1 of 1 runs");

        DetectRunCommandTest.Result backtest = vigil("monitor", "backtest", String.valueOf(id),
                "--from", "2026-03-01T12:00:00Z", "--to", "2026-03-01T12:15:00Z");
        assertThat(backtest.code()).as(backtest.err()).isZero();
        assertThat(backtest.out()).contains("MET", "ERROR", "no traffic matched", "would alert at: 2026-03-01T12:05:00Z")
                .contains("4 simulated runs");
    }

    @Test
    void testActionsPrintsWhatEachReceiverAnswered() throws IOException {
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            DetectRunCommandTest.Result created = vigil("monitor", "create", "--file", spec("Hooked", """
                    , "actions": [{"type": "webhook", "url": "%s"}, {"type": "webhook", "url": "http://127.0.0.1:9/x"}]"""
                    .formatted(hook)).toString());
            long id = Long.parseLong(created.out().split(" ")[2]);

            DetectRunCommandTest.Result both = vigil("monitor", "test-actions", String.valueOf(id));
            assertThat(both.code()).as(both.err()).isEqualTo(1);
            List<String> lines = both.out().lines().toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).isEqualTo("action 0 (webhook): delivered: HTTP 204");
            assertThat(lines.get(1)).startsWith("action 1 (webhook): failed: ");

            assertThat(vigil("monitor", "test-actions", String.valueOf(id), "--index", "0").code()).isZero();
            DetectRunCommandTest.Result bad = vigil("monitor", "test-actions", String.valueOf(id), "--index", "5");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("index must be between 0 and 1");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void ingestsAJsonArray() throws IOException {
        Path file = dir.resolve("traffic.json");
        Files.writeString(file, """
                [{"timestamp": 1772366400000, "environment": "array-env", "api": "search", "method": "GET",
                  "endpoint": "/q", "status_code": 200, "result": "success", "response_time_ms": 12.5},
                 {"timestamp": 1772366400000, "environment": "array-env", "api": "search", "method": "GET",
                  "endpoint": "/q", "status_code": 200, "result": "maybe", "response_time_ms": 12.5}]
                """);
        DetectRunCommandTest.Result r = vigil("traffic", "ingest", file.toString());
        assertThat(r.out()).contains("stored 1, rejected 1");
        assertThat(r.err()).contains("rejected record 1: result: ");
    }

    @Test
    void noServerAtTheUrlSaysToStartOne() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        DetectRunCommandTest.Result r = vigil("monitor", "list", "--url", "http://127.0.0.1:" + port);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("no Vigil server answers at http://127.0.0.1:" + port, "./vigil serve", "--url");

        DetectRunCommandTest.Result badUrl = vigil("monitor", "list", "--url", "ftp://example.com");
        assertThat(badUrl.code()).isEqualTo(2);
        assertThat(badUrl.err()).contains("--url must be an absolute http(s) URL");
    }

    @Test
    void sendsTheApiKeyAsBearerToken() throws IOException {
        try (VigilServer keyed = VigilServer.start(ServerConfig.local(dir.resolve("keyed")).withApiKey("k3y"))) {
            DetectRunCommandTest.Result without = vigil("monitor", "list", "--url", keyed.url());
            assertThat(without.code()).isEqualTo(2);
            assertThat(without.err()).contains("HTTP 401", "--api-key");
            DetectRunCommandTest.Result with = vigil("monitor", "list", "--url", keyed.url(), "--api-key", "k3y");
            assertThat(with.code()).as(with.err()).isZero();
            assertThat(with.out()).contains("0 of 0 monitors");
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : List.of("create", "list", "show", "update", "delete", "activate", "deactivate", "runs",
                "backtest", "describe-schedule", "name-available")) {
            DetectRunCommandTest.Result r = vigil("monitor", sub, "--help");
            assertThat(r.code()).as(sub).isZero();
            assertThat(r.out()).as(sub).contains("--url", "--api-key", "VIGIL_URL");
        }
        assertThat(vigil("traffic", "ingest", "--help").out()).contains("--batch-size", "NDJSON");
        assertThat(vigil("--help").out()).contains("monitor", "traffic");
    }
}
