package io.vigil.server;

/** The API key is missing or wrong: send {@code Authorization: Bearer <key>} (401). */
public class UnauthorizedException extends ApiException {
    public UnauthorizedException(String message) {
        super(message, "Authorization");
    }

    @Override
    public int status() {
        return 401;
    }

    @Override
    public String type() {
        return "authentication_error";
    }
}
