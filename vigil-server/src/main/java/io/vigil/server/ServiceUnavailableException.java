package io.vigil.server;

/** The server is shutting down and takes no new requests; retry against another instance or after restart (503). */
public class ServiceUnavailableException extends ApiException {
    public ServiceUnavailableException(String message) {
        super(message, null);
    }

    @Override
    public int status() {
        return 503;
    }

    @Override
    public String type() {
        return "service_unavailable";
    }
}
