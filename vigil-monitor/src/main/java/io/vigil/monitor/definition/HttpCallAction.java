package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.vigil.monitor.InvalidMonitorException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A free-form HTTP call: method, URL, headers and a body template whose {@code {{monitor.name}}}-style placeholders
 * are filled at send time (see {@code io.vigil.monitor.action.MessageTemplate}).
 */
public record HttpCallAction(String method, String url, Map<String, String> headers, String body) implements Action {
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    public HttpCallAction {
        method = method == null ? "POST" : method.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new InvalidMonitorException("method", "method must be one of GET, POST, PUT, PATCH, DELETE");
        }
        FieldRules.httpUrl(url, "url");
        headers = FieldRules.headers(headers, "headers");
        FieldRules.maxLength(body, "body", 65536);
    }

    @JsonIgnore
    @Override
    public String type() {
        return "http";
    }
}
