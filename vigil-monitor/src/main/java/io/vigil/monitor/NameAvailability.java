package io.vigil.monitor;

/** Whether a name can be used for a new (or the given) monitor, and why not when it cannot. */
public record NameAvailability(String name, boolean available, String reason) {
}
