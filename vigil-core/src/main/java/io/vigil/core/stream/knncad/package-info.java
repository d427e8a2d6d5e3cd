/**
 * KNN conformal anomaly detection for numeric streams (E. Burnaev and V. Ishimtsev, "Conformalized density- and
 * distance-based anomaly detection in time-series data", arXiv:1608.04585, 2016): the last values of the series form
 * a lag vector, its non-conformity is its summed Mahalanobis distance to the nearest lag vectors of a training window,
 * and its score is the share of calibration non-conformities below it, a conformal p-value turned round.
 */
package io.vigil.core.stream.knncad;
