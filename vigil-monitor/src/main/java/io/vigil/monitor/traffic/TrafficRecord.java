package io.vigil.monitor.traffic;

import java.time.Instant;
import java.util.Map;

/**
 * One request seen by the gateway. Nullable fields are validated by {@link TrafficStore#ingest}, which rejects the
 * record naming the field, so a parser can hand over whatever the client sent.
 *
 * @param timestamp when the request arrived (required)
 * @param environment the environment the gateway runs in, e.g. {@code production} (required)
 * @param api the API proxy that served it (required)
 * @param method HTTP method (required)
 * @param endpoint request path (required)
 * @param statusCode HTTP status returned, 100-599 (required)
 * @param result success / failed / blocked (required)
 * @param responseTimeMs total time in the proxy in milliseconds, finite and at least 0 (required)
 * @param requestBytes request size; null means 0
 * @param responseBytes response size; null means 0
 * @param clientIp caller address, optional
 * @param userAgent caller user agent, optional
 * @param attributes free-form string attributes (tenant, plan, ...), optional
 */
public record TrafficRecord(
        Instant timestamp,
        String environment,
        String api,
        String method,
        String endpoint,
        Integer statusCode,
        TrafficResult result,
        Double responseTimeMs,
        Long requestBytes,
        Long responseBytes,
        String clientIp,
        String userAgent,
        Map<String, String> attributes) {

    public TrafficRecord {
        // The parser's attribute maps are immutable already; copying them would cost more than the record itself.
        attributes = attributes == null ? Map.of()
                : attributes instanceof ParsedAttributes ? attributes : Map.copyOf(attributes);
    }
}
