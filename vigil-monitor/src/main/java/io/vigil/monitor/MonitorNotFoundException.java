package io.vigil.monitor;

/** No monitor (or run) has the requested id; callers should answer 404. */
public class MonitorNotFoundException extends RuntimeException {
    public MonitorNotFoundException(String message) {
        super(message);
    }
}
