package io.vigil.core.detect;

import io.vigil.core.data.Matrix;

/** An immutable fitted detector: safe to score from many threads at once. */
public interface FittedDetector {

    /** The registry name of the detector that produced this model. */
    String detectorName();

    /** Number of features the model was fitted on; rows to score must have exactly this many. */
    int features();

    /** Raw anomaly scores, one per row, higher = more anomalous. */
    double[] score(Matrix rows);

    /** The portable state, restorable through {@link DetectorRegistry#restore(DetectorState)}. */
    DetectorState state();
}
