/**
 * Outlier ensembles: C. C. Aggarwal and S. Sathe, "Theoretical Foundations and Algorithms for Outlier Ensembles",
 * SIGKDD Explorations 17(1), 2015. {@link io.vigil.core.ensemble.Ensemble} combines registered detectors by the
 * mean, rank (empirical CDF) or maximum of their per-member calibrated scores, or by majority vote
 * ({@code voting}); {@link io.vigil.core.ensemble.AutoEnsemble} is the measured default ensemble {@code auto}.
 */
package io.vigil.core.ensemble;
