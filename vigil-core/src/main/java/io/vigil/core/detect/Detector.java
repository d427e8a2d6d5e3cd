package io.vigil.core.detect;

import io.vigil.core.data.Matrix;
import java.util.Map;

/** A configured, not yet fitted detector. Implementations validate every setting when built. */
public interface Detector {

    /** The registry name, such as {@code isolation_forest}. */
    String name();

    /** The effective settings, by their registry parameter names, for provenance and model files. */
    Map<String, Object> parameters();

    /**
     * Learns from mostly-normal rows. Never mutates {@code data}.
     *
     * @throws IllegalArgumentException when the data cannot be fitted (no rows, no columns)
     */
    FittedDetector fit(Matrix data);
}
