package io.vigil.monitor.definition;

import io.vigil.monitor.InvalidMonitorException;
import java.util.regex.Pattern;

/**
 * A test on one free-form traffic attribute. Keys follow a strict pattern and values are bound as SQL parameters,
 * so neither reaches SQL text.
 */
public record AttributePredicate(String key, AttributeOperator op, String value) {
    public static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    public AttributePredicate {
        FieldRules.required(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidMonitorException("key", "key must be 1-128 letters, digits, '_', '.', ':' or '-'");
        }
        op = op == null ? AttributeOperator.EQUALS : op;
        boolean needsValue = op == AttributeOperator.EQUALS || op == AttributeOperator.NOT_EQUALS
                || op == AttributeOperator.CONTAINS;
        if (needsValue) {
            FieldRules.required(value, "value");
            FieldRules.maxLength(value, "value", 2048);
        } else if (value != null) {
            throw new InvalidMonitorException("value", "value is not used with op " + op.wireName() + "; remove it");
        }
    }
}
