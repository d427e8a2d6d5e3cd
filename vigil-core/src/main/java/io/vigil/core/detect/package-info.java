/**
 * The detector API every batch detector follows: a validated configuration ({@link io.vigil.core.detect.Detector})
 * fits data into an immutable, thread-safe {@link io.vigil.core.detect.FittedDetector} whose raw scores are higher
 * for more anomalous rows; {@link io.vigil.core.detect.DetectorState} is its portable state and
 * {@link io.vigil.core.detect.DetectorRegistry} maps detector names to factories for REST, CLI, monitors and runs.
 */
package io.vigil.core.detect;
