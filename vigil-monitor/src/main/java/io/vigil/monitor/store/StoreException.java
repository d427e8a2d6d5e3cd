package io.vigil.monitor.store;

/** The database failed underneath a request; the caller should report a server error, not blame the input. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
