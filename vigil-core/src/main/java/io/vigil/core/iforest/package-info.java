/**
 * Isolation Forest: F. T. Liu, K. M. Ting and Z.-H. Zhou, "Isolation Forest", ICDM 2008, with the defaults and
 * scoring semantics of scikit-learn's {@code IsolationForest}. Trees are stored in flat primitive arrays.
 */
package io.vigil.core.iforest;
