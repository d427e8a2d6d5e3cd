package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** A real server on 127.0.0.1 and a free port, driven over HTTP. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant FITTED_AT = Instant.parse("2024-01-15T10:00:00Z");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final VigilServer server;
    final String base;
    String apiKey;

    private TestServer(VigilServer server) {
        this.server = server;
        this.base = server.url();
    }

    static TestServer start(Path dataDir) throws IOException {
        return start(ServerConfig.local(dataDir).withClock(Clock.fixed(FITTED_AT, ZoneOffset.UTC)));
    }

    static TestServer start(ServerConfig config) throws IOException {
        return new TestServer(VigilServer.start(config));
    }

    record Response(int status, String text, JsonNode json) {
        JsonNode error() {
            return json.get("error");
        }

        String errorParam() {
            JsonNode p = json.path("error").path("param");
            return p.isNull() ? null : p.asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Response send(HttpRequest.Builder builder) {
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> r = CLIENT.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json")) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), r.body(), json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
