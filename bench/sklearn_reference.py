#!/usr/bin/python3
"""scikit-learn side of bench/compare_sklearn.sh.

Subcommands (each prints tab-separated lines on stdout):
  sklearn ALGORITHM SEED DATASET     -> n, d, roc_auc, fit+score seconds of the scikit-learn reference
  vigil-auc DATASET OUTPUT...        -> one line per Vigil output CSV: n, d, roc_auc
  table ALGORITHM SEEDS RESULTS_TSV  -> the markdown comparison table
  short-name | has-reference | seed-matters ALGORITHM -> facts about an algorithm name for the shell script

Both sides are scored by the same roc_auc() against the dataset's `label` column, and every score is oriented
so that higher means more anomalous.
"""
import csv
import gzip
import sys
import time

import numpy as np

# Vigil algorithm name -> (short name for bench/out/, whether scikit-learn has it, whether it uses the seed)
ALGORITHMS = {
    "isolation_forest": ("iforest", True, True),
    "local_outlier_factor": ("lof", True, False),
    "one_class_svm": ("ocsvm", True, False),
}


def short_name(algorithm):
    return ALGORITHMS.get(algorithm, (algorithm,))[0]


def has_reference(algorithm):
    return algorithm in ALGORITHMS


def seed_matters(algorithm):
    return ALGORITHMS.get(algorithm, (None, False, True))[2]


