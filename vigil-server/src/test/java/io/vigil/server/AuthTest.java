package io.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTest {
    @TempDir
    Path dataDir;

    @Test
    void withAKeyEveryV1CallNeedsTheBearerToken() throws Exception {
        try (TestServer api = TestServer.start(ServerConfig.local(dataDir).withApiKey("s3cret-key"))) {
            String fit = "{\"model\": \"m\", \"data\": [[1, 2], [2, 3], [3, 4], [4, 5]]}";
            TestServer.Response none = api.post("/v1/anomaly/fit", fit);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.error().get("type").asText()).isEqualTo("authentication_error");
            assertThat(none.error().get("message").asText()).contains("Authorization: Bearer");

            api.apiKey = "s3cret-kez";
            assertThat(api.post("/v1/anomaly/fit", fit).status()).isEqualTo(401);
            assertThat(api.get("/v1/anomaly/models").status()).isEqualTo(401);
            assertThat(api.delete("/v1/anomaly/models/x.vigil.json").status()).isEqualTo(401);
            api.apiKey = "s3cret";
            assertThat(api.post("/v1/anomaly/fit", fit).status()).isEqualTo(401);

            TestServer.Response basic = api.send(HttpRequest.newBuilder(URI.create(api.base + "/v1/anomaly/models"))
                    .header("Authorization", "Basic czNjcmV0LWtleQ==").GET());
            assertThat(basic.status()).isEqualTo(401);

            api.apiKey = "s3cret-key";
            assertThat(api.post("/v1/anomaly/fit", fit).status()).isEqualTo(200);
            assertThat(api.get("/v1/anomaly/models").status()).isEqualTo(200);

            // Health, metrics and the API description stay open for probes and scrapers.
            api.apiKey = null;
            assertThat(api.get("/healthz").status()).isEqualTo(200);
            assertThat(api.get("/metrics").status()).isEqualTo(200);
            assertThat(api.get("/openapi.json").status()).isEqualTo(200);
        }
    }

    @Test
    void aNonLoopbackAddressWithoutAKeyIsRefusedUnlessInsecure() {
        ServerConfig open = new ServerConfig("0.0.0.0", 0, dataDir, 1024, null, false, java.time.Clock.systemUTC());
        assertThatThrownBy(open::checkBinding).isInstanceOf(InsecureBindingException.class)
                .hasMessageContaining("VIGIL_API_KEY").hasMessageContaining("--insecure");
        assertThatThrownBy(() -> VigilServer.start(open)).isInstanceOf(InsecureBindingException.class);
        assertThatCode(open.withApiKey("k")::checkBinding).doesNotThrowAnyException();
        assertThatCode(new ServerConfig("0.0.0.0", 0, dataDir, 1024, null, true, java.time.Clock.systemUTC())
                ::checkBinding).doesNotThrowAnyException();
        assertThatCode(new ServerConfig("localhost", 0, dataDir, 1024, null, false, java.time.Clock.systemUTC())
                ::checkBinding).doesNotThrowAnyException();
    }

    @Test
    void theKeyComparisonRejectsEveryNearMiss() {
        BearerAuth auth = new BearerAuth("abc");
        assertThatCode(() -> auth.check("Bearer abc")).doesNotThrowAnyException();
        assertThatCode(() -> auth.check("bearer abc")).doesNotThrowAnyException();
        for (String wrong : new String[] {null, "", "Bearer ", "Bearer ab", "Bearer abcd", "Bearer ABC", "abc"}) {
            assertThatThrownBy(() -> auth.check(wrong)).as(String.valueOf(wrong))
                    .isInstanceOf(UnauthorizedException.class);
        }
    }
}
