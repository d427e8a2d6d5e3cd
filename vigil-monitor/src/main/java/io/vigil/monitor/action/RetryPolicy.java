package io.vigil.monitor.action;

import java.time.Duration;

/**
 * Exponential backoff: attempt n+1 waits {@code min(initialDelay · multiplier^(n-1), maxDelay)} after attempt n fails,
 * up to {@code maxAttempts} tries in all.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be between 1 and 20");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must be non-negative with maxDelay >= initialDelay");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
    }

    /** The wait after failed attempt {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
    }
}
