package io.vigil.core.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The snapshot envelope shared by all stream detectors: JSON
 * {@code {"format": "vigil-stream", "version": 1, "type": ..., "settings": {...}, "state": {...}}}, where the state
 * is each detector's own (the complexity model travels as base64 of its binary form, RCF as the library's
 * state-mapper object).
 */
public record StreamSnapshot(String type, Map<String, Object> settings, JsonNode state) {
    public static final String FORMAT = "vigil-stream";
    public static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toBytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("type", type);
        root.set("settings", JSON.valueToTree(settings));
        root.set("state", state);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + type + " snapshot", e);
        }
    }

    /** Parses and checks the envelope; a bad file is an {@link IllegalArgumentException} that says what is wrong. */
    public static StreamSnapshot parse(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a stream snapshot: " + e.getMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a stream snapshot: format must be \"" + FORMAT + "\"");
        }
        int version = root.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("stream snapshot version " + version + " is not supported (expected "
                    + VERSION + ")");
        }
        if (!root.path("type").isTextual() || !root.path("settings").isObject() || !root.path("state").isObject()) {
            throw new IllegalArgumentException("stream snapshot needs type, settings and state");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = JSON.convertValue(root.get("settings"), LinkedHashMap.class);
        return new StreamSnapshot(root.get("type").asText(), settings, root.get("state"));
    }

    /** The mapper snapshots are read and written with (shared, thread safe). */
    public static ObjectMapper json() {
        return JSON;
    }
}
