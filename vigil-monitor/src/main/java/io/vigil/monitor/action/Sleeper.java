package io.vigil.monitor.action;

import java.time.Duration;

/** Waits between delivery attempts; tests pass one that records the delays instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
