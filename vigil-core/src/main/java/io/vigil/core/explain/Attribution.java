package io.vigil.core.explain;

import io.vigil.core.data.Matrix;

/** One way of crediting features for rows' anomaly scores. Implementations are immutable and thread-safe. */
interface Attribution {

    /**
     * Non-negative, not yet normalised credit of every feature for every row: rows x features, row-major. Entries
     * need only be comparable within a row.
     */
    double[] credits(Matrix rows);
}
