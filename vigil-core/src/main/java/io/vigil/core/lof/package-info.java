/**
 * Local Outlier Factor: M. M. Breunig, H.-P. Kriegel, R. T. Ng and J. Sander, "LOF: Identifying Density-Based
 * Local Outliers", SIGMOD 2000, computed exactly as scikit-learn's {@code LocalOutlierFactor} does, including its
 * 1e-10 guard in the local reachability density that keeps duplicated rows finite.
 */
package io.vigil.core.lof;
