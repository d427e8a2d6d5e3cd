package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorApiTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dataDir;

    private static String monitor(String name, String schedule) {
        return "{\"name\":\"" + name + "\",\"description\":\"payments traffic volume\",\"environment\":\"prod\","
                + "\"schedule\":\"" + schedule + "\",\"query\":{\"apis\":[\"payments\"]},"
                + "\"filter\":{\"time_range\":\"5m\"},"
                + "\"conditions\":[{\"type\":\"metric\",\"aggregation\":\"count\",\"operator\":\"above\","
                + "\"threshold\":5}]}";
    }

    /** Traffic for 30 minutes: 2 requests a minute for the first 15, 4 a minute after. */
    private static String traffic() {
        StringBuilder ndjson = new StringBuilder();
        for (int minute = 0; minute < 30; minute++) {
            int perMinute = minute < 15 ? 1 : 4;
            for (int k = 0; k < perMinute; k++) {
                ndjson.append("{\"timestamp\":\"").append(T0.plusSeconds(minute * 60L + k * 10L))
                        .append("\",\"environment\":\"prod\",\"api\":\"payments\",\"method\":\"POST\",")
                        .append("\"endpoint\":\"/v1/pay\",\"status_code\":200,\"result\":\"success\",")
                        .append("\"response_time_ms\":").append(100 + k).append("}\n");
            }
        }
        return ndjson.toString();
    }

    @Test
    void trafficMonitorsAndBacktestOverRest() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            String bad = "{\"timestamp\":\"" + T0 + "\",\"environment\":\"prod\",\"api\":\"payments\","
                    + "\"method\":\"GET\",\"endpoint\":\"/v1/pay\",\"status_code\":\"lots\",\"result\":\"success\","
                    + "\"response_time_ms\":5}\n";
            TestServer.Response ingest = api.post("/v1/traffic", traffic() + bad);
            assertThat(ingest.status()).as(ingest.toString()).isEqualTo(200);
            assertThat(ingest.json().get("stored").asInt()).isEqualTo(15 + 15 * 4);
            JsonNode rejected = ingest.json().get("rejected");
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).get("index").asInt()).isEqualTo(75);
            assertThat(rejected.get(0).get("field").asText()).isEqualTo("status_code");
            assertThat(api.get("/v1/traffic/environments").json().get("data").get(0).asText()).isEqualTo("prod");
            JsonNode summary = api.get("/v1/traffic/summary?environment=prod").json();
            assertThat(summary.get("object").asText()).isEqualTo("traffic_summary");
            assertThat(summary.get("requests").asLong()).isEqualTo(75);
            JsonNode payments = summary.get("apis").get(0);
            assertThat(payments.get("api").asText()).isEqualTo("payments");
            assertThat(payments.get("failed").asLong()).isZero();
            assertThat(payments.get("first_at").asText()).isEqualTo(T0.toString());
            assertThat(payments.get("last_at").asText()).isEqualTo(T0.plusSeconds(29 * 60 + 30).toString());
            assertThat(api.get("/v1/traffic/summary?from=" + T0.plusSeconds(15 * 60)).json().get("requests").asLong())
                    .isEqualTo(60);
            TestServer.Response backwards = api.get("/v1/traffic/summary?from=" + T0 + "&to=" + T0);
            assertThat(backwards.status()).isEqualTo(400);
            assertThat(backwards.errorParam()).isEqualTo("to");

            TestServer.Response created = api.post("/v1/monitors", monitor("Payments volume", "0 */5 * ? * *"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().get("id").asLong();
            assertThat(created.json().get("status").asText()).isEqualTo("active");

            TestServer.Response duplicate = api.post("/v1/monitors", monitor("PAYMENTS volume", "0 */5 * ? * *"));
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.errorParam()).isEqualTo("name");
            TestServer.Response badCron = api.post("/v1/monitors", monitor("Other", "every five minutes"));
            assertThat(badCron.status()).isEqualTo(400);
            assertThat(badCron.errorParam()).isEqualTo("schedule");
            assertThat(api.get("/v1/schedules/describe?cron=0%20*/5%20*%20?%20*%20*").json().get("next_fires"))
                    .hasSize(3);
            assertThat(api.get("/v1/schedules/describe?cron=nope").status()).isEqualTo(400);
            assertThat(api.get("/v1/monitors/name-availability?name=payments%20VOLUME").json()
                    .get("available").asBoolean()).isFalse();

            assertThat(api.post("/v1/monitors", monitor("Checkout errors", "0 0 * ? * *")).status()).isEqualTo(201);
            JsonNode all = api.get("/v1/monitors").json();
            assertThat(all.get("total").asInt()).isEqualTo(2);
            JsonNode found = api.get("/v1/monitors?q=PAYMENTS%20volume&environment=prod&limit=10").json();
            assertThat(found.get("total").asInt()).isEqualTo(1);
            assertThat(found.get("data").get(0).get("name").asText()).isEqualTo("Payments volume");

            TestServer.Response passive = api.post("/v1/monitors/" + id + "/status", "{\"status\":\"passive\"}");
            assertThat(passive.status()).as(passive.toString()).isEqualTo(200);
            assertThat(passive.json().get("status").asText()).isEqualTo("passive");
            assertThat(api.get("/v1/monitors?status=passive").json().get("total").asInt()).isEqualTo(1);
            assertThat(api.get("/v1/monitors?status=sleepy").status()).isEqualTo(400);
            assertThat(api.post("/v1/monitors/" + id + "/status", "{\"status\":1}").errorParam()).isEqualTo("status");

            TestServer.Response backtest = api.post("/v1/monitors/" + id + "/backtest",
                    "{\"from\":\"" + T0.plusSeconds(300) + "\",\"to\":\"" + T0.plusSeconds(1800) + "\"}");
            assertThat(backtest.status()).as(backtest.toString()).isEqualTo(200);
            JsonNode runs = backtest.json().get("runs");
            assertThat(runs).hasSize(6);
            // Windows [t-5m, t) hold 5 requests up to minute 15 and 20 after it, so the alert starts at 20m.
            assertThat(runs.get(0).get("result").asText()).isEqualToIgnoringCase("not_met");
            assertThat(runs.get(5).get("result").asText()).isEqualToIgnoringCase("met");
            assertThat(backtest.json().get("would_alert_at")).isNotEmpty();
            // A backtest stores nothing.
            assertThat(api.get("/v1/monitors/" + id + "/runs").json().get("total").asInt()).isZero();
            assertThat(api.get("/v1/monitors/" + id + "/conditions/0/series").status()).isEqualTo(200);
            assertThat(api.get("/v1/monitors/" + id).json().get("last_run").isNull()).isTrue();

            api.server.monitors().runner().run(api.server.monitors().monitors().get(id), T0.plusSeconds(1800));
            JsonNode last = api.get("/v1/monitors?q=PAYMENTS%20volume").json().get("data").get(0).get("last_run");
            assertThat(last.get("result").asText()).isEqualTo("MET");
            assertThat(last.get("fired_at").asText()).isEqualTo(T0.plusSeconds(1800).toString());
            assertThat(api.get("/v1/monitors/" + id).json().get("last_run").get("result").asText()).isEqualTo("MET");
            // The home page counts active monitors whose latest run was MET; this one is passive until switched.
            assertThat(api.get("/").text()).contains("<span id=\"monitors-met\">0 MET</span>");
            api.post("/v1/monitors/" + id + "/status", "{\"status\":\"active\"}");
            assertThat(api.get("/").text()).contains("<span id=\"monitors-met\">1 MET</span>");

            TestServer.Response updated = api.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/monitors/" + id))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(monitor("Payments volume v2", "0 */10 * ? * *"))));
            assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
            assertThat(api.get("/v1/monitors/" + id).json().get("name").asText()).isEqualTo("Payments volume v2");

            // What GET answers, edited, goes back with PUT: the server's own fields are ignored, not refused.
            com.fasterxml.jackson.databind.node.ObjectNode fetched =
                    (com.fasterxml.jackson.databind.node.ObjectNode) api.get("/v1/monitors/" + id).json();
            assertThat(fetched.has("last_run")).isTrue();
            fetched.put("description", "edited after GET");
            TestServer.Response roundTrip = api.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/monitors/" + id))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(fetched.toString())));
            assertThat(roundTrip.status()).as(roundTrip.toString()).isEqualTo(200);
            assertThat(roundTrip.json().get("description").asText()).isEqualTo("edited after GET");

            assertThat(api.delete("/v1/monitors/" + id).status()).isEqualTo(200);
            assertThat(api.get("/v1/monitors/" + id).status()).isEqualTo(404);
            assertThat(api.get("/v1/monitors/" + id + "/runs").status()).isEqualTo(404);
        }
    }
}
