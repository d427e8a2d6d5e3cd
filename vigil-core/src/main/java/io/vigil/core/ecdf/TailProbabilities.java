package io.vigil.core.ecdf;

import io.vigil.core.data.Matrix;

/**
 * Per-row, per-dimension tail probabilities of rows under training distributions: {@code left} holds F_left(x), the
 * share of training values at most x, and {@code right} holds F_right(x), the share at least x; both rows x features.
 */
public record TailProbabilities(Matrix left, Matrix right) {
}
