/**
 * Stream detectors: score each observation as it arrives and learn from it. One interface,
 * {@link io.vigil.core.stream.StreamDetector}, covers payload complexity (JSON payloads, after the gateway anomaly
 * service; see {@code complexity}), and for numeric points EMA with Bollinger bands, Amazon's thresholded Random Cut
 * Forest, KNN conformal anomaly detection ({@code knncad}) and the Contextual Anomaly Detector ({@code cad}).
 * {@link io.vigil.core.stream.StreamRegistry} builds them from {@code {"type", "settings"}} maps and restores
 * snapshots; results convert to JSON maps.
 */
package io.vigil.core.stream;
