package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The request examples of the anomaly API guide, sent verbatim, answered in the documented shapes. */
class GuideExamplesTest {
    @TempDir
    static Path dataDir;
    static TestServer api;

    static final String SENSOR_FIT = """
            {
                "model": "sensor-monitor",
                "backend": "isolation_forest",
                "data": [
                  [100, 1024, 10],
                  [105, 1100, 12],
                  [98, 980, 9],
                  [102, 1050, 11],
                  [103, 1080, 10]
                ],
                "contamination": 0.1
              }""";
    static final String SENSOR_DETECT = """
            {
                "model": "sensor-monitor",
                "data": [
                  [100, 1024, 10],
                  [9999, 50000, 1000],
                  [103, 1080, 11]
                ]
              }""";
    static final String API_LOG_FIT = """
            {
                "model": "api-log-detector",
                "backend": "isolation_forest",
                "data": [
                  {"response_time_ms": 100, "bytes": 1024, "method": "GET", "user_agent": "Mozilla/5.0"},
                  {"response_time_ms": 105, "bytes": 1100, "method": "POST", "user_agent": "Chrome/90.0"},
                  {"response_time_ms": 98, "bytes": 980, "method": "GET", "user_agent": "Safari/14.0"},
                  {"response_time_ms": 102, "bytes": 1050, "method": "GET", "user_agent": "Mozilla/5.0"}
                ],
                "schema": {
                  "response_time_ms": "numeric",
                  "bytes": "numeric",
                  "method": "label",
                  "user_agent": "hash"
                },
                "contamination": 0.1
              }""";
    static final String API_LOG_DETECT = """
            {
                "model": "api-log-detector",
                "data": [
                  {"response_time_ms": 100, "bytes": 1024, "method": "GET", "user_agent": "Mozilla/5.0"},
                  {"response_time_ms": 9000, "bytes": 500000, "method": "POST", "user_agent": "sqlmap/1.0"}
                ]
              }""";
    static final String API_LOG_SAVE = """
            {
                "model": "api-log-detector",
                "backend": "isolation_forest"
              }""";

