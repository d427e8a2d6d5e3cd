package io.vigil.cli;

/**
 * The server answered with an error: a 4xx means the request needs fixing (exit 2), a 5xx is the server's fault
 * (exit 1). Carries the server's message and the parameter it named.
 */
final class RequestRejectedException extends RuntimeException {
    private final int status;
    private final String param;

    RequestRejectedException(int status, String message, String param) {
        super(message);
        this.status = status;
        this.param = param;
    }

    int status() {
        return status;
    }

    /** The request field the server blamed, or null. */
    String param() {
        return param;
    }

    /** One line: the parameter first when the server named one, then its message. */
    String line() {
        return (param == null ? "" : param + ": ") + getMessage() + " (HTTP " + status + ")";
    }
}
