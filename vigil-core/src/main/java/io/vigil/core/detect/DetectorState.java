package io.vigil.core.detect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The portable state of a fitted detector: what a model file stores and a registry restores.
 *
 * @param detector registry name of the detector
 * @param version version of this detector's state layout; restoring refuses versions it does not know
 * @param parameters JSON-compatible values (String, Number, Boolean, List, Map) describing the fitted model
 * @param arrays named primitive arrays ({@code double[]}, {@code int[]} or {@code long[]}); stored bit-exactly
 * @param members nested states, for detectors built of other detectors (ensembles)
 */
public record DetectorState(String detector, int version, Map<String, Object> parameters,
                            Map<String, Object> arrays, List<DetectorState> members) {

    public DetectorState {
        Objects.requireNonNull(detector, "detector");
        parameters = Map.copyOf(parameters);
        arrays = Map.copyOf(arrays);
        members = List.copyOf(members);
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof double[] || v instanceof int[] || v instanceof long[])) {
                throw new IllegalArgumentException("array " + e.getKey() + " must be double[], int[] or long[]");
            }
        }
    }

    public DetectorState(String detector, int version, Map<String, Object> parameters, Map<String, Object> arrays) {
        this(detector, version, parameters, arrays, List.of());
    }

    public double[] doubles(String name) {
        return (double[]) required(arrays, name, double[].class);
    }

    public int[] ints(String name) {
        return (int[]) required(arrays, name, int[].class);
    }

    public long[] longs(String name) {
        return (long[]) required(arrays, name, long[].class);
    }

    public double doubleParameter(String name) {
        return ((Number) required(parameters, name, Number.class)).doubleValue();
    }

    public long longParameter(String name) {
        return ((Number) required(parameters, name, Number.class)).longValue();
    }

    public int intParameter(String name) {
        return ((Number) required(parameters, name, Number.class)).intValue();
    }

    public String stringParameter(String name) {
        return (String) required(parameters, name, String.class);
    }

    /** Throws unless this state is of {@code expectedDetector} at a version in [1, {@code maxVersion}]. */
    public void requireVersion(String expectedDetector, int maxVersion) {
        if (!detector.equals(expectedDetector)) {
            throw new IllegalArgumentException("state is for " + detector + ", not " + expectedDetector);
        }
        if (version < 1 || version > maxVersion) {
            throw new IllegalArgumentException(detector + " state version " + version
                    + " is not supported (this Vigil reads versions 1 to " + maxVersion + "); upgrade Vigil");
        }
    }

    private Object required(Map<String, Object> map, String name, Class<?> type) {
        Object v = map.get(name);
        if (v == null) {
            throw new IllegalArgumentException(detector + " state lacks '" + name + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(detector + " state '" + name + "' must be " + type.getSimpleName());
        }
        return v;
    }
}
