/**
 * COPOD: Z. Li, Y. Zhao, N. Botta, C. Ionescu and X. Hu, "COPOD: Copula-Based Outlier Detection", IEEE International
 * Conference on Data Mining (ICDM), 2020, with the scoring semantics of PyOD's {@code COPOD} on its training data.
 * The tail machinery, shared with ECOD, lives in {@link io.vigil.core.ecdf}.
 */
package io.vigil.core.copod;
