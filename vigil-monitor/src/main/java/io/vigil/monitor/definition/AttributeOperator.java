package io.vigil.monitor.definition;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How an attribute predicate tests a record's attribute. */
public enum AttributeOperator {
    EQUALS, NOT_EQUALS, CONTAINS, EXISTS, MISSING;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
