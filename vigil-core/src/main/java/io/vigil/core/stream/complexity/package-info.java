/**
 * Payload complexity: canonical JSON bytes coded under an adaptive order-k context model with the adaptive
 * cumulative-frequency update of F. Giesen, "Models for adaptive arithmetic coding" (2015), the code length standing
 * in for the conditional Kolmogorov complexity K(payload | previous payloads) (M. Li and P. Vitanyi, "An
 * Introduction to Kolmogorov Complexity and Its Applications"), scored as a z-score with Welford's running mean and
 * variance (B. P. Welford, Technometrics 4(3), 1962).
 */
package io.vigil.core.stream.complexity;
