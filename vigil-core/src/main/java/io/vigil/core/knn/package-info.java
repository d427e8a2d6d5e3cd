/**
 * k-nearest-neighbour distance outliers: S. Ramaswamy, R. Rastogi and K. Shim, "Efficient Algorithms for Mining
 * Outliers from Large Data Sets", SIGMOD 2000, with PyOD's {@code KNN} defaults and its largest, mean and median
 * variants (F. Angiulli and C. Pizzuti, PKDD 2002, for the mean).
 */
package io.vigil.core.knn;
