package io.vigil.server;

/** No model (or saved file) of that name exists: fit, save or load it first, or check the name (404). */
public class ModelNotFoundException extends ApiException {
    public ModelNotFoundException(String param, String message) {
        super(message, param);
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
