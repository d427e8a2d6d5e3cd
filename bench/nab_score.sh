#!/usr/bin/env bash
# NAB standard-profile scores of Vigil's numeric stream detectors on the NAB subset in ../shared/datasets/nab/.
# Usage: bench/nab_score.sh [DETECTOR_SPEC_JSON ...]
#   a spec is {"type": "ema_bollinger"|"rcf"|"knn_cad"|"cad_ose", "settings": {...}, "use": "score"|"grade"|...};
#   none runs the default set. "nab_range": true also hands each series its own min, max and rest_period, as NAB's
#   harness does for CAD OSE (not possible in a true stream; for comparison with the reference only).
# Builds vigil-bench's shaded jar (core + Random Cut Forest + Jackson) when it is missing or older than the
# sources of vigil-core or vigil-bench, then runs the single-file scorer bench/nab_score.java on it. No Python.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${NAB_DIR:-$root/../shared/datasets/nab}"
jar="$root/vigil-bench/target/benchmarks.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/vigil-core/src/main" "$root/vigil-bench/src/main" "$root/vigil-core/pom.xml" \
    "$root/vigil-bench/pom.xml" "$root/pom.xml" -type f -newer "$jar" -print -quit)" ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl vigil-bench -am package)
fi
if [ ! -f "$data/combined_windows.json" ]; then
  echo "nab_score: no NAB data at $data (set NAB_DIR)" >&2
  exit 2
fi
exec java -cp "$jar" "$root/bench/nab_score.java" "$data" "$@"
