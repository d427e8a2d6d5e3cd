package io.vigil.monitor.traffic;

import java.time.Instant;
import java.util.List;

/**
 * What traffic is stored, per environment and API, over a time range: the first thing to look at when a monitor's
 * condition says "no traffic matched the query".
 *
 * @param environment the environment asked for, or null for all
 * @param from        start of the range (inclusive)
 * @param to          end of the range (exclusive)
 * @param requests    records in the range, over every group
 * @param apis        one entry per (environment, api), in name order; at most {@link #MAX_GROUPS}
 * @param truncated   whether more groups existed than were returned
 */
public record TrafficSummary(String environment, Instant from, Instant to, long requests, List<ApiTraffic> apis,
                             boolean truncated) {
    public static final int MAX_GROUPS = 1000;

    public TrafficSummary {
        apis = List.copyOf(apis);
    }

    /**
     * One API's traffic in one environment.
     *
     * @param failed        records whose result is not {@code success} (failed or blocked)
     * @param serverErrors  records with a 5xx status
     */
    public record ApiTraffic(String environment, String api, long requests, long failed, long serverErrors,
                             double avgResponseTimeMs, double p95ResponseTimeMs, Instant firstAt, Instant lastAt) {
    }
}