def open_text(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def load_dataset(path):
    """Features and 0/1 labels of a shared tabular dataset (header row, numeric columns, final `label`)."""
    with open_text(path) as f:
        header = f.readline().strip().split(",")
    if "label" not in header:
        raise SystemExit(f"{path}: no 'label' column in header {header}")
    label_col = header.index("label")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    labels = data[:, label_col].astype(np.int64)
    features = np.delete(data, label_col, axis=1)
    return features, labels


def roc_auc(labels, scores):
    from sklearn.metrics import roc_auc_score
    return float(roc_auc_score(labels, scores))


def reference_scorer(algorithm, seed):
    """The scikit-learn estimator matching a Vigil algorithm, as features -> anomaly scores (higher = more
    anomalous). Imports happen here, so that the caller's timing covers fit and score only."""
    if algorithm == "isolation_forest":
        from sklearn.ensemble import IsolationForest

        def isolation_forest(features):
            model = IsolationForest(n_estimators=100, max_samples="auto", random_state=seed).fit(features)
            return -model.score_samples(features)
        return isolation_forest
    if algorithm == "local_outlier_factor":
        from sklearn.neighbors import LocalOutlierFactor

        def local_outlier_factor(features):
            return -LocalOutlierFactor(n_neighbors=20).fit(features).negative_outlier_factor_
        return local_outlier_factor
    if algorithm == "one_class_svm":
        from sklearn.preprocessing import StandardScaler
        from sklearn.svm import OneClassSVM

        def one_class_svm(features):
            scaled = StandardScaler().fit_transform(features)
            return -OneClassSVM(nu=0.1, gamma="scale").fit(scaled).score_samples(scaled)
        return one_class_svm
    raise SystemExit(f"scikit-learn has no reference for algorithm '{algorithm}'")


def read_vigil_scores(path, n):
    """raw_score of a Vigil output CSV (index,score,raw_score,is_anomaly), ordered by index."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        column = "raw_score" if "raw_score" in header else "score"
        index_col, score_col = header.index("index"), header.index(column)
        pairs = [(int(row[index_col]), float(row[score_col])) for row in reader if row]
    pairs.sort()
    if len(pairs) != n or len({i for i, _ in pairs}) != n:
        raise SystemExit(f"{path}: expected {n} distinct row indices, found {len(pairs)} rows")
    return np.array([s for _, s in pairs])


def cmd_sklearn(algorithm, seed, dataset):
    features, labels = load_dataset(dataset)
    scorer = reference_scorer(algorithm, int(seed))
    start = time.perf_counter()
    scores = scorer(features)
    seconds = time.perf_counter() - start
    print(f"{features.shape[0]}\t{features.shape[1]}\t{roc_auc(labels, scores):.6f}\t{seconds:.3f}")


def cmd_vigil_auc(dataset, outputs):
    features, labels = load_dataset(dataset)
    n, d = features.shape
    for output in outputs:
        print(f"{n}\t{d}\t{roc_auc(labels, read_vigil_scores(output, n)):.6f}")


def mean_of(values):
    numbers = [float(v) for v in values if v not in ("", "error")]
    if not numbers or len(numbers) != len(values):
        return None
    return sum(numbers) / len(numbers)


def fmt(value, digits):
    return "error" if value is None else f"{value:.{digits}f}"


def cmd_table(algorithm, seeds, results_path):
    """Markdown table from the rows `kind dataset n d seed auc seconds` that compare_sklearn.sh collected."""
    datasets, shapes, rows = [], {}, {}
    with open(results_path, encoding="utf-8") as f:
        for line in f:
            kind, dataset, n, d, seed, auc, seconds = line.rstrip("\n").split("\t")
            if dataset not in shapes:
                datasets.append(dataset)
                shapes[dataset] = (n, d)
            rows.setdefault((dataset, kind), []).append((auc, seconds))

    reference = has_reference(algorithm)
    lines = []
    if reference:
        lines.append("| dataset | n | d | sklearn ROC-AUC | Vigil ROC-AUC | difference | sklearn s"
                     " | sklearn process s | Vigil s | ratio sklearn/Vigil | ratio of processes |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    else:
        lines.append("| dataset | n | d | Vigil ROC-AUC | Vigil s |")
        lines.append("|---|---:|---:|---:|---:|")
    notes = []
    for dataset in datasets:
        n, d = shapes[dataset]
        if (dataset, "skip") in rows:
            cells = ["skip"] * (8 if reference else 2)
            lines.append(f"| {dataset} | {n} | {d} | " + " | ".join(cells) + " |")
            continue
        vigil = rows.get((dataset, "vigil"))
        vigil_auc = mean_of([a for a, _ in vigil]) if vigil else None
        vigil_s = mean_of([s for _, s in vigil]) if vigil else None
        vigil_cells = ("—", "—") if vigil is None else (fmt(vigil_auc, 3), fmt(vigil_s, 2))
        if not reference:
            lines.append(f"| {dataset} | {n} | {d} | {vigil_cells[0]} | {vigil_cells[1]} |")
            continue
        ref = rows.get((dataset, "sklearn"), [])
        ref_auc = mean_of([a for a, _ in ref])
        ref_s = mean_of([s for _, s in ref])
        process = rows.get((dataset, "sklearn_process"))
        ref_process = mean_of([s for _, s in process]) if process else None
        diff = ratio = process_ratio = "—"
        if vigil is not None:
            diff = "error" if None in (vigil_auc, ref_auc) else f"{vigil_auc - ref_auc:+.3f}"
            ratio = "error" if None in (vigil_s, ref_s) or vigil_s == 0 else f"{ref_s / vigil_s:.2f}"
            process_ratio = ("error" if None in (vigil_s, ref_process) or vigil_s == 0
                             else f"{ref_process / vigil_s:.2f}")
        lines.append(f"| {dataset} | {n} | {d} | {fmt(ref_auc, 3)} | {vigil_cells[0]} | {diff}"
                     f" | {fmt(ref_s, 2)} | {fmt(ref_process, 2)} | {vigil_cells[1]} | {ratio} | {process_ratio} |")
        if dataset == "http" and process:
            notes.append(f"http, sklearn whole process (Python start, CSV load, fit, score), mean of runs:"
                         f" {fmt(mean_of([s for _, s in process]), 2)} s.")

    ref_seeds = seeds if seed_matters(algorithm) else seeds.split(",")[0]
    header = [f"## {algorithm}: Vigil vs scikit-learn" if reference else f"## {algorithm}: Vigil (no scikit-learn"
              f" counterpart)", ""]
    if reference:
        import sklearn
        header.append(f"scikit-learn {sklearn.__version__} (single thread), seeds {ref_seeds}"
                      + ("" if seed_matters(algorithm) else " (deterministic, run once)")
                      + f"; Vigil seeds {seeds}. ROC-AUC = mean over seeds; difference = Vigil - sklearn;"
                        " sklearn s = fit+score in-process; sklearn process s = the whole Python process (start, CSV"
                        " load, fit, score); Vigil s = whole `./vigil detect run` process (JVM start, CSV read, fit,"
                        " score, CSV write); ratio sklearn/Vigil = sklearn s / Vigil s (Vigil's start-up and I/O"
                        " counted against it); ratio of processes = sklearn process s / Vigil s; > 1 = Vigil"
                        " faster.")
    else:
        header.append(f"Seeds {seeds}. Vigil s = whole `./vigil detect run` process.")
    header.append("")
    footer = [""] + notes if notes else []
    print("\n".join(header + lines + footer))


def main(argv):
    if len(argv) >= 4 and argv[0] == "sklearn":
        cmd_sklearn(argv[1], argv[2], argv[3])
    elif len(argv) >= 3 and argv[0] == "vigil-auc":
        cmd_vigil_auc(argv[1], argv[2:])
    elif len(argv) == 4 and argv[0] == "table":
        cmd_table(argv[1], argv[2], argv[3])
    elif len(argv) == 2 and argv[0] == "short-name":
        print(short_name(argv[1]))
    elif len(argv) == 2 and argv[0] == "has-reference":
        print("yes" if has_reference(argv[1]) else "no")
    elif len(argv) == 2 and argv[0] == "seed-matters":
        print("yes" if seed_matters(argv[1]) else "no")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
