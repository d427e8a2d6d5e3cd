package io.vigil.core.loggroup;

import java.util.List;

/**
 * What one group of consecutive requests looks like: the counts its feature row is made of, plus the details the
 * reason sentence needs. Distinct counts ignore absent values (a request without a key adds no key).
 *
 * @param requests             entries in the group
 * @param failedRequests       entries whose state is not a success
 * @param maxFailuresOneKey    the most failures for a single key
 * @param failingKeyCountries  distinct countries of the key with the most failures (0 when nothing failed)
 * @param failingKeyMachines   distinct machines of that key
 * @param failuresUnseenKeys   failures for keys not in the model's history
 * @param distinctKeys         distinct keys
 * @param distinctMachines     distinct machine codes
 * @param distinctIps          distinct IPs
 * @param distinctCountries    distinct countries
 * @param maxCountriesOneKey   the most distinct countries any one key came from
 * @param maxMachinesOneKey    the most distinct machines any one key came from
 * @param widestKeyMachines    distinct machines of the key with the most countries (ties: most machines)
 * @param unseenKeys           distinct keys not in history
 * @param unseenIps            distinct IPs not in history
 * @param unseenCountries      distinct countries not in history
 * @param distinctStates       distinct states
 * @param stateEntropy         Shannon entropy of the states, in bits
 * @param spanSeconds          seconds from the first request to the last
 * @param hourOfDay            hour of day of the group's midpoint in the model's time zone, fractional, [0, 24)
 */
public record GroupStats(int requests, int failedRequests, int maxFailuresOneKey, int failingKeyCountries,
                         int failingKeyMachines, int failuresUnseenKeys, int distinctKeys, int distinctMachines,
                         int distinctIps, int distinctCountries, int maxCountriesOneKey, int maxMachinesOneKey,
                         int widestKeyMachines,
                         int unseenKeys, int unseenIps, int unseenCountries, int distinctStates, double stateEntropy,
                         double spanSeconds, double hourOfDay) {

    /** Spans shorter than this (all requests in the same millisecond) count as this long. */
    static final double MIN_SPAN_SECONDS = 0.001;

    /** The feature names, in the order of {@link #writeFeatures}. */
    public static final List<String> FEATURE_NAMES = List.of(
            "failed_requests",
            "max_failures_one_key",
            "failures_unseen_keys",
            "distinct_keys",
            "distinct_machines",
            "distinct_ips",
            "distinct_countries",
            "max_countries_one_key",
            "max_machines_one_key",
            "state_entropy",
            "log10_requests_per_second",
            "unseen_key_share",
            "unseen_ip_share",
            "unseen_country_share",
            "hour_sin",
            "hour_cos");

    /** Requests per second: the gaps between the group's requests per second of its span. */
    public double requestsPerSecond() {
        return (requests - 1) / Math.max(spanSeconds, MIN_SPAN_SECONDS);
    }

    /** Writes the feature row into {@code out} from {@code offset}, in {@link #FEATURE_NAMES} order. */
    public void writeFeatures(double[] out, int offset) {
        out[offset] = failedRequests;
        out[offset + 1] = maxFailuresOneKey;
        out[offset + 2] = failuresUnseenKeys;
        out[offset + 3] = distinctKeys;
        out[offset + 4] = distinctMachines;
        out[offset + 5] = distinctIps;
        out[offset + 6] = distinctCountries;
        out[offset + 7] = maxCountriesOneKey;
        out[offset + 8] = maxMachinesOneKey;
        out[offset + 9] = stateEntropy;
        // Rates span orders of magnitude (a quiet night hour against a scripted burst); the log keeps the
        // distance-based detectors from being dominated by the burst's scale.
        out[offset + 10] = Math.log10(requestsPerSecond());
        out[offset + 11] = share(unseenKeys, distinctKeys);
        out[offset + 12] = share(unseenIps, distinctIps);
        out[offset + 13] = share(unseenCountries, distinctCountries);
        // On the circle, 23:30 and 00:30 are neighbours, as they are in traffic.
        double angle = 2 * Math.PI * hourOfDay / 24.0;
        out[offset + 14] = Math.sin(angle);
        out[offset + 15] = Math.cos(angle);
    }

    public double[] features() {
        double[] out = new double[FEATURE_NAMES.size()];
        writeFeatures(out, 0);
        return out;
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }
}
