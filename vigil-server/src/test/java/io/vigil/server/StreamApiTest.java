package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamApiTest {
    @TempDir
    Path dataDir;

    static TestServer.Response put(TestServer api, String path, String body) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void complexityStreamFlagsTheOddPayloadAndSurvivesARestart() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response created = put(api, "/v1/stream/gw", "{\"type\":\"complexity\",\"settings\":{\"depth\":2}}");
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.json().get("type").asText()).isEqualTo("complexity");
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 150; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"payload\":{\"user\":\"u").append(i % 7)
                        .append("\",\"amount\":").append(10 + i % 5).append(",\"currency\":\"EUR\"}}");
            }
            TestServer.Response many = api.post("/v1/stream/gw/observe", batch.append("]").toString());
            assertThat(many.status()).isEqualTo(200);
            assertThat(many.json().get("data")).hasSize(150);
            TestServer.Response odd = api.post("/v1/stream/gw/observe",
                    "{\"payload\":{\"zq\":\"<script>alert(1)</script>\",\"x\":[9,9,9,{\"k\":null}]}}");
            assertThat(odd.status()).isEqualTo(200);
            assertThat(odd.json().get("complexity").asDouble()).isGreaterThan(3);
            assertThat(odd.json().get("count").asLong()).isEqualTo(151);
            assertThat(api.post("/v1/stream/gw/observe", "{\"value\":1}").status()).isEqualTo(400);
            assertThat(api.post("/v1/stream/nope/observe", "{\"value\":1}").status()).isEqualTo(404);
            assertThat(put(api, "/v1/stream/bad", "{\"type\":\"magic\"}").status()).isEqualTo(400);
            assertThat(put(api, "/v1/stream/..", "{\"type\":\"complexity\"}").status()).isIn(400, 404);
        }
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response again = api.get("/v1/stream/gw");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("count").asLong()).isEqualTo(151);
            assertThat(api.get("/v1/stream").json().get("total").asInt()).isEqualTo(1);
            assertThat(api.delete("/v1/stream/gw").status()).isEqualTo(200);
            assertThat(api.get("/v1/stream/gw").status()).isEqualTo(404);
        }
    }

    @Test
    void numericStreamTakesValues() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(put(api, "/v1/stream/cpu", "{\"type\":\"ema_bollinger\",\"settings\":{\"window\":20,\"k\":3}}")
                    .status()).isEqualTo(200);
            TestServer.Response r = null;
            for (int i = 0; i < 40; i++) {
                r = api.post("/v1/stream/cpu/observe", "{\"value\":" + (50 + (i % 3)) + "}");
                assertThat(r.status()).isEqualTo(200);
            }
            TestServer.Response spike = api.post("/v1/stream/cpu/observe", "{\"value\": 500}");
            assertThat(spike.json().get("is_anomaly").asBoolean()).isTrue();
            assertThat(api.post("/v1/stream/cpu/observe", "{\"values\":[\"x\"]}").status()).isEqualTo(400);

            JsonNode recent = api.get("/v1/stream/cpu/recent?limit=2").json();
            assertThat(recent.get("total").asInt()).isEqualTo(41);
            assertThat(recent.get("data")).hasSize(2);
            assertThat(recent.get("data").get(1).get("count").asLong()).isEqualTo(41);
            assertThat(recent.get("data").get(1).get("is_anomaly").asBoolean()).isTrue();
            assertThat(api.get("/v1/stream/cpu/recent").json().get("data")).hasSize(41);
            assertThat(api.get("/v1/stream/cpu/recent?limit=0").errorParam()).isEqualTo("limit");
            assertThat(api.get("/v1/stream/nope/recent").status()).isEqualTo(404);
        }
    }

    @Test
    void badNumbersAreRefusedNamingTheFieldAndLeaveTheStreamAsItWas() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            put(api, "/v1/stream/cpu", "{\"type\":\"ema_bollinger\",\"settings\":{\"window\":5}}");
            assertThat(api.post("/v1/stream/cpu/observe", "{\"value\": 1}").status()).isEqualTo(200);
            assertRefused(api, "{\"value\": 1e400}", "value", "value must be a finite number, got Infinity");
            assertRefused(api, "{\"value\": \"7\"}", "value", "value must be a number, got \"7\"");
            assertRefused(api, "{\"values\": [1, -1e999]}", "values[1]",
                    "values[1] must be a finite number, got -Infinity");
            assertRefused(api, "{\"value\": 2, \"timestamp\": \"2026-01-01\"}", "timestamp",
                    "timestamp must be epoch milliseconds (a whole number), got \"2026-01-01\"");
            assertRefused(api, "[{\"value\": 2}, {\"value\": true}]", "[1].value", "[1].value must be a number, got true");
            assertThat(api.get("/v1/stream/cpu").json().get("count").asLong()).isEqualTo(1);
            TestServer.Response cut = api.post("/v1/stream/cpu/observe", "{\"value\": 1");
            assertThat(cut.status()).isEqualTo(400);
            assertThat(cut.error().get("message").asText()).isEqualTo("the body is not valid JSON: Unexpected "
                    + "end-of-input: expected close marker for Object (opened at line 1, column 1) (line 1, column 12)");
        }
    }

    private static void assertRefused(TestServer api, String body, String param, String message) {
        TestServer.Response r = api.post("/v1/stream/cpu/observe", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorParam()).isEqualTo(param);
        assertThat(r.error().get("message").asText()).isEqualTo(message);
    }

    @Test
    void cadOseStreamFlagsAStepAndKeepsItsMemoryOverARestart() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response bad = put(api, "/v1/stream/lat", "{\"type\":\"cad_ose\",\"settings\":{\"min\":0}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.error().get("message").asText()).contains("give both min and max");
            assertThat(bad.errorParam()).isEqualTo("max");
            assertThat(put(api, "/v1/stream/lat", "{\"type\":\"cad_ose\",\"settings\":{\"warm_up\":20}}").status())
                    .isEqualTo(200);
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 400; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"value\":").append(10 + i % 4).append('}');
            }
            TestServer.Response many = api.post("/v1/stream/lat/observe", batch.append("]").toString());
            assertThat(many.status()).isEqualTo(200);
            assertThat(many.json().get("data").get(399).get("score").asDouble()).isZero();
        }
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.get("/v1/stream/lat").json().get("count").asLong()).isEqualTo(400);
            TestServer.Response step = api.post("/v1/stream/lat/observe", "{\"value\": 60}");
            assertThat(step.status()).isEqualTo(200);
            assertThat(step.json().get("is_anomaly").asBoolean()).isTrue();
            assertThat(step.json().get("raw_score").asDouble()).isGreaterThanOrEqualTo(0.75);
        }
    }
}