    @BeforeAll
    static void start() throws Exception {
        api = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void quickStartFitsThenDetectsTheOutlier() {
        TestServer.Response fit = api.post("/v1/anomaly/fit", SENSOR_FIT);
        assertThat(fit.status()).as(fit.toString()).isEqualTo(200);
        JsonNode f = fit.json();
        assertThat(f.get("object").asText()).isEqualTo("fit_result");
        assertThat(f.get("model").asText()).isEqualTo("sensor-monitor");
        assertThat(f.get("backend").asText()).isEqualTo("isolation_forest");
        assertThat(f.get("samples_fitted").asInt()).isEqualTo(5);
        assertThat(f.get("training_time_ms").isNumber()).isTrue();
        assertThat(f.get("model_params").get("trees").asInt()).isEqualTo(100);
        assertThat(f.get("encoder").get("features")).hasSize(3);
        assertThat(f.get("encoder").get("schema").get("0").asText()).isEqualTo("numeric");
        assertThat(f.get("status").asText()).isEqualTo("fitted");

        TestServer.Response detect = api.post("/v1/anomaly/detect", SENSOR_DETECT);
        assertThat(detect.status()).as(detect.toString()).isEqualTo(200);
        JsonNode d = detect.json();
        assertThat(d.get("object").asText()).isEqualTo("list");
        List<Integer> indices = new ArrayList<>();
        d.get("data").forEach(p -> {
            indices.add(p.get("index").asInt());
            assertThat(p.has("is_anomaly")).isFalse();
            assertThat(p.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(p.get("raw_score").isNumber()).isTrue();
        });
        // Five training rows are too few for Isolation Forest to tell the far-off row from the training row at
        // the same corner (every split sends both the same way), exactly as in scikit-learn; its score is still
        // the highest of the three, and a threshold between them flags it alone.
        assertThat(d.get("total_count").asInt()).isEqualTo(indices.size());
        assertThat(d.get("summary").get("anomalies_detected").asInt()).isEqualTo(indices.size());
        assertThat(d.get("summary").get("threshold").asDouble()).isEqualTo(f.get("threshold").asDouble());

        TestServer.Response score = api.post("/v1/anomaly/score", SENSOR_DETECT);
        assertThat(score.status()).isEqualTo(200);
        JsonNode s = score.json();
        assertThat(s.get("data")).hasSize(3);
        JsonNode outlier = s.get("data").get(1);
        assertThat(outlier.get("index").asInt()).isEqualTo(1);
        assertThat(outlier.get("score").asDouble()).isGreaterThan(s.get("data").get(0).get("score").asDouble());
        assertThat(s.get("summary").get("total_points").asInt()).isEqualTo(3);
        assertThat(s.get("summary").get("anomaly_count").asInt()).isEqualTo(indices.size());
        assertThat(s.get("summary").get("anomaly_rate").asDouble()).isEqualTo(indices.size() / 3.0);
        for (int i = 0; i < 3; i++) {
            assertThat(s.get("data").get(i).get("is_anomaly").asBoolean()).isEqualTo(indices.contains(i));
        }
        assertThat(outlier.get("score").asDouble()).isGreaterThan(s.get("data").get(2).get("score").asDouble());

        TestServer.Response strict = api.post("/v1/anomaly/detect", SENSOR_DETECT.replace("\"data\"",
                "\"threshold\": 0.6, \"data\""));
        assertThat(strict.status()).as(strict.toString()).isEqualTo(200);
        assertThat(strict.json().get("data")).hasSize(1);
        assertThat(strict.json().get("data").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(strict.json().get("summary").get("threshold").asDouble()).isEqualTo(0.6);
    }

    @Test
    void mixedDataWithSchemaSaveLoadListAndDelete() throws Exception {
        TestServer.Response fit = api.post("/v1/anomaly/fit", API_LOG_FIT);
        assertThat(fit.status()).as(fit.toString()).isEqualTo(200);
        assertThat(fit.json().get("encoder").get("schema").get("method").asText()).isEqualTo("label");
        assertThat(fit.json().get("encoder").get("features")).hasSize(4);

        TestServer.Response detect = api.post("/v1/anomaly/detect", API_LOG_DETECT);
        assertThat(detect.status()).as(detect.toString()).isEqualTo(200);
        List<Integer> indices = new ArrayList<>();
        detect.json().get("data").forEach(p -> indices.add(p.get("index").asInt()));
        assertThat(indices).containsExactly(1);

        TestServer.Response save = api.post("/v1/anomaly/save", API_LOG_SAVE);
        assertThat(save.status()).as(save.toString()).isEqualTo(200);
        JsonNode s = save.json();
        assertThat(s.get("object").asText()).isEqualTo("save_result");
        assertThat(s.get("model").asText()).isEqualTo("api-log-detector");
        assertThat(s.get("backend").asText()).isEqualTo("isolation_forest");
        assertThat(s.get("filename").asText()).isEqualTo("api-log-detector_isolation_forest.vigil.json");
        assertThat(Path.of(s.get("path").asText())).isRegularFile()
                .startsWith(dataDir.resolve("models").resolve("anomaly"));
        assertThat(Path.of(s.get("encoder_path").asText())).isRegularFile()
                .hasFileName("api-log-detector_isolation_forest_encoder.json");
        assertThat(s.get("status").asText()).isEqualTo("saved");

        TestServer.Response load = api.post("/v1/anomaly/load", API_LOG_SAVE);
        assertThat(load.status()).as(load.toString()).isEqualTo(200);
        assertThat(load.json().get("status").asText()).isEqualTo("loaded");
        assertThat(api.post("/v1/anomaly/detect", API_LOG_DETECT).json()).isEqualTo(detect.json());

        TestServer.Response list = api.get("/v1/anomaly/models");
        assertThat(list.status()).isEqualTo(200);
        JsonNode l = list.json();
        assertThat(l.get("object").asText()).isEqualTo("list");
        assertThat(l.get("models_dir").asText()).isEqualTo(dataDir.resolve("models").resolve("anomaly").toString());
        assertThat(l.get("total").asInt()).isEqualTo(l.get("data").size());
        JsonNode latest = null;
        for (JsonNode row : l.get("data")) {
            if (row.get("filename").asText().equals("api-log-detector_isolation_forest.vigil.json")) {
                latest = row;
            }
        }
        assertThat(latest).isNotNull();
        assertThat(latest.get("size_bytes").asLong()).isEqualTo(Files.size(Path.of(s.get("path").asText())));
        assertThat(latest.get("modified").asDouble()).isGreaterThan(1.7e9);
        assertThat(latest.get("backend").asText()).isEqualTo("isolation_forest");

        // The guide's delete example names a file that does not exist here: a documented 404, not a crash.
        TestServer.Response missing = api.delete("/v1/anomaly/models/api_detector_v1.joblib");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("message").asText()).contains("api_detector_v1.joblib");

        TestServer.Response deleted = api.delete("/v1/anomaly/models/api-log-detector_isolation_forest.vigil.json");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        assertThat(Path.of(s.get("path").asText())).doesNotExist();
        assertThat(Path.of(s.get("encoder_path").asText())).doesNotExist();
    }

    @Test
    void autoencoderTakesEpochsAndBatchSize() {
        StringBuilder rows = new StringBuilder();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {
            rows.append(i == 0 ? "" : ",").append('[').append(r.nextGaussian()).append(',')
                    .append(r.nextGaussian()).append(',').append(r.nextGaussian()).append(']');
        }
        TestServer.Response fit = api.post("/v1/anomaly/fit", "{\"model\": \"ae\", \"backend\": \"autoencoder\", "
                + "\"epochs\": 5, \"batch_size\": 32, \"data\": [" + rows + "]}");
        assertThat(fit.status()).as(fit.toString()).isEqualTo(200);
        assertThat(fit.json().get("model_params").get("epochs").asInt()).isEqualTo(5);
        assertThat(fit.json().get("model_params").get("batch_size").asInt()).isEqualTo(32);
    }

    @Test
    void everyGuideBackendFits() {
        for (String backend : List.of("isolation_forest", "one_class_svm", "local_outlier_factor")) {
            TestServer.Response fit = api.post("/v1/anomaly/fit", SENSOR_FIT.replace("\"isolation_forest\"",
                    "\"" + backend + "\"").replace("sensor-monitor", "s-" + backend));
            assertThat(fit.status()).as(backend + ": " + fit).isEqualTo(200);
            TestServer.Response score = api.post("/v1/anomaly/score",
                    SENSOR_DETECT.replace("sensor-monitor", "s-" + backend));
            assertThat(score.status()).as(backend + ": " + score).isEqualTo(200);
            JsonNode data = score.json().get("data");
            assertThat(data.get(1).get("score").asDouble()).as(backend)
                    .isGreaterThan(data.get(0).get("score").asDouble());
        }
    }

    @Test
    void contaminationAutoLearnsTheThresholdFromTheScores() {
        TestServer.Response fit = api.post("/v1/anomaly/fit", SENSOR_FIT.replace("sensor-monitor", "auto-c")
                .replace("\"contamination\": 0.1", "\"contamination\": \"auto\""));
        assertThat(fit.status()).as(fit.toString()).isEqualTo(200);
        JsonNode info = api.get("/v1/anomaly/models/auto-c").json();
        assertThat(info.get("threshold_rule").asText()).isEqualTo("auto");
        assertThat(info.get("threshold").asDouble()).isEqualTo(fit.json().get("threshold").asDouble());
    }
}
