package io.vigil.core.loggroup;

import io.vigil.core.detect.InvalidParameterException;
import io.vigil.core.ensemble.AutoEnsemble;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link LogGroupModel} cuts and scores the log.
 *
 * @param groupSize          consecutive entries per group (the vendor's module uses 25), 2 to 10,000
 * @param perProduct         cut each product's entries into groups of their own, instead of the whole log
 * @param detector           any detector of the standard registry ({@code auto} unless chosen)
 * @param detectorParameters that detector's parameters, JSON-compatible
 * @param contamination      expected share of anomalous groups in the history, in (0, 0.5]; NaN for the automatic
 *                           threshold (Tukey's fence, see {@link io.vigil.core.score.ThresholdRule#AUTO})
 * @param seed               seed for the detector; same seed, same scores, whatever the thread count
 * @param historyLimit       most fingerprints kept per identifier set (keys, IPs, countries), at least 1
 * @param zone               time zone the hour-of-day features are read in
 * @param topFeatures        features listed per explained group, at least 1
 */
public record LogGroupSettings(int groupSize, boolean perProduct, String detector,
                               Map<String, Object> detectorParameters, double contamination, long seed,
                               int historyLimit, ZoneId zone, int topFeatures) {
    public static final int DEFAULT_GROUP_SIZE = 25;
    public static final int MAX_GROUP_SIZE = 10_000;
    /** Half a percent: on generated licence traffic this keeps clean groups flagged well under 1%. */
    public static final double DEFAULT_CONTAMINATION = 0.005;
    public static final int DEFAULT_HISTORY_LIMIT = 1_000_000;

    public LogGroupSettings {
        if (groupSize < 2 || groupSize > MAX_GROUP_SIZE) {
            throw new InvalidParameterException("group_size",
                    "group_size must be between 2 and " + MAX_GROUP_SIZE + ", got " + groupSize);
        }
        if (detector == null || detector.isBlank()) {
            throw new InvalidParameterException("detector", "detector must name a detector");
        }
        detectorParameters = detectorParameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(detectorParameters));
        if (!Double.isNaN(contamination) && !(contamination > 0 && contamination <= 0.5)) {
            throw new InvalidParameterException("contamination",
                    "contamination must be greater than 0 and at most 0.5 (or auto), got " + contamination);
        }
        if (historyLimit < 1) {
            throw new InvalidParameterException("history_limit",
                    "history_limit must be greater than 0, got " + historyLimit);
        }
        Objects.requireNonNull(zone, "zone");
        if (topFeatures < 1) {
            throw new InvalidParameterException("top_features",
                    "top_features must be greater than 0, got " + topFeatures);
        }
    }

    public static LogGroupSettings defaults() {
        return new LogGroupSettings(DEFAULT_GROUP_SIZE, false, AutoEnsemble.NAME, Map.of(), DEFAULT_CONTAMINATION,
                0L, DEFAULT_HISTORY_LIMIT, ZoneOffset.UTC, 3);
    }

    public LogGroupSettings withGroupSize(int size) {
        return new LogGroupSettings(size, perProduct, detector, detectorParameters, contamination, seed,
                historyLimit, zone, topFeatures);
    }

    public LogGroupSettings withPerProduct(boolean byProduct) {
        return new LogGroupSettings(groupSize, byProduct, detector, detectorParameters, contamination, seed,
                historyLimit, zone, topFeatures);
    }

    public LogGroupSettings withDetector(String name, Map<String, Object> parameters) {
        return new LogGroupSettings(groupSize, perProduct, name, parameters, contamination, seed, historyLimit,
                zone, topFeatures);
    }

    public LogGroupSettings withContamination(double share) {
        return new LogGroupSettings(groupSize, perProduct, detector, detectorParameters, share, seed, historyLimit,
                zone, topFeatures);
    }

    public LogGroupSettings withSeed(long newSeed) {
        return new LogGroupSettings(groupSize, perProduct, detector, detectorParameters, contamination, newSeed,
                historyLimit, zone, topFeatures);
    }

    public LogGroupSettings withHistoryLimit(int limit) {
        return new LogGroupSettings(groupSize, perProduct, detector, detectorParameters, contamination, seed, limit,
                zone, topFeatures);
    }

    public LogGroupSettings withZone(ZoneId newZone) {
        return new LogGroupSettings(groupSize, perProduct, detector, detectorParameters, contamination, seed,
                historyLimit, newZone, topFeatures);
    }

    /** JSON form, snake_case; contamination is the string "auto" when NaN. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("group_size", groupSize);
        out.put("per_product", perProduct);
        out.put("detector", detector);
        out.put("detector_parameters", detectorParameters);
        out.put("contamination", Double.isNaN(contamination) ? "auto" : contamination);
        out.put("seed", seed);
        out.put("history_limit", historyLimit);
        out.put("zone", zone.getId());
        out.put("top_features", topFeatures);
        return out;
    }

    /** Reads {@link #toJson()}'s form; absent fields take the {@link #defaults()}. */
    @SuppressWarnings("unchecked")
    public static LogGroupSettings fromJson(Map<String, ?> json) {
        LogGroupSettings d = defaults();
        Object contamination = json.get("contamination");
        double share = contamination == null ? d.contamination
                : "auto".equals(contamination) ? Double.NaN : number(json, "contamination").doubleValue();
        ZoneId zone;
        try {
            zone = json.get("zone") == null ? d.zone : ZoneId.of(json.get("zone").toString());
        } catch (DateTimeException e) {
            throw new InvalidParameterException("zone", "zone must be a time zone id, got " + json.get("zone"));
        }
        Object params = json.get("detector_parameters");
        return new LogGroupSettings(
                json.get("group_size") == null ? d.groupSize : number(json, "group_size").intValue(),
                json.get("per_product") == null ? d.perProduct : Boolean.parseBoolean(json.get("per_product")
                        .toString()),
                json.get("detector") == null ? d.detector : json.get("detector").toString(),
                params instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), share,
                json.get("seed") == null ? d.seed : number(json, "seed").longValue(),
                json.get("history_limit") == null ? d.historyLimit : number(json, "history_limit").intValue(),
                zone, json.get("top_features") == null ? d.topFeatures : number(json, "top_features").intValue());
    }

    private static Number number(Map<String, ?> json, String name) {
        Object v = json.get(name);
        if (v instanceof Number n) {
            return n;
        }
        try {
            return Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, name + " must be a number, got " + v);
        }
    }
}
