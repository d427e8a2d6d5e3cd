package io.vigil.core.modelfile;

/** A model file that cannot be read: damaged, not a Vigil model, or from a newer format. */
public class ModelFormatException extends RuntimeException {
    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
