package io.vigil.server;

/**
 * A request the server refuses, carrying what the error response needs: the HTTP status, the error type and the
 * request parameter at fault (null when no single one is).
 */
public abstract class ApiException extends RuntimeException {
    private final String param;

    protected ApiException(String message, String param) {
        super(message);
        this.param = param;
    }

    public abstract int status();

    /** The {@code error.type} of the response, such as {@code invalid_request_error}. */
    public abstract String type();

    public String param() {
        return param;
    }
}
