/**
 * Stream detectors: score each observation as it arrives and learn from it. One interface,
 * {@link io.vigil.core.stream.StreamDetector}, covers payload complexity (JSON payloads, after the gateway anomaly
 * service; see {@code complexity}), EMA with Bollinger bands and Amazon's thresholded Random Cut Forest (numeric
 * points). {@link io.vigil.core.stream.StreamRegistry} builds them from {@code {"type", "settings"}} maps and
 * restores snapshots; results convert to JSON maps.
 */
package io.vigil.core.stream;
