/**
 * Random Cut Forest on a stream (S. Guha, N. Mishra, G. Roy and O. Schrijvers, "Robust Random Cut Forest Based
 * Anomaly Detection on Streams", ICML 2016) through Amazon's {@code randomcutforest-parkservices}
 * {@code ThresholdedRandomCutForest}, whose state mapper gives the snapshots.
 */
package io.vigil.core.stream.rcf;
