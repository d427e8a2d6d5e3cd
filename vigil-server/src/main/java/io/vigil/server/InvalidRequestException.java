package io.vigil.server;

/** The request is malformed or breaks a rule; fix {@link #param()} and send it again (400). */
public class InvalidRequestException extends ApiException {
    public InvalidRequestException(String param, String message) {
        super(message, param);
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String type() {
        return "invalid_request_error";
    }
}
