#!/usr/bin/python3
"""Writes vigil-core/src/test/resources/sklearn/iforest_fixture.json: what NumPy's legacy RandomState and
scikit-learn's IsolationForest produce for given seeds, so that the Java tests can check that Vigil draws the same
random numbers and grows the same trees (IsolationForestSklearnParityTest, Mt19937Test).

The data sets are built from integer formulas that Java evaluates to the same doubles (see SyntheticRows in the
tests), so no data file is needed. Run it with Debian's python3-sklearn:
    /usr/bin/python3 vigil-core/src/test/python/sklearn_iforest_fixture.py
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.utils.random import sample_without_replacement


def rows(n, d):
    """Row i, column j: a hashed integer mapped to [-50, 50) in steps of 0.001, with twists that exercise the
    splitter: column 1 is smooth in i, column 2 takes three values, the last column is constant, and every 97th row
    is moved far out."""
    x = np.empty((n, d))
    for i in range(n):
        for j in range(d):
            h = ((i + 1) * 1103515245 + (j + 1) * 12345 + (i * j) * 2654435761) % 2147483648
            h ^= h >> 13
            v = (h % 100000) / 1000.0 - 50.0
            if j == 1:
                v = (i % 1000) / 7.0 + (h % 1000) / 100000.0
            elif j == 2:
                v = float(h % 3)
            elif j == d - 1 and d > 3:
                v = 1.0
            if i % 97 == 0 and j != d - 1:
                v += 200.0
            x[i, j] = v
    return x


def main():
    out = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    out["randint_max_int"] = {str(s): np.random.RandomState(s).randint(2147483647, size=6).tolist()
                              for s in (0, 1, 42, 4294967295)}
    out["randint_small"] = np.random.RandomState(5).randint(10, size=20).tolist()
    out["permutation"] = np.random.RandomState(3).permutation(20).tolist()
    out["sample_without_replacement"] = {
        f"{n},{k},{s}": sample_without_replacement(n, k, random_state=s).tolist()
        for (n, k, s) in ((10, 10, 1), (258, 256, 2), (1000, 256, 3), (100000, 20, 4), (5, 3, 5))
    }
    cases = []
    for (n, d, seed, params) in ((600, 5, 0, {}), (600, 5, 1, {}), (200, 4, 7, {}), (257, 4, 3, {}),
                                 (30000, 3, 2, {}), (900, 5, 11, {"max_features": 0.6}),
                                 (700, 5, 5, {"max_samples": 64, "n_estimators": 37})):
        x = rows(n, d)
        f = IsolationForest(random_state=seed, **params).fit(x)
        scores = -f.score_samples(x)
        step = max(1, n // 300)
        idx = list(range(0, n, step))
        cases.append({"rows": n, "cols": d, "seed": seed, "params": params, "indices": idx,
                      "scores": [float(scores[i]) for i in idx]})
    out["forests"] = cases
    path = os.path.join(os.path.dirname(__file__), "..", "resources", "sklearn", "iforest_fixture.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        json.dump(out, fh, separators=(",", ":"))
        fh.write("\n")
    print(path, file=sys.stderr)


if __name__ == "__main__":
    main()
