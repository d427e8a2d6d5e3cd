package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Save, versions, list, load, delete, and finding saved models again after a restart. */
class ModelFilesTest {
    @TempDir
    Path dataDir;

    static String fit(String model, int shift) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append(i == 0 ? "" : ",").append('[').append(shift + i % 7).append(',').append(i % 5).append(']');
        }
        return "{\"model\": \"" + model + "\", \"backend\": \"isolation_forest\", \"data\": [" + rows + "]}";
    }

    static final String PROBE = "{\"model\": \"m\", \"data\": [[3, 2], [50, 50], [103, 2]]}";

    @Test
    void savesKeepEveryVersionAndLoadGoesBackToOne() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.post("/v1/anomaly/fit", fit("m", 0)).status()).isEqualTo(200);
            JsonNode firstScores = api.post("/v1/anomaly/score", PROBE).json();
            TestServer.Response save1 = api.post("/v1/anomaly/save", "{\"model\": \"m\"}");
            assertThat(save1.status()).as(save1.toString()).isEqualTo(200);
            assertThat(save1.json().get("version").asInt()).isEqualTo(1);

            assertThat(api.post("/v1/anomaly/fit", fit("m", 100)).status()).isEqualTo(200);
            JsonNode secondScores = api.post("/v1/anomaly/score", PROBE).json();
            assertThat(secondScores).isNotEqualTo(firstScores);
            TestServer.Response save2 = api.post("/v1/anomaly/save", "{\"model\": \"m\", \"backend\": "
                    + "\"isolation_forest\"}");
            assertThat(save2.json().get("version").asInt()).isEqualTo(2);

            Path dir = dataDir.resolve("models").resolve("anomaly");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                        "m_isolation_forest.v1.vigil.json", "m_isolation_forest.v2.vigil.json",
                        "m_isolation_forest.vigil.json", "m_isolation_forest_encoder.json");
            }
            JsonNode list = api.get("/v1/anomaly/models").json();
            assertThat(list.get("total").asInt()).isEqualTo(3);
            List<String> versions = new ArrayList<>();
            list.get("data").forEach(r -> versions.add(r.get("model").asText() + ":" + r.get("version").asText()));
            assertThat(versions).containsExactly("m:1", "m:2", "m:null");

            TestServer.Response load1 = api.post("/v1/anomaly/load", "{\"model\": \"m\", \"backend\": "
                    + "\"isolation_forest\", \"version\": 1}");
            assertThat(load1.status()).as(load1.toString()).isEqualTo(200);
            assertThat(load1.json().get("filename").asText()).isEqualTo("m_isolation_forest.v1.vigil.json");
            assertThat(api.post("/v1/anomaly/score", PROBE).json()).isEqualTo(firstScores);

            TestServer.Response latest = api.post("/v1/anomaly/load", "{\"model\": \"m\"}");
            assertThat(latest.status()).isEqualTo(200);
            assertThat(api.post("/v1/anomaly/score", PROBE).json()).isEqualTo(secondScores);

            TestServer.Response missing = api.post("/v1/anomaly/load", "{\"model\": \"m\", \"version\": 7}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.error().get("message").asText()).contains("[1, 2]");

            JsonNode info = api.get("/v1/anomaly/models/m").json();
            assertThat(info.get("backend").asText()).isEqualTo("isolation_forest");
            assertThat(info.get("saved_versions").toString()).isEqualTo("[1,2]");
            assertThat(info.get("provenance").get("fitted_at").asText()).isEqualTo("2024-01-15T10:00:00Z");
            assertThat(info.get("provenance").get("rows").asInt()).isEqualTo(40);
            assertThat(info.get("threshold").asDouble()).isBetween(0.0, 1.0);
            assertThat(info.get("schema").get("0").asText()).isEqualTo("numeric");
            assertThat(info.get("model_params").get("trees").asInt()).isEqualTo(100);

            assertThat(api.delete("/v1/anomaly/models/m_isolation_forest.v1.vigil.json").status()).isEqualTo(200);
            assertThat(api.delete("/v1/anomaly/models/m_isolation_forest.v1.vigil.json").status()).isEqualTo(404);
            assertThat(api.get("/v1/anomaly/models").json().get("total").asInt()).isEqualTo(2);
            // A deleted file does not unload the model that is serving.
            assertThat(api.post("/v1/anomaly/score", PROBE).status()).isEqualTo(200);
        }
    }

    @Test
    void aSaveNumbersOnFromTheHighestVersionOfThatModelAlone() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.post("/v1/anomaly/fit", fit("m", 0)).status()).isEqualTo(200);
            assertThat(api.post("/v1/anomaly/save", "{\"model\": \"m\"}").json().get("version").asInt()).isEqualTo(1);
            Path dir = dataDir.resolve("models").resolve("anomaly");
            Path v1 = dir.resolve("m_isolation_forest.v1.vigil.json");
            // v9 sorts after v10 by name; other models and stray names around it must not count.
            Files.copy(v1, dir.resolve("m_isolation_forest.v9.vigil.json"));
            Files.copy(v1, dir.resolve("m_x_isolation_forest.v40.vigil.json"));
            Files.copy(v1, dir.resolve("m_isolation_forest.v77.bak.vigil.json"));
            Files.copy(v1, dir.resolve("mm_isolation_forest.v50.vigil.json"));

            assertThat(api.post("/v1/anomaly/save", "{\"model\": \"m\"}").json().get("version").asInt()).isEqualTo(10);
            assertThat(api.post("/v1/anomaly/save", "{\"model\": \"m\"}").json().get("version").asInt()).isEqualTo(11);
            assertThat(Files.exists(dir.resolve("m_isolation_forest.v11.vigil.json"))).isTrue();
        }
    }

    @Test
    void aNewServerOverTheSameDataDirFindsSavedModelsWithoutALoad() throws Exception {
        JsonNode before;
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.post("/v1/anomaly/fit", fit("m", 0)).status()).isEqualTo(200);
            assertThat(api.post("/v1/anomaly/save", "{\"model\": \"m\"}").status()).isEqualTo(200);
            assertThat(api.post("/v1/anomaly/fit", fit("unsaved", 0)).status()).isEqualTo(200);
            before = api.post("/v1/anomaly/score", PROBE).json();
        }
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.get("/healthz").json().get("models_loaded").asInt()).isZero();
            TestServer.Response after = api.post("/v1/anomaly/score", PROBE);
            assertThat(after.status()).as(after.toString()).isEqualTo(200);
            assertThat(after.json()).isEqualTo(before);
            assertThat(api.get("/healthz").json().get("models_loaded").asInt()).isEqualTo(1);
            assertThat(api.post("/v1/anomaly/score", PROBE.replace("\"m\"", "\"unsaved\"")).status())
                    .isEqualTo(404);
            assertThat(api.get("/v1/anomaly/models/m").status()).isEqualTo(200);
        }
    }

    @Test
    void aModelSavedWithSeveralBackendsNeedsTheBackendNamed() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            assertThat(api.post("/v1/anomaly/fit", fit("m", 0)).status()).isEqualTo(200);
            assertThat(api.post("/v1/anomaly/save", "{\"model\": \"m\"}").status()).isEqualTo(200);
            assertThat(api.post("/v1/anomaly/fit", fit("m", 0).replace("isolation_forest", "ecod")).status())
                    .isEqualTo(200);
            assertThat(api.post("/v1/anomaly/save", "{\"model\": \"m\"}").status()).isEqualTo(200);
            TestServer.Response ambiguous = api.post("/v1/anomaly/load", "{\"model\": \"m\"}");
            assertThat(ambiguous.status()).isEqualTo(400);
            assertThat(ambiguous.errorParam()).isEqualTo("backend");
            TestServer.Response ecod = api.post("/v1/anomaly/load", "{\"model\": \"m\", \"backend\": \"ecod\"}");
            assertThat(ecod.status()).isEqualTo(200);
            assertThat(ecod.json().get("backend").asText()).isEqualTo("ecod");
            JsonNode list = api.get("/v1/anomaly/models").json();
            List<String> backends = new ArrayList<>();
            list.get("data").forEach(r -> backends.add(r.get("backend").asText()));
            assertThat(backends).contains("ecod", "isolation_forest");
        }
    }

    @Test
    void explanationsNameTheFeatureThatMadeAPointAnomalous() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            // ECOD scores each feature's tail, so a value far outside the training range shows in its own term.
            assertThat(api.post("/v1/anomaly/fit", fit("m", 0).replace("isolation_forest", "ecod")).status())
                    .isEqualTo(200);
            TestServer.Response r = api.post("/v1/anomaly/detect", "{\"model\": \"m\", \"explain\": 2, "
                    + "\"threshold\": 0.5, \"data\": [[3, 2], [3, 400]]}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode point = r.json().get("data").get(0);
            assertThat(point.get("index").asInt()).isEqualTo(1);
            JsonNode top = point.get("top_features");
            assertThat(top).hasSize(2);
            assertThat(top.get(0).get("feature").asText()).isEqualTo("1");
            assertThat(top.get(0).get("value").asDouble()).isEqualTo(400);
            assertThat(top.get(0).get("contribution").asDouble()).isGreaterThan(top.get(1).get("contribution")
                    .asDouble());
            assertThat(top.get(0).has("normal")).isTrue();
        }
    }
}
