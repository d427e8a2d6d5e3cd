package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowApiTest {
    @TempDir
    Path dataDir;

    static String transactions(int rows) {
        Random r = new Random(11);
        StringBuilder sb = new StringBuilder("amount,hour,method,is_fraud\n");
        for (int i = 0; i < rows; i++) {
            boolean odd = i % 25 == 4;
            sb.append(odd ? 4000 + 300 * r.nextGaussian() : 50 + 10 * r.nextGaussian()).append(',')
                    .append(odd ? r.nextInt(4) : 9 + r.nextInt(10)).append(',')
                    .append(i % 2 == 0 ? "card" : "cash").append(',').append(odd ? "true" : "false").append('\n');
        }
        return sb.toString();
    }

    static TestServer.Response upload(TestServer api, String query, String csv) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/datasets" + query))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    static JsonNode awaitRun(TestServer api, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode run = api.get("/v1/runs/" + id).json();
            String state = run.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish in 30 s");
    }

    @Test
    void uploadCreateDetectorRunAndReadResultsOverHttp() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response up = upload(api, "?name=tx", transactions(500));
            assertThat(up.status()).as(up.toString()).isEqualTo(201);
            assertThat(up.json().get("label_column").asText()).isEqualTo("is_fraud");
            assertThat(up.json().get("rows").asInt()).isEqualTo(500);
            assertThat(api.get("/v1/datasets").json().get("total").asInt()).isEqualTo(1);
            assertThat(api.get("/v1/datasets/tx/preview?rows=2").json().get("rows").size()).isEqualTo(2);
            JsonNode stats = api.get("/v1/datasets/tx/stats").json().get("data");
            assertThat(stats.get(0).get("name").asText()).isEqualTo("amount");
            assertThat(stats.get(0).has("mean")).isTrue();

            TestServer.Response det = api.post("/v1/detectors", "{\"name\": \"fraud\", \"algorithm\": "
                    + "\"IsolationForest\", \"contamination\": 0.04, \"parameters\": {\"trees\": 80}}");
            assertThat(det.status()).as(det.toString()).isEqualTo(201);
            assertThat(det.json().get("algorithm").asText()).isEqualTo("isolation_forest");

            TestServer.Response started = api.post("/v1/runs", "{\"detector\": \"fraud\", \"dataset\": \"tx\"}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            String id = started.json().get("id").asText();
            JsonNode run = awaitRun(api, id);
            assertThat(run.get("state").asText()).as(run.toString()).isEqualTo("succeeded");
            assertThat(run.get("progress").get("percent").asDouble()).isEqualTo(100);
            assertThat(run.get("metrics").get("roc_auc").asDouble()).isGreaterThan(0.95);
            assertThat(run.get("metrics").get("confusion_matrix").get("true_positives").asInt()).isPositive();

            JsonNode page = api.get("/v1/runs/" + id + "/results?limit=5&anomalies_only=true").json();
            assertThat(page.get("rows").size()).isEqualTo(5);
            assertThat(page.get("rows").get(0).get("is_anomaly").asBoolean()).isTrue();
            assertThat(page.get("rows").get(0).get("values").has("amount")).isTrue();

            TestServer.Response csv = api.get("/v1/runs/" + id + "/results.csv?anomalies_only=true");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.text()).startsWith("index,score,raw_score,is_anomaly,amount,hour,method,is_fraud\n");
            assertThat(csv.text().lines().count()).isEqualTo(run.get("summary").get("anomalies").asLong() + 1);

            JsonNode charts = api.get("/v1/runs/" + id + "/charts?x=amount&y=hour").json();
            assertThat(charts.get("histogram").get("bins").size()).isEqualTo(40);
            assertThat(charts.get("roc").size()).isGreaterThan(2);
            assertThat(charts.get("scatter").get("points").size()).isEqualTo(500);

            assertThat(api.get("/v1/runs").json().get("data").get(0).get("id").asText()).isEqualTo(id);
            assertThat(api.post("/v1/runs/" + id + "/cancel", "").json().get("state").asText())
                    .isEqualTo("succeeded");

            JsonNode compare = api.post("/v1/compare", "{\"dataset\": \"tx\", \"detectors\": [\"fraud\"]}").json();
            assertThat(compare.get("results").get(0).get("metrics").get("f1").asDouble()).isGreaterThan(0.5);
        }
    }

    @Test
    void uploadsOverTheBodyLimitGet413AndLeaveNothingBehind() throws Exception {
        try (TestServer api = TestServer.start(ServerConfig.local(dataDir).withMaxBodyBytes(10_000))) {
            TestServer.Response r = upload(api, "?name=big", transactions(2000));
            assertThat(r.status()).as(r.toString()).isEqualTo(413);
            assertThat(api.get("/v1/datasets").json().get("total").asInt()).isZero();
            assertThat(upload(api, "?name=small", transactions(50)).status()).isEqualTo(201);
        }
    }

    @Test
    void multipartUploadFromABrowserForm() {
        try (TestServer api = TestServer.start(dataDir)) {
            String boundary = "vigil-boundary-42";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nform\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + transactions(40) + "\r\n--" + boundary + "--\r\n";
            TestServer.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/datasets"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().get("id").asText()).isEqualTo("form");
            assertThat(r.json().get("rows").asInt()).isEqualTo(40);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void badRequestsNameTheFieldAndMissingThingsAre404() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response badName = upload(api, "?name=../x", "a\n1\n");
            assertThat(badName.status()).isEqualTo(400);
            assertThat(badName.errorParam()).isEqualTo("name");
            TestServer.Response jsonName = api.post("/v1/datasets", "{\"name\": \"t\"}");
            assertThat(jsonName.status()).isEqualTo(400);
            assertThat(jsonName.errorParam()).isEqualTo("name");
            assertThat(jsonName.error().get("message").asText()).startsWith("query parameter 'name' is required")
                    .contains("/v1/datasets/samples");
            assertThat(upload(api, "?name=t", transactions(30)).status()).isEqualTo(201);
            TestServer.Response again = upload(api, "?name=t", transactions(30));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.errorParam()).isEqualTo("name");
            TestServer.Response badParam = api.post("/v1/detectors", "{\"name\": \"d\", \"algorithm\": "
                    + "\"isolation_forest\", \"parameters\": {\"trees\": 0}}");
            assertThat(badParam.status()).isEqualTo(400);
            assertThat(badParam.errorParam()).isEqualTo("parameters.trees");
            TestServer.Response halfSeed = api.post("/v1/detectors", "{\"name\": \"d\", \"algorithm\": "
                    + "\"isolation_forest\", \"seed\": 1.5}");
            assertThat(halfSeed.status()).isEqualTo(400);
            assertThat(halfSeed.errorParam()).isEqualTo("seed");
            TestServer.Response unknownField = api.post("/v1/detectors", "{\"name\": \"d\", \"algo\": \"x\"}");
            assertThat(unknownField.errorParam()).isEqualTo("algo");
            assertThat(api.get("/v1/datasets/nope").status()).isEqualTo(404);
            assertThat(api.get("/v1/runs/run-0/results").status()).isEqualTo(404);
            TestServer.Response noDetector = api.post("/v1/runs", "{\"detector\": \"ghost\", \"dataset\": \"t\"}");
            assertThat(noDetector.status()).isEqualTo(404);
            assertThat(noDetector.error().get("message").asText()).contains("ghost");
            TestServer.Response badPreview = api.get("/v1/datasets/t/preview?rows=abc");
            assertThat(badPreview.status()).isEqualTo(400);
            assertThat(badPreview.errorParam()).isEqualTo("rows");
            assertThat(api.delete("/v1/datasets/t").status()).isEqualTo(200);
            assertThat(api.get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void sampleDatasetsAreGeneratedSeededAndLabelled() throws Exception {
        try (TestServer api = TestServer.start(dataDir)) {
            TestServer.Response made = api.post("/v1/datasets/samples", "{\"name\": \"shop\", \"type\": "
                    + "\"ecommerce\", \"size\": 500, \"anomaly_rate\": 0.04, \"seed\": 7}");
            assertThat(made.status()).as(made.text()).isEqualTo(201);
            assertThat(made.json().get("rows").asInt()).isEqualTo(500);
            assertThat(made.json().get("label_column").asText()).isEqualTo("label");
            TestServer.Response badType = api.post("/v1/datasets/samples", "{\"name\": \"s\", \"type\": \"tv\"}");
            assertThat(badType.status()).isEqualTo(400);
            assertThat(badType.errorParam()).isEqualTo("type");
            TestServer.Response badRate = api.post("/v1/datasets/samples", "{\"name\": \"s\", \"type\": "
                    + "\"sensor\", \"anomaly_rate\": 0.9}");
            assertThat(badRate.status()).isEqualTo(400);
            assertThat(badRate.errorParam()).isEqualTo("anomaly_rate");
            TestServer.Response unknown = api.post("/v1/datasets/samples", "{\"name\": \"s\", \"kind\": \"x\"}");
            assertThat(unknown.errorParam()).isEqualTo("kind");
            assertThat(api.get("/v1/datasets").text()).contains("shop").doesNotContain("\"s\"");
        }
    }
}
