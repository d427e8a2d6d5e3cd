package io.vigil.core.detect;

/** No detector of that name is registered; the message lists the ones that are. */
public class UnknownDetectorException extends IllegalArgumentException {
    private final String name;

    public UnknownDetectorException(String name, java.util.Collection<String> known) {
        super("unknown algorithm '" + name + "'; choose one of " + String.join(", ", known));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
