#!/usr/bin/env bash
# Compares a Vigil detector with its scikit-learn counterpart on every shared tabular dataset:
# ROC-AUC (mean over seeds) and seconds, as one markdown table on stdout and in bench/out/<algorithm>.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/compare_sklearn.sh [--algorithm NAME] [--datasets a,b] [--seeds 0,1,2]
                                [--max-rows N] [--vigil PATH] [--skip-vigil]

For every tabular dataset in ../shared/datasets/ (*.csv, *.csv.gz; relative to the repo root), runs
  - scikit-learn's counterpart of the algorithm in-process (fit + score on all rows), and
  - ./vigil detect run --algorithm NAME --input FILE --label label --seed S --output OUT (timed as a whole process),
then scores both with sklearn.metrics.roc_auc_score against the `label` column.

Options:
  --algorithm NAME  Vigil algorithm (default isolation_forest). scikit-learn counterparts:
                      isolation_forest      IsolationForest(n_estimators=100, max_samples='auto', random_state=seed)
                      local_outlier_factor  LocalOutlierFactor(n_neighbors=20), negative_outlier_factor_
                      one_class_svm         OneClassSVM(nu=0.1, gamma='scale') on standardised features
                    any other name (ecod, hbos, ...) prints Vigil's figures only.
  --datasets a,b    only these datasets (file names without .csv/.csv.gz); default all
  --seeds 0,1,2     seeds for both sides (default 0,1,2); deterministic sklearn estimators run once
  --max-rows N      skip datasets with more rows (default 50000 for one_class_svm, otherwise no limit)
  --vigil PATH      the Vigil launcher (default ./vigil in the repo root)
  --skip-vigil      scikit-learn figures only
  -h, --help        this message

Uses /usr/bin/python3 (Debian's python3-sklearn; installed with apt-get when missing).
Environment: VIGIL_SHARED_DIR overrides the shared folder (default <repo root>/../shared).
EOF
}

