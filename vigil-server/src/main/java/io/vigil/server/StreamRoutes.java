package io.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.vigil.core.json.JsonSyntax;
import io.vigil.core.stream.Observation;
import io.vigil.core.stream.StreamDetector;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v1/stream/{name}}: I/O only; {@link StreamService} does the work. */
final class StreamRoutes {
    private final StreamService service;
    private final long maxBodyBytes;

    StreamRoutes(StreamService service, long maxBodyBytes) {
        this.service = service;
        this.maxBodyBytes = maxBodyBytes;
    }

    void put(Context ctx) throws IOException {
        JsonNode body = body(ctx);
        if (!body.isObject()) {
            throw new InvalidRequestException(null, "the body must be {\"type\": ..., \"settings\": {...}}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = ResponseWriter.JSON.convertValue(body, Map.class);
        ResponseWriter.json(ctx, 200, service.put(ctx.pathParam("name"), spec));
    }

    void get(Context ctx) throws IOException {
        ResponseWriter.json(ctx, 200, service.get(ctx.pathParam("name")));
    }

    void list(Context ctx) throws IOException {
        List<Map<String, Object>> streams = service.list();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", streams);
        out.put("total", streams.size());
        ResponseWriter.json(ctx, 200, out);
    }

    /**
     * {@code ?limit=N}: the stream's latest results, oldest first, as {@code observe} answered them (kept in memory
     * since the server started, at most {@value StreamService#RECENT_RESULTS}).
     */
    void recent(Context ctx) throws IOException {
        List<Map<String, Object>> results = service.recent(ctx.pathParam("name"));
        int limit = QueryParams.intBetween(ctx, "limit", StreamService.RECENT_RESULTS, 1,
                StreamService.RECENT_RESULTS);
        List<Map<String, Object>> page = results.subList(Math.max(0, results.size() - limit), results.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("object", "list");
        out.put("data", page);
        out.put("total", results.size());
        ResponseWriter.json(ctx, 200, out);
    }

    void delete(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        service.delete(name);
        ResponseWriter.json(ctx, 200, Map.of("object", "stream", "name", name, "deleted", true));
    }

    /** One observation as an object, or a batch as an array of them (answered with an array in order). */
    void observe(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        StreamDetector d = service.find(name);
        JsonNode body = body(ctx);
        if (body.isArray()) {
            List<Observation> batch = new ArrayList<>(body.size());
            for (int i = 0; i < body.size(); i++) {
                batch.add(StreamService.observation(d, body.get(i), "[" + i + "]."));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("object", "list");
            out.put("data", service.observeAll(name, batch));
            ResponseWriter.json(ctx, 200, out);
            return;
        }
        if (!body.isObject()) {
            throw new InvalidRequestException(null, "the body must be an observation object or an array of them");
        }
        ResponseWriter.json(ctx, 200, service.observe(name, StreamService.observation(d, body, "")));
    }

    private JsonNode body(Context ctx) throws IOException {
        try (InputStream in = new BoundedInputStream(ctx.bodyInputStream(), maxBodyBytes)) {
            return ResponseWriter.JSON.readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidRequestException(null, "the body is not valid JSON: " + JsonSyntax.messageWithLocation(e));
        }
    }
}
