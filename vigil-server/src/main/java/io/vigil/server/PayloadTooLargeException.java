package io.vigil.server;

/** The request body is over the configured limit: send smaller batches or raise {@code --max-body-mb} (413). */
public class PayloadTooLargeException extends ApiException {
    public PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than the server's limit of " + limitBytes + " bytes; send smaller "
                + "batches or start the server with a larger --max-body-mb", null);
    }

    @Override
    public int status() {
        return 413;
    }

    @Override
    public String type() {
        return "request_too_large";
    }
}
