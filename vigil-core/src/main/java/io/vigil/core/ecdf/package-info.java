/**
 * Empirical cumulative distribution functions over training columns and the tail-probability outlier scores built on
 * them, shared by ECOD (Z. Li, Y. Zhao, X. Hu, N. Botta, C. Ionescu and G. H. Chen, "ECOD: Unsupervised Outlier
 * Detection Using Empirical Cumulative Distribution Functions", IEEE TKDE 2022) and COPOD (Z. Li, Y. Zhao, N. Botta,
 * C. Ionescu and X. Hu, "COPOD: Copula-Based Outlier Detection", ICDM 2020). Columns are sorted once with a radix sort;
 * new values are located by binary search through a cached index of every 64th sorted value.
 */
package io.vigil.core.ecdf;
