package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.vigil.core.json.JsonSyntax;
import io.vigil.monitor.InvalidMonitorException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
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
            // A number or boolean where text belongs (a name of 5) is a mistake to report, not to quote silently.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** What the API adds to a monitor's definition when it answers: read-only, never part of a request. */
    public static final List<String> SERVER_FIELDS = List.of("object", "id", "created_at", "updated_at",
            "next_fire_at", "last_run");

    private MonitorJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a create/update request body. */
    public static MonitorSpec parse(byte[] json) {
        return bind(tree(json), MonitorSpec.class);
    }

    /**
     * Parses a create or update request, ignoring the fields the server adds to a monitor it answers with
     * ({@link #SERVER_FIELDS}), so that a monitor fetched with GET, edited and sent back with PUT is accepted.
     */
    public static MonitorSpec parseRequest(byte[] json) {
        JsonNode tree = tree(json);
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove(SERVER_FIELDS);
        }
        return bind(tree, MonitorSpec.class);
    }

    private static JsonNode tree(byte[] json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidMonitorException("body", "body is not valid JSON: " + JsonSyntax.messageWithLocation(e));
        } catch (IOException e) {
            throw new InvalidMonitorException("body", "body cannot be read: " + e.getMessage());
        }
    }

    /** Parses a request already decoded into maps and lists (as a web framework hands it over). */
    public static MonitorSpec parse(Map<String, ?> json) {
        return bind(json == null ? null : MAPPER.valueToTree(json), MonitorSpec.class);
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

    /**
     * Binds a tree, so that a type error can quote the value the request actually held: Jackson's own messages name
     * Java types ("Cannot construct instance of `java.util.ArrayList`"), which mean nothing to an API user.
     */
    private static <T> T bind(JsonNode tree, Class<T> type) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidMonitorException("body", "body must be a JSON object, got "
                    + (tree == null || tree.isMissingNode() ? "nothing" : describe(tree)));
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (InvalidMonitorException e) {
            throw e;
        } catch (JsonMappingException e) {
            throw translate(e, tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidMonitorException("body", "body cannot be read as a monitor: " + e.getMessage());
        }
    }

    private static InvalidMonitorException translate(JsonMappingException e, JsonNode tree) {
        String path = path(e.getPath());
        String field = path.isEmpty() ? "body" : path;
        if (e instanceof ValueInstantiationException) {
            if (e.getCause() instanceof InvalidMonitorException ime) {
                return ime.under(path);
            }
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new InvalidMonitorException(field, field + ": " + cause.getMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            return new InvalidMonitorException(path, "unknown field '" + path + "'; known fields"
                    + (parent.isEmpty() ? "" : " of " + parent) + " are " + u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidTypeIdException t) {
            String typeField = path.isEmpty() ? "type" : path + ".type";
            String known = String.join(", ", typeNames(t.getBaseType().getRawClass()));
            return new InvalidMonitorException(typeField, t.getTypeId() == null
                    ? typeField + " is required: one of " + known
                    : typeField + " '" + t.getTypeId() + "' is not known: use one of " + known);
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants())
                    .map(c -> MAPPER.convertValue(c, String.class)).collect(Collectors.joining(", "));
            return new InvalidMonitorException(field, field + " must be one of " + allowed + ", got "
                    + describe(at(tree, e.getPath())));
        }
        return new InvalidMonitorException(field, field + " must be " + expected(target) + ", got "
                + describe(at(tree, e.getPath())));
    }

    /** The names a polymorphic part ({@link Condition}, {@link Action}) takes in its {@code type} field. */
    private static List<String> typeNames(Class<?> base) {
        JsonSubTypes types = base.getAnnotation(JsonSubTypes.class);
        return types == null ? List.of() : Arrays.stream(types.value()).map(JsonSubTypes.Type::name).toList();
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (target == String.class) {
            return "a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class || target == float.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a list";
        }
        return "an object";
    }

    /** The request's value at an error's path, or a missing node when the path leads nowhere. */
    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> refs) {
        JsonNode node = tree;
        for (JsonMappingException.Reference r : refs) {
            node = r.getFieldName() != null ? node.path(r.getFieldName()) : node.path(r.getIndex());
        }
        return node;
    }

    private static String describe(JsonNode value) {
        if (value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            String text = value.asText();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString();
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
