package io.vigil.core.detect;

/** A detector parameter is unknown or breaks its rule; {@link #parameter()} names it so callers can point at it. */
public class InvalidParameterException extends IllegalArgumentException {
    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
