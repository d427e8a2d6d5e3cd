package io.vigil.core.loggroup;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request in a licence server's log, as Vigil keeps it. Text fields may be null when the request did not carry
 * them (a request without a key, an unknown country).
 *
 * @param id          position in the log, strictly increasing in arrival order; assigned on ingest by the store
 * @param time        when the request arrived
 * @param product     the product the request was for
 * @param key         the licence key it carried
 * @param machineCode the fingerprint of the machine it came from
 * @param ip          the client's address
 * @param country     the country the address is in (ISO code)
 * @param state       the outcome code the server logged
 * @param successful  whether the state means success, per a {@link StateMapping}
 * @param method      the API method called (e.g. Activate)
 * @param endpoint    the path or endpoint called
 * @param attributes  anything else the server logged, never read by the model
 */
public record LogEntry(long id, Instant time, String product, String key, String machineCode, String ip,
                       String country, int state, boolean successful, String method, String endpoint,
                       Map<String, String> attributes) {

    public LogEntry {
        Objects.requireNonNull(time, "time");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** An entry whose {@code successful} is derived from its state by {@code mapping}. */
    public static LogEntry of(long id, Instant time, String product, String key, String machineCode, String ip,
                              String country, int state, String method, String endpoint,
                              Map<String, String> attributes, StateMapping mapping) {
        return new LogEntry(id, time, product, key, machineCode, ip, country, state, mapping.successful(state),
                method, endpoint, attributes);
    }

    /** The same entry under another id, as a store assigns them on ingest. */
    public LogEntry withId(long newId) {
        return new LogEntry(newId, time, product, key, machineCode, ip, country, state, successful, method,
                endpoint, attributes);
    }

    /** The same entry with the four identifying fields replaced, as {@link Pseudonymiser} does. */
    public LogEntry withIdentifiers(String newProduct, String newKey, String newMachineCode, String newIp) {
        return new LogEntry(id, time, newProduct, newKey, newMachineCode, newIp, country, state, successful, method,
                endpoint, attributes);
    }

    /**
     * The JSON form the REST API and exports use: snake_case names, time as ISO-8601, absent fields left out.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("time", time.toString());
        putIfPresent(out, "product", product);
        putIfPresent(out, "key", key);
        putIfPresent(out, "machine_code", machineCode);
        putIfPresent(out, "ip", ip);
        putIfPresent(out, "country", country);
        out.put("state", state);
        out.put("successful", successful);
        putIfPresent(out, "method", method);
        putIfPresent(out, "endpoint", endpoint);
        if (!attributes.isEmpty()) {
            out.put("attributes", attributes);
        }
        return out;
    }

    /**
     * Reads the JSON form of {@link #toJson()}. {@code id} may be absent (0) where the store assigns it;
     * {@code successful}, when absent, is derived from {@code state} by {@code mapping}.
     *
     * @throws IllegalArgumentException naming the field when time or state is missing or malformed
     */
    public static LogEntry fromJson(Map<String, ?> json, StateMapping mapping) {
        Object time = json.get("time");
        if (time == null) {
            throw new IllegalArgumentException("time is required");
        }
        Instant at;
        try {
            at = time instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.parse(time.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time must be an ISO-8601 instant or epoch milliseconds, got "
                    + time);
        }
        Object state = json.get("state");
        if (!(state instanceof Number s) || s.doubleValue() != Math.rint(s.doubleValue())) {
            throw new IllegalArgumentException("state must be an integer outcome code, got " + state);
        }
        Object id = json.get("id");
        Object ok = json.get("successful");
        Map<String, String> attributes = new LinkedHashMap<>();
        if (json.get("attributes") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> attributes.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            attributes.values().removeIf(Objects::isNull);
        }
        return new LogEntry(id instanceof Number n ? n.longValue() : 0L, at, text(json, "product"),
                text(json, "key"), text(json, "machine_code"), text(json, "ip"), text(json, "country"), s.intValue(),
                ok instanceof Boolean b ? b : mapping.successful(s.intValue()), text(json, "method"),
                text(json, "endpoint"), attributes);
    }

    private static String text(Map<String, ?> json, String name) {
        Object v = json.get(name);
        return v == null ? null : v.toString();
    }

    private static void putIfPresent(Map<String, Object> out, String name, String value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
