package io.vigil.monitor.traffic;

/** How many days of traffic to keep; older records are deleted by {@link TrafficStore#purgeExpired()}. */
public record TrafficRetention(int days) {
    public static final TrafficRetention DEFAULT = new TrafficRetention(30);

    public TrafficRetention {
        if (days < 1) {
            throw new IllegalArgumentException("retention days must be at least 1, got " + days);
        }
    }
}
