/**
 * Contextual Anomaly Detector, open-source edition (CAD OSE; M. Smirnov, 2016, https://github.com/smirmik/CAD, the
 * "CAD OSE" entry of the Numenta Anomaly Benchmark: A. Lavin and S. Ahmad, "Evaluating Real-time Anomaly Detection
 * Algorithms - the Numenta Anomaly Benchmark", IEEE ICMLA 2015). Each value becomes a few facts (the bits of its bin
 * in the value range). The detector learns contexts: a left part, facts of the previous step (its sensor facts and
 * the contexts it activated, which act as "neurons"), joined to a right part, facts of the current step. Contexts whose
 * left part is present predict their right part, the best by hit rate; a point is anomalous when some of its facts
 * were not predicted, the more so the fewer of the applicable contexts it confirms and the more of the contexts it
 * proposes are new. A rest period silences the scores after a high one. The step follows NAB's
 * nab/detectors/context_ose sources (whose defaults are kept) so closely that, given a series' range, it reproduces
 * NAB's published contextOSE scores; the range itself is learned online here (see the detector's documentation).
 */
package io.vigil.core.stream.cad;
