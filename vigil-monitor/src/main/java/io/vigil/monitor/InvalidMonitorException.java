package io.vigil.monitor;

/**
 * A monitor definition (or a request about one) breaks a rule; {@link #field()} names the offending field as a path
 * such as {@code conditions[1].threshold} so a client can point at it. Callers should answer 400 and show the message.
 */
public class InvalidMonitorException extends IllegalArgumentException {
    private final String field;

    public InvalidMonitorException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The same problem with the field placed under {@code prefix} (for nested definitions). */
    public InvalidMonitorException under(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return this;
        }
        String joined = field == null || field.isEmpty() ? prefix
                : field.startsWith("[") ? prefix + field : prefix + "." + field;
        InvalidMonitorException e = new InvalidMonitorException(joined, getMessage());
        e.setStackTrace(getStackTrace());
        return e;
    }
}
