package io.vigil.monitor;

/** Another monitor already has this name (compared case-insensitively); callers should answer 409 and ask for another name. */
public class MonitorNameTakenException extends InvalidMonitorException {
    public MonitorNameTakenException(String name) {
        super("name", "a monitor named '" + name + "' already exists (names are compared ignoring case); choose another name");
    }
}
