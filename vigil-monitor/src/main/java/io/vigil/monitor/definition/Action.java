package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A notification sent when a monitor's incident opens (and, when enabled, when it recovers). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = WebhookAction.class, name = "webhook"),
        @JsonSubTypes.Type(value = HttpCallAction.class, name = "http"),
        @JsonSubTypes.Type(value = EmailAction.class, name = "email")})
public sealed interface Action permits WebhookAction, HttpCallAction, EmailAction {
    /** The JSON {@code type} of this action. */
    String type();
}