die() {
    echo "compare_sklearn.sh: $*" >&2
    exit 2
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=/usr/bin/python3
HELPER="$ROOT/bench/sklearn_reference.py"
SHARED=${VIGIL_SHARED_DIR:-$ROOT/../shared}

algorithm=isolation_forest
datasets_filter=""
seeds="0,1,2"
max_rows=""
vigil="./vigil"
skip_vigil=false

while [[ $# -gt 0 ]]; do
    case "$1" in
        --algorithm) [[ $# -ge 2 ]] || die "--algorithm needs a value"; algorithm=$2; shift 2 ;;
        --datasets) [[ $# -ge 2 ]] || die "--datasets needs a value"; datasets_filter=$2; shift 2 ;;
        --seeds) [[ $# -ge 2 ]] || die "--seeds needs a value"; seeds=$2; shift 2 ;;
        --max-rows) [[ $# -ge 2 ]] || die "--max-rows needs a value"; max_rows=$2; shift 2 ;;
        --vigil) [[ $# -ge 2 ]] || die "--vigil needs a value"; vigil=$2; shift 2 ;;
        --skip-vigil) skip_vigil=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument '$1'" ;;
    esac
done

[[ $seeds =~ ^[0-9]+(,[0-9]+)*$ ]] || die "--seeds must be a comma-separated list of non-negative integers"
[[ -z $max_rows || $max_rows =~ ^[0-9]+$ ]] || die "--max-rows must be a whole number"
if [[ -z $max_rows && $algorithm == one_class_svm ]]; then
    max_rows=50000
fi

cd "$ROOT"

if ! "$PYTHON" -c 'import sklearn' 2>/dev/null; then
    echo "scikit-learn missing for $PYTHON: installing Debian's python3-sklearn" >&2
    sudo=""
    if [[ $(id -u) -ne 0 ]]; then
        sudo=sudo
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-sklearn >&2 \
        || { $sudo apt-get update >&2 && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-sklearn >&2; }
fi

if [[ $skip_vigil == false && ! -x $vigil ]]; then
    die "Vigil launcher '$vigil' not found or not executable in $ROOT (use --vigil PATH, or --skip-vigil)"
fi

# *.csv first, then the large *.csv.gz files, each alphabetically
files=()
for f in "$SHARED"/datasets/*.csv "$SHARED"/datasets/*.csv.gz; do
    [[ -f $f ]] || continue
    name=$(basename "$f")
    name=${name%.gz}
    name=${name%.csv}
    if [[ -n $datasets_filter && ",$datasets_filter," != *",$name,"* ]]; then
        continue
    fi
    files+=("$f")
done
[[ ${#files[@]} -gt 0 ]] || die "no datasets matching '${datasets_filter:-*}' in $SHARED/datasets"

has_reference=$("$PYTHON" "$HELPER" has-reference "$algorithm")
seed_matters=$("$PYTHON" "$HELPER" seed-matters "$algorithm")
IFS=, read -r -a seed_list <<<"$seeds"
reference_seeds=("${seed_list[@]}")
if [[ $seed_matters == no ]]; then
    reference_seeds=("${seed_list[0]}")
fi

if [[ $skip_vigil == false ]]; then
    # The launcher builds the jar when sources changed; do that now so no timed run includes a build.
    "$vigil" --version >/dev/null || die "the Vigil launcher $vigil failed"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vigil-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
results="$work/results.tsv"
: >"$results"

now() {
    date +%s.%N
}

seconds_between() {
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'
}

for file in "${files[@]}"; do
    name=$(basename "$file")
    name=${name%.gz}
    name=${name%.csv}
    # n and d from the file itself, so skipped datasets still show their size
    read -r n d < <(gzip -cdf "$file" | awk -F, 'NR == 1 { d = NF - 1 } END { print NR - 1, d }')
    echo "== $name ($n x $d)" >&2
    if [[ -n $max_rows && $n -gt $max_rows ]]; then
        echo "   skipped: more than $max_rows rows" >&2
        printf 'skip\t%s\t%s\t%s\t\t\t\n' "$name" "$n" "$d" >>"$results"
        continue
    fi

    if [[ $has_reference == yes ]]; then
        for seed in "${reference_seeds[@]}"; do
            start=$(now)
            line=$("$PYTHON" "$HELPER" sklearn "$algorithm" "$seed" "$file")
            end=$(now)
            IFS=$'\t' read -r _ _ auc secs <<<"$line"
            echo "   sklearn seed $seed: ROC-AUC $auc, fit+score $secs s, process $(seconds_between "$start" "$end") s" >&2
            printf 'sklearn\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$n" "$d" "$seed" "$auc" "$secs" >>"$results"
            printf 'sklearn_process\t%s\t%s\t%s\t%s\t\t%s\n' "$name" "$n" "$d" "$seed" \
                "$(seconds_between "$start" "$end")" >>"$results"
        done
    fi

    if [[ $skip_vigil == true ]]; then
        continue
    fi
    outputs=()
    ok_seeds=()
    times=()
    failed=false
    for seed in "${seed_list[@]}"; do
        out="$work/$name-$seed.csv"
        log="$work/$name-$seed.log"
        start=$(now)
        if "$vigil" detect run --algorithm "$algorithm" --input "$file" --label label --seed "$seed" \
            --output "$out" >"$log" 2>&1; then
            end=$(now)
            outputs+=("$out")
            ok_seeds+=("$seed")
            times+=("$(seconds_between "$start" "$end")")
        else
            echo "   vigil seed $seed FAILED; last lines of its output:" >&2
            tail -n 20 "$log" | sed 's/^/     /' >&2
            failed=true
        fi
    done
    if [[ $failed == true ]]; then
        printf 'vigil\t%s\t%s\t%s\t\terror\terror\n' "$name" "$n" "$d" >>"$results"
    fi
    if [[ ${#outputs[@]} -gt 0 ]]; then
        i=0
        while IFS=$'\t' read -r _ _ auc; do
            echo "   vigil seed ${ok_seeds[$i]}: ROC-AUC $auc, process ${times[$i]} s" >&2
            printf 'vigil\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$n" "$d" "${ok_seeds[$i]}" "$auc" "${times[$i]}" \
                >>"$results"
            i=$((i + 1))
        done < <("$PYTHON" "$HELPER" vigil-auc "$file" "${outputs[@]}")
        rm -f "${outputs[@]}"
    fi
done

mkdir -p "$ROOT/bench/out"
report="$ROOT/bench/out/$("$PYTHON" "$HELPER" short-name "$algorithm").md"
"$PYTHON" "$HELPER" table "$algorithm" "$seeds" "$results" | tee "$report"
echo "(written to ${report#"$ROOT"/})" >&2
