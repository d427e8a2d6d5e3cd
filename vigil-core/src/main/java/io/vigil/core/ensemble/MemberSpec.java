package io.vigil.core.ensemble;

import io.vigil.core.detect.Detector;
import io.vigil.core.detect.DetectorParameters;
import io.vigil.core.detect.DetectorRegistry;
import io.vigil.core.detect.InvalidParameterException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One ensemble member as a user names it: a registered detector and its own parameters.
 *
 * @param algorithm registry name of a base (non-ensemble) detector
 * @param parameters that detector's parameters, checked by its factory
 */
public record MemberSpec(String algorithm, Map<String, Object> parameters) {
    static final String PARAMETER = "members";

    public MemberSpec {
        Objects.requireNonNull(algorithm, "algorithm");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Reads the {@code members} parameter: a comma-separated string of names (the command line), or a list whose
     * entries are names or objects {@code {"algorithm": name, ...parameters}} (JSON).
     */
    static List<MemberSpec> parse(Object raw) {
        if (raw == null) {
            throw new InvalidParameterException(PARAMETER, "members must name at least one detector; choose from "
                    + String.join(", ", baseNames()));
        }
        List<MemberSpec> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object entry : list) {
                out.add(entry instanceof Map<?, ?> map ? fromObject(map) : named(String.valueOf(entry)));
            }
        } else if (!raw.toString().isBlank()) {
            for (String name : raw.toString().split(",", -1)) {
                out.add(named(name));
            }
        }
        if (out.isEmpty()) {
            throw new InvalidParameterException(PARAMETER, "members must name at least one detector; choose from "
                    + String.join(", ", baseNames()));
        }
        return out;
    }

    private static MemberSpec fromObject(Map<?, ?> map) {
        Object algorithm = map.get("algorithm");
        if (algorithm == null) {
            throw new InvalidParameterException(PARAMETER, "each member object needs an \"algorithm\"; choose from "
                    + String.join(", ", baseNames()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!"algorithm".equals(e.getKey())) {
                params.put(String.valueOf(e.getKey()), e.getValue());
            }
        }
        return named(algorithm.toString()).withParameters(params);
    }

    private static MemberSpec named(String name) {
        String n = name.trim();
        if (Ensemble.ENSEMBLE_NAMES.contains(n)) {
            throw new InvalidParameterException(PARAMETER, "members cannot be ensembles ('" + n
                    + "'); list the base detectors instead: " + String.join(", ", baseNames()));
        }
        if (!DetectorRegistry.standard().contains(n)) {
            throw new InvalidParameterException(PARAMETER, "unknown member '" + n + "'; choose from "
                    + String.join(", ", baseNames()));
        }
        return new MemberSpec(n, Map.of());
    }

    private MemberSpec withParameters(Map<String, Object> params) {
        return new MemberSpec(algorithm, params);
    }

    /**
     * Creates the member's detector with the ensemble's shared settings; member {@code index} gets seed
     * {@code seed + index} so that two members of one kind do not draw the same randomness.
     */
    Detector create(int index, long seed, double contamination, int threads) {
        DetectorParameters p = new DetectorParameters(parameters, seed + index, contamination, threads);
        try {
            return DetectorRegistry.standard().create(algorithm, p);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException(PARAMETER, "member " + index + " (" + algorithm + "): "
                    + e.getMessage());
        }
    }

    /** Registered detectors that can be members: all but the ensembles. Read at call time, never cached. */
    static Set<String> baseNames() {
        Set<String> names = new TreeSet<>(DetectorRegistry.standard().names());
        names.removeAll(Ensemble.ENSEMBLE_NAMES);
        return names;
    }
}
