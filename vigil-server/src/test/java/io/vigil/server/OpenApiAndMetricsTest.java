package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiAndMetricsTest {
    @TempDir
    Path dataDir;

    @Test
    void theOpenApiDocumentListsEveryRegisteredRouteAndNoOther() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response r = api.get("/openapi.json");
            assertThat(r.status()).isEqualTo(200);
            JsonNode doc = r.json();
            assertThat(doc.get("openapi").asText()).startsWith("3.");
            JsonNode paths = doc.get("paths");
            int operations = 0;
            for (VigilServer.Route route : api.server.routes()) {
                JsonNode path = paths.get(route.path());
                assertThat(path).as(route.path() + " is not in openapi.json").isNotNull();
                assertThat(path.get(route.method().toLowerCase(Locale.ROOT))).as(route.toString()).isNotNull();
            }
            var names = paths.fieldNames();
            while (names.hasNext()) {
                String path = names.next();
                var methods = paths.get(path).fieldNames();
                while (methods.hasNext()) {
                    String method = methods.next().toUpperCase(Locale.ROOT);
                    operations++;
                    assertThat(api.server.routes()).as(method + " " + path + " is documented but not served")
                            .contains(new VigilServer.Route(method, path));
                }
            }
            assertThat(operations).isEqualTo(api.server.routes().size());
        }
    }

    @Test
    void metricsCountRequestsPerRouteModelsAndRows() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            api.post("/v1/anomaly/fit", "{\"model\": \"m\", \"backend\": \"isolation_forest\", "
                    + "\"data\": [[1, 2], [2, 3], [3, 4], [4, 4], [2, 2]]}");
            api.post("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2], [9, 9], [3, 3]]}");
            api.post("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2]]}");
            api.post("/v1/anomaly/score", "{\"model\": \"nope\", \"data\": [[1, 2]]}");
            TestServer.Response r = api.get("/metrics");
            assertThat(r.status()).isEqualTo(200);
            String text = r.text();
            assertThat(text).contains("vigil_rows_scored_total 4.0");
            assertThat(text).contains("vigil_models_loaded 1.0");
            assertThat(text).containsPattern("vigil_http_requests_seconds_count\\{[^}]*route=\"/v1/anomaly/score\""
                    + "[^}]*status=\"200\"[^}]*} 2");
            assertThat(text).containsPattern("vigil_http_requests_seconds_count\\{[^}]*route=\"/v1/anomaly/score\""
                    + "[^}]*status=\"404\"[^}]*} 1");
            assertThat(text).containsPattern("vigil_http_requests_seconds_sum\\{[^}]*route=\"/v1/anomaly/fit\"");
            assertThat(text).contains("vigil_rows_fitted_total{backend=\"isolation_forest\"} 5.0");

            JsonNode health = api.get("/healthz").json();
            assertThat(health.get("status").asText()).isEqualTo("ok");
            assertThat(health.get("models_loaded").asInt()).isEqualTo(1);
            assertThat(health.get("backends").toString()).contains("isolation_forest");
        }
    }
}
