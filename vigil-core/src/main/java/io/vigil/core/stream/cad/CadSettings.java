package io.vigil.core.stream.cad;

import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.InvalidParameterException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of {@link ContextualAnomalyDetector}, checked on construction with messages that name the setting.
 * The defaults of the reference's own parameters (base threshold, left facts, neurons, value bits) are NAB's; the
 * default threshold is NAB's optimised standard-profile threshold for contextOSE (config/thresholds.json).
 *
 * @param min              known lowest value, with {@code max}; null to learn the range
 * @param max              known highest value
 * @param warmUp           values held back to learn the range from (0: start from the first value alone)
 * @param history          latest values kept to relearn from when the range widens (at least {@code warmUp}: the
 *                         warm-up values are kept there until the range is known)
 * @param restPeriod       points after a raw score reaching {@code baseThreshold} whose scores are 0 (NAB's harness:
 *                         a fifth of the probationary period, 150 for long series)
 * @param baseThreshold    raw score from which the rest period starts
 * @param maxLeftFacts     most crossed left facts a proposed context may have
 * @param maxActiveNeurons active contexts kept as neurons, the facts that carry context from one step to the next
 * @param valueBits        bits of the value's bin: the range is cut into {@code 2^valueBits} bins
 * @param threshold        score at or above which a point is flagged
 * @param cooldown         points after an alert during which no new alert is raised (0: none)
 */
public record CadSettings(Double min, Double max, int warmUp, int history, int restPeriod, double baseThreshold,
                          int maxLeftFacts, int maxActiveNeurons, int valueBits, double threshold, int cooldown) {
    public static final CadSettings DEFAULTS = new CadSettings(null, null, 150, 750, 150, 0.75, 7, 15, 3, 0.7655, 0);

    public CadSettings {
        if ((min == null) != (max == null)) {
            String missing = min == null ? "min" : "max";
            throw new InvalidParameterException(missing, "give both min and max (the known value range), or neither "
                    + "to learn the range from the first warm_up values");
        }
        if (min != null && !(Double.isFinite(min) && Double.isFinite(max) && min <= max)) {
            throw new InvalidParameterException("max", "min and max must be finite, with min at most max");
        }
        if (min != null && warmUp != 0) {
            throw new InvalidParameterException("warm_up", "warm_up learns the range; with min and max given it must "
                    + "be 0 or absent");
        }
        if (warmUp < 0 || warmUp > 100_000) {
            throw new InvalidParameterException("warm_up", "warm_up must be between 0 and 100000");
        }
        if (history < Math.max(1, warmUp) || history > 100_000) {
            throw new InvalidParameterException("history", "history must be between warm_up (at least 1) and 100000");
        }
        if (restPeriod < 1) {
            throw new InvalidParameterException("rest_period", "rest_period must be at least 1");
        }
        if (!(baseThreshold >= 0 && baseThreshold <= 1)) {
            throw new InvalidParameterException("base_threshold", "base_threshold must be between 0 and 1");
        }
        if (maxLeftFacts < 1) {
            throw new InvalidParameterException("max_left_facts", "max_left_facts must be at least 1");
        }
        if (maxActiveNeurons < 0 || maxActiveNeurons > 1000) {
            throw new InvalidParameterException("max_active_neurons", "max_active_neurons must be between 0 and 1000");
        }
        if (valueBits < 1 || valueBits > 8) {
            throw new InvalidParameterException("value_bits", "value_bits must be between 1 and 8");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new InvalidParameterException("threshold", "threshold must be between 0 and 1");
        }
        if (cooldown < 0) {
            throw new InvalidParameterException("cooldown", "cooldown must be at least 0");
        }
    }

    /** Reads the settings by their snake_case names; absent ones take the defaults (warm_up 0 with min and max). */
    public static CadSettings read(DetectorParameters p) {
        CadSettings d = DEFAULTS;
        Object min = p.rawValue("min");
        Object max = p.rawValue("max");
        return new CadSettings(min == null ? null : p.doubleValue(0, "min"),
                max == null ? null : p.doubleValue(0, "max"),
                p.intValue(min == null && max == null ? d.warmUp : 0, "warm_up"), p.intValue(d.history, "history"),
                p.intValue(d.restPeriod, "rest_period"), p.doubleValue(d.baseThreshold, "base_threshold"),
                p.intValue(d.maxLeftFacts, "max_left_facts"), p.intValue(d.maxActiveNeurons, "max_active_neurons"),
                p.intValue(d.valueBits, "value_bits"), p.doubleValue(d.threshold, "threshold"),
                p.intValue(d.cooldown, "cooldown"));
    }

    /** The settings by their snake_case names, JSON-compatible; min and max only when given. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (min != null) {
            m.put("min", min);
            m.put("max", max);
        }
        m.put("warm_up", warmUp);
        m.put("history", history);
        m.put("rest_period", restPeriod);
        m.put("base_threshold", baseThreshold);
        m.put("max_left_facts", maxLeftFacts);
        m.put("max_active_neurons", maxActiveNeurons);
        m.put("value_bits", valueBits);
        m.put("threshold", threshold);
        m.put("cooldown", cooldown);
        return m;
    }
}
