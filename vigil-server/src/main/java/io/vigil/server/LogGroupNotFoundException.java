package io.vigil.server;

/** No flagged log group has that id: list them with GET /v1/log-anomalies (404). */
public class LogGroupNotFoundException extends ApiException {
    public LogGroupNotFoundException(long id) {
        super("no flagged log group has id " + id + "; GET /v1/log-anomalies lists them", "id");
    }

    @Override
    public int status() {
        return 404;
    }

    @Override
    public String type() {
        return "not_found_error";
    }
}
