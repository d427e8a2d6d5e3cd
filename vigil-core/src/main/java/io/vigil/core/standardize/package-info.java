/**
 * Per-feature standardisation (zero mean, unit population variance) with the semantics of scikit-learn's
 * {@code StandardScaler}: a constant feature keeps scale 1 so it maps to 0 instead of dividing by zero.
 */
package io.vigil.core.standardize;
