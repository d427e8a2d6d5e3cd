package io.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * JSON over HTTP to a running Vigil server. Every non-2xx answer becomes a {@link RequestRejectedException} carrying
 * the server's error message and parameter; a server that cannot be reached becomes a
 * {@link ServerUnreachableException}.
 */
final class VigilApiClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final String apiKey;
    private final HttpClient http;

    VigilApiClient(URI base, String apiKey) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    URI base() {
        return base;
    }

    JsonNode get(String path, Map<String, ?> query) {
        return send(request(path + queryString(query)).GET());
    }

    JsonNode get(String path) {
        return get(path, Map.of());
    }

    JsonNode post(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    JsonNode post(String path, Object body) {
        return post(path, bytes(body));
    }

    JsonNode put(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    JsonNode delete(String path) {
        return send(request(path).DELETE());
    }

    /** Builds {@code ?a=1&b=x} from the non-null entries, URL-encoded. */
    static String queryString(Map<String, ?> query) {
        StringJoiner q = new StringJoiner("&", "?", "");
        q.setEmptyValue("");
        new LinkedHashMap<>(query).forEach((k, v) -> {
            if (v != null) {
                q.add(k + "=" + URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b;
    }

    private JsonNode send(HttpRequest.Builder builder) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw new ServerUnreachableException(base);
        } catch (IOException e) {
            if (e.getCause() instanceof UnresolvedAddressException || e.getCause() instanceof ConnectException) {
                throw new ServerUnreachableException(base);
            }
            throw new ServerUnreachableException(base, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + base, e);
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw new RequestRejectedException(status, "the server at " + base + " answered without JSON; is "
                        + "--url a Vigil server?", null);
            }
            return body;
        }
        JsonNode error = body == null ? null : body.path("error");
        String message = error != null && error.path("message").isTextual() ? error.path("message").asText()
                : "HTTP " + status + " from " + base + "; is --url a Vigil server?";
        String param = error != null && error.path("param").isTextual() ? error.path("param").asText() : null;
        if (status == 401) {
            message += "; pass --api-key or set VIGIL_API_KEY";
        }
        throw new RequestRejectedException(status, message, param);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }
}
