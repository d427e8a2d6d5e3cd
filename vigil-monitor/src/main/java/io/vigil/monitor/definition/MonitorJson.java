package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vigil.monitor.InvalidMonitorException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes monitor definitions as JSON (snake_case fields). Unknown fields, wrong types and broken rules are
 * all reported as {@link InvalidMonitorException} naming the field path, e.g. {@code conditions[0].sensitivity}.
 */
public final class MonitorJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private MonitorJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a create/update request body. */
    public static MonitorSpec parse(byte[] json) {
        return read(() -> MAPPER.readValue(json, MonitorSpec.class));
    }

    /** Parses a request already decoded into maps and lists (as a web framework hands it over). */
    public static MonitorSpec parse(Map<String, ?> json) {
        return read(() -> MAPPER.convertValue(json, MonitorSpec.class));
    }

    /** Parses any definition part (query, filter, a condition) from its JSON map, with the same error reporting. */
    public static <T> T parse(Map<String, ?> json, Class<T> type) {
        return read(() -> MAPPER.convertValue(json, type));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The definition as plain maps and lists, ready for any JSON writer. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Object value) {
        return MAPPER.convertValue(value, Map.class);
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private static <T> T read(Reading<T> reading) {
        try {
            T value = reading.read();
            if (value == null) {
                throw new InvalidMonitorException("body", "body must be a JSON object");
            }
            return value;
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidMonitorException ime) {
                throw ime;
            }
            if (e.getCause() instanceof JsonMappingException jme) {
                throw translate(jme);
            }
            throw new InvalidMonitorException("body", e.getMessage());
        } catch (JsonMappingException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new InvalidMonitorException("body", "body is not valid JSON: " + e.getMessage());
        }
    }

    private static InvalidMonitorException translate(JsonMappingException e) {
        String path = path(e.getPath());
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidMonitorException ime) {
            return ime.under(path);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new InvalidMonitorException(path, "unknown field '" + u.getPropertyName() + "'; known fields are "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidTypeIdException t) {
            String field = path.isEmpty() ? "type" : path + ".type";
            return new InvalidMonitorException(field, "type '" + t.getTypeId() + "' is not known for "
                    + t.getBaseType().getRawClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + "; see the documentation for the types");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(c -> MAPPER.convertValue(c, String.class)).collect(Collectors.joining(", "));
            return new InvalidMonitorException(path, "'" + f.getValue() + "' is not one of " + allowed);
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (for ");
        return new InvalidMonitorException(path.isEmpty() ? "body" : path,
                (path.isEmpty() ? "" : path + ": ") + "wrong type or shape: " + (cut > 0 ? message.substring(0, cut) : message));
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
