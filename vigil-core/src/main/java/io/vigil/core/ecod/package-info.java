/**
 * ECOD: Z. Li, Y. Zhao, X. Hu, N. Botta, C. Ionescu and G. H. Chen, "ECOD: Unsupervised Outlier Detection Using
 * Empirical Cumulative Distribution Functions", IEEE Transactions on Knowledge and Data Engineering, 2022, with the
 * scoring semantics of PyOD's {@code ECOD} on its training data. The tail machinery lives in
 * {@link io.vigil.core.ecdf}.
 */
package io.vigil.core.ecod;
