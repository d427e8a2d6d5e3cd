package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.core.loggroup.LicenceTraffic;
import io.vigil.core.loggroup.LicenceTrafficGenerator;
import io.vigil.core.loggroup.LicenceTrafficGenerator.Plan;
import io.vigil.core.loggroup.LogEntry;
import io.vigil.core.loggroup.PlantedIncident;
import io.vigil.core.loggroup.PlantedIncident.Kind;
import io.vigil.monitor.logs.LogSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Licence logs through the real server: ingest, background fit, flagged groups, the explorer and its errors. */
class LogApiTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dataDir;

    static String ndjson(List<LogEntry> entries) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (LogEntry e : entries) {
            Map<String, Object> json = e.toJson();
            json.remove("id");
            json.remove("successful");
            sb.append(TestServer.JSON.writeValueAsString(json)).append('\n');
        }
        return sb.toString();
    }

    private static void post(TestServer api, List<LogEntry> entries) throws Exception {
        for (int from = 0; from < entries.size(); from += 5_000) {
            TestServer.Response r = api.post("/v1/logs",
                    ndjson(entries.subList(from, Math.min(entries.size(), from + 5_000))));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("rejected")).isEmpty();
        }
    }

    @Test
    void ingestsFitsFlagsAndExploresLogsOverRest() throws Exception {
        LicenceTrafficGenerator generator = new LicenceTrafficGenerator(LicenceTrafficGenerator.Profile.standard(), 3);
        LicenceTraffic history = generator.generate(START, Duration.ofDays(4), 1, List.of());
        Instant dayStart = START.plus(Duration.ofDays(4));
        LicenceTraffic day = generator.generate(dayStart, Duration.ofHours(6), history.entries().size() + 1L,
                List.of(new Plan(Kind.KEY_GUESSING, dayStart.plus(Duration.ofHours(3)))));
        int n = history.entries().size();
        ServerConfig config = ServerConfig.local(dataDir).withClock(Clock.fixed(dayStart, ZoneOffset.UTC))
                .withLogs(LogSettings.defaults().withTrainingEntries(n, n).withStoreRawIdentifiers(false));
        try (TestServer api = TestServer.start(config)) {
            TestServer.Response bad = api.post("/v1/logs", "{\"time\":\"2026-01-05T00:00:00Z\",\"state\":\"ok\"}\n"
                    + "{\"time\":\"2026-01-05T00:00:00Z\",\"state\":200,\"key\":\"K\",\"id\":4}\n");
            assertThat(bad.status()).isEqualTo(200);
            assertThat(bad.json().get("stored").asInt()).isZero();
            assertThat(bad.json().get("first_id").isNull()).isTrue();
            assertThat(bad.json().get("rejected").get(0).get("field").asText()).isEqualTo("state");
            assertThat(bad.json().get("rejected").get(1).get("field").asText()).isEqualTo("id");
            assertThat(bad.json().get("rejected").get(1).get("index").asInt()).isEqualTo(1);

            post(api, history.entries());
            // The first fit runs on the server's fit thread; the analysis status says when it is done.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            JsonNode analysis = api.get("/v1/log-anomalies").json().get("analysis");
            while (!analysis.get("model_fitted").asBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                analysis = api.get("/v1/log-anomalies").json().get("analysis");
            }
            assertThat(analysis.get("model_fitted").asBoolean()).as(analysis.toString()).isTrue();
            TestServer.Response first = api.post("/v1/logs", ndjson(day.entries().subList(0, 10)));
            assertThat(first.json().get("first_id").asLong()).isEqualTo(n + 1L);
            assertThat(first.json().get("last_id").asLong()).isEqualTo(n + 10L);
            post(api, day.entries().subList(10, day.entries().size()));

            JsonNode list = api.get("/v1/log-anomalies?limit=1000&order=asc").json();
            assertThat(list.get("note").asText()).contains("not every entry");
            PlantedIncident guessing = day.incidents().get(0);
            JsonNode hit = null;
            for (JsonNode g : list.get("data")) {
                if (guessing.entriesBetween(g.get("starting_at").asLong(), g.get("ending_at").asLong()) >= 10) {
                    hit = g;
                    break;
                }
            }
            assertThat(hit).as(list.toString()).isNotNull();
            assertThat(hit.get("reason").asText()).contains("never seen before");
            assertThat(hit.get("top_features")).isNotEmpty();
            long id = hit.get("id").asLong();

            JsonNode group = api.get("/v1/log-anomalies/" + id).json();
            assertThat(group.get("entries")).hasSize(25);
            assertThat(group.get("entries").get(0).get("id").asLong()).isEqualTo(hit.get("starting_at").asLong());
            // Raw identifiers are not stored: the explorer shows pseudonyms, and filters still match raw keys.
            String rawKey = day.entries().get((int) (id - n - 1)).key();
            JsonNode shown = group.get("entries").get(0);
            assertThat(shown.get("key").asText()).isNotEqualTo(rawKey).hasSize(22);
            JsonNode byKey = api.get("/v1/logs?limit=5&key=" + rawKey + "&starting_after=" + (id - 1)).json();
            assertThat(byKey.get("data").get(0).get("id").asLong()).isEqualTo(id);
            assertThat(byKey.get("data").get(0).get("anomaly_group_id").asLong()).isEqualTo(id);

            JsonNode page = api.get("/v1/logs?limit=3&ending_before=" + (id + 2) + "&order=desc").json();
            assertThat(page.get("data")).extracting(e -> e.get("id").asLong()).containsExactly(id + 1, id, id - 1);
            assertThat(page.get("data").get(1).get("anomaly_starting_at").asLong()).isEqualTo(id);
            assertThat(page.get("has_more").asBoolean()).isTrue();
            JsonNode anomalous = api.get("/v1/logs?anomalous_only=true&limit=1000").json();
            assertThat(anomalous.get("data")).allMatch(e -> e.has("anomaly_group_id"));

            assertThat(api.get("/v1/logs?limit=0").errorParam()).isEqualTo("limit");
            assertThat(api.get("/v1/logs?limit=1001").status()).isEqualTo(400);
            assertThat(api.get("/v1/logs?starting_after=abc").errorParam()).isEqualTo("starting_after");
            assertThat(api.get("/v1/logs?ending_before=1.5").errorParam()).isEqualTo("ending_before");
            assertThat(api.get("/v1/logs?order=sideways").errorParam()).isEqualTo("order");
            assertThat(api.get("/v1/logs?anomalous_only=maybe").errorParam()).isEqualTo("anomalous_only");
            assertThat(api.get("/v1/log-anomalies?limit=x").errorParam()).isEqualTo("limit");
            assertThat(api.get("/v1/log-anomalies/x").errorParam()).isEqualTo("id");
            TestServer.Response missing = api.get("/v1/log-anomalies/" + (id + 1));
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.error().get("message").asText()).contains("no flagged log group");
        }
        // The secret lives in the data directory and appears in no response.
        assertThat(dataDir.resolve("secrets").resolve("log-pseudonym.secret")).exists();
        assertThat(Files.size(dataDir.resolve("secrets").resolve("log-pseudonym.secret"))).isEqualTo(32);
    }
}
