package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every bad request gets a 4xx JSON error saying what to fix, and the server keeps serving. */
class BadRequestTest {
    @TempDir
    static Path dataDir;
    static TestServer api;
    static final String ROWS = "[[1, 2, 3], [2, 3, 4], [3, 4, 5], [4, 5, 6], [5, 6, 7], [2, 2, 2], [3, 3, 3], [4, 4, 4]]";

    @BeforeAll
    static void start() throws Exception {
        api = TestServer.start(ServerConfig.local(dataDir).withMaxBodyBytes(64 * 1024));
        assertThat(api.post("/v1/anomaly/fit", "{\"model\": \"m\", \"backend\": \"isolation_forest\", \"data\": " + ROWS
                + "}").status()).isEqualTo(200);
        assertThat(api.post("/v1/anomaly/fit", "{\"model\": \"named\", \"data\": [{\"a\": 1, \"b\": \"x\"}, "
                + "{\"a\": 2, \"b\": \"y\"}, {\"a\": 3, \"b\": \"x\"}], \"schema\": {\"a\": \"numeric\", "
                + "\"b\": \"label\"}}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @AfterEach
    void stillServing() {
        assertThat(api.get("/healthz").status()).isEqualTo(200);
        assertThat(api.post("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]]}").status()).isEqualTo(200);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                // path, body, status, param (null: none), words the message must contain
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, 2]", 400, null, "malformed JSON"),
                Arguments.of("/v1/anomaly/fit", "not json", 400, null, "malformed JSON"),
                Arguments.of("/v1/anomaly/fit", "", 400, null, "empty"),
                Arguments.of("/v1/anomaly/fit", "[1, 2]", 400, null, "must be a JSON object, got a list"),
                Arguments.of("/v1/anomaly/fit", "\"fit\"", 400, null, "must be a JSON object, got a string"),
                Arguments.of("/v1/anomaly/fit", "{\"data\": " + ROWS + "}", 400, "model", "model is required"),
                Arguments.of("/v1/anomaly/score", "{\"data\": [[1, 2, 3]]}", 400, "model", "model is required"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"nope\", \"data\": [[1, 2, 3]]}", 404, "model",
                        "no model named 'nope'"),
                Arguments.of("/v1/anomaly/detect", "{\"model\": \"nope\", \"data\": [[1, 2, 3]]}", 404, "model",
                        "fit it"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"backend\": \"magic\", \"data\": " + ROWS + "}",
                        400, "backend", "isolation_forest"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"backend\": \"magic\", \"data\": [[1, 2, 3]]}",
                        400, "backend", "unknown backend"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"backend\": \"ecod\", \"data\": [[1, 2, 3]]}",
                        400, "backend", "uses backend isolation_forest"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": []}", 400, "data", "empty"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\"}", 400, "data", "data is required"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": 5}", 400, "data", "array of rows"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[]]}", 400, "data[0]", "at least one"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, 2], [1, 2, 3]]}", 400, "data[1]",
                        "same number of features"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, 2], {\"a\": 1}]}", 400, "data[1]",
                        "array of numbers"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, \"NaN\"], [1, 2]]}", 400,
                        "data[0][1]", "must be a number"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, NaN], [1, 2]]}", 400, null,
                        "malformed JSON"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, null], [1, 2]]}", 400,
                        "data[0][1]", "null"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [[1, 1e999], [1, 2]]}", 400,
                        "data[0][1]", "finite"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [{\"a\": [1]}]}", 400, "data[0].a",
                        "number, string, boolean or null"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [{\"a\": \"abc\"}, {\"a\": 2}], "
                        + "\"schema\": {\"a\": \"numeric\"}}", 400, "data[0].a", "abc"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [{\"a\": 1}], \"schema\": "
                        + "{\"a\": \"fancy\"}}", 400, "schema.a", "fancy"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": [{\"a\": 1}], \"schema\": "
                        + "{\"b\": \"numeric\"}}", 400, "schema.b", "not in the data"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2]]}", 400, "data",
                        "expects 3 values"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"named\", \"data\": [{\"c\": 1}]}", 400, "data",
                        "[a, b]"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]], \"schema\": "
                        + "{\"x\": \"numeric\"}}", 400, "schema", "fitted with schema"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": " + ROWS + ", \"contamination\": 0}",
                        400, "contamination", "greater than 0"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": " + ROWS + ", \"contamination\": 0.6}",
                        400, "contamination", "at most 0.5"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": " + ROWS + ", \"contamination\": "
                        + "\"lots\"}", 400, "contamination", "auto"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]], \"threshold\": 1.5}",
                        400, "threshold", "between 0 and 1"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]], \"threshold\": -0.1}",
                        400, "threshold", "between 0 and 1"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]], \"threshold\": \"hi\"}",
                        400, "threshold", "must be a number"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]], \"explain\": 0}",
                        400, "explain", "at least 1"),
                Arguments.of("/v1/anomaly/score", "{\"model\": \"m\", \"data\": [[1, 2, 3]], \"tresh\": 0.5}",
                        400, "tresh", "unknown field"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"data\": " + ROWS + ", \"n_trees\": 5}",
                        400, "n_trees", "unknown parameter 'n_trees'"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"backend\": \"isolation_forest\", \"data\": " + ROWS
                        + ", \"epochs\": 5}",
                        400, "epochs", "unknown parameter 'epochs' for isolation_forest; it takes max_features, sample_size, trees"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"backend\": \"isolation_forest\", \"data\": " + ROWS
                        + ", \"n_estimators\": 0}",
                        400, "trees", "greater than 0"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"x\", \"model\": \"y\", \"data\": " + ROWS + "}",
                        400, "model", "twice"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"../../etc/passwd\", \"data\": " + ROWS + "}",
                        400, "model", "letters, digits"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"/tmp/x\", \"data\": " + ROWS + "}",
                        400, "model", "letters, digits"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": \"..\", \"data\": " + ROWS + "}",
                        400, "model", "letters, digits"),
                Arguments.of("/v1/anomaly/fit", "{\"model\": 7, \"data\": " + ROWS + "}",
                        400, "model", "must be a string"),
                Arguments.of("/v1/anomaly/save", "{\"model\": \"nope\"}", 404, "model", "fit it first"),
                Arguments.of("/v1/anomaly/load", "{\"model\": \"nope\", \"backend\": \"isolation_forest\"}", 404,
                        "model", "no saved model"),
                Arguments.of("/v1/anomaly/load", "{\"model\": \"a/../../b\"}", 400, "model", "letters, digits"),
                Arguments.of("/v1/anomaly/load", "{\"model\": \"m\", \"version\": 0}", 400, "version", "1 or more"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRequests")
    void refusedWithAMessageThatSaysWhatToFix(String path, String body, int status, String param, String words) {
        TestServer.Response r = api.post(path, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json()).as(r.toString()).isNotNull();
        assertThat(r.error().get("type").asText()).isNotBlank();
        assertThat(r.error().has("param")).isTrue();
        assertThat(r.errorParam()).as(r.toString()).isEqualTo(param);
        assertThat(r.error().get("message").asText()).as(r.toString()).contains(words);
    }

    @Test
    void bodiesOverTheLimitGet413() {
        StringBuilder big = new StringBuilder("{\"model\": \"m\", \"data\": [");
        while (big.length() < 100 * 1024) {
            big.append("[1.0, 2.0, 3.0],");
        }
        big.append("[1.0, 2.0, 3.0]]}");
        TestServer.Response r = api.post("/v1/anomaly/score", big.toString());
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error().get("message").asText()).contains("--max-body-mb");
    }

    @Test
    void unknownRoutesAndMethodsAnswerInJson() {
        TestServer.Response r = api.get("/v1/anomaly/nothing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error().get("message").asText()).contains("openapi.json");
        TestServer.Response wrongMethod = api.get("/v1/anomaly/fit");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.error().get("message").asText()).contains("GET");
    }

    @Test
    void pathTraversalInFileNamesNeverLeavesTheModelsFolder() throws Exception {
        Path outside = dataDir.resolve("precious.vigil.json");
        java.nio.file.Files.writeString(outside, "keep me");
        for (String name : new String[] {"..%2Fprecious.vigil.json", "..%2F..%2Fprecious.vigil.json",
                "%2Fetc%2Fpasswd", "..", ".hidden.vigil.json", "a%5C..%5Cb.vigil.json",
                "%2E%2E%2Fprecious.vigil.json"}) {
            TestServer.Response r = api.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/anomaly/models/"
                    + name)).DELETE());
            assertThat(r.status()).as(name + " -> " + r).isBetween(400, 404);
        }
        assertThat(outside).hasContent("keep me");
        TestServer.Response describe = api.get("/v1/anomaly/models/..%2Fprecious");
        assertThat(describe.status()).isBetween(400, 404);
    }
}
