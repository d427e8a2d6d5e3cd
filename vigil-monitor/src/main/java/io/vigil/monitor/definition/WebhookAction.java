package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * JSON POST of the monitor, the run and its condition values to {@code url}. With a {@code secret} the body is
 * signed: header {@code X-Vigil-Signature: sha256=<hex HMAC-SHA256(secret, body)>}.
 */
public record WebhookAction(String url, String secret, Map<String, String> headers) implements Action {
    public WebhookAction {
        FieldRules.httpUrl(url, "url");
        FieldRules.maxLength(secret, "secret", 1024);
        headers = FieldRules.headers(headers, "headers");
    }

    @JsonIgnore
    @Override
    public String type() {
        return "webhook";
    }
}
