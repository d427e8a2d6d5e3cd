#!/usr/bin/env bash
# The workflow at a million rows through ./vigil: import a seeded 1,000,000-row CSV (3 features, a text column, 2%
# labelled anomalies), create an Isolation Forest detector, run it with progress, export every row as CSV.
# Prints the wall time of each step; the run's own phase times are in its summary (load/fit/score ms).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/bench/out/workflow"
rows="${ROWS:-1000000}"
rm -rf "$out" && mkdir -p "$out"
python3 - "$out/big.csv" "$rows" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], 'w') as f:
    f.write('id,amount,hour,method,label\n')
    for i in range(int(sys.argv[2])):
        odd = i % 50 == 7
        a = random.gauss(5000, 500) if odd else random.gauss(40, 10)
        h = random.randrange(4) if odd else 8 + random.randrange(12)
        f.write(f'{i},{a:.4f},{h},{("credit", "debit", "cash")[i % 3]},{1 if odd else 0}\n')
PY
step() { local t0; t0=$(date +%s.%N); "$@"; echo "== $(echo "$(date +%s.%N) - $t0" | bc) s: ${*:2:3}" >&2; }
vigil=("$root/vigil")
step "${vigil[@]}" dataset import "$out/big.csv" --name big --data-dir "$out/data"
step "${vigil[@]}" detector create --name forest --algorithm IsolationForest --contamination 0.02 --exclude id \
    --data-dir "$out/data"
step "${vigil[@]}" detect run --detector forest --dataset big --output "$out/results.csv" --data-dir "$out/data"
step "${vigil[@]}" detect results --latest --top 5 --data-dir "$out/data"
