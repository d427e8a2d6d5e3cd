#!/usr/bin/env bash
# Load test of the REST server: starts `./vigil serve` on a free loopback port over a temporary data directory,
# runs bench/LoadScore.java against it (fit an Isolation Forest on 10 features, rows/s scored in 1,000-row
# batches, p50/p99 latency of single-row scores from 32 concurrent clients, then the same single-row phase from wrk),
# then stops the server with SIGTERM.
# Usage: bench/load_score.sh [SECONDS_PER_PHASE]   (default 10; each phase also stops at a request budget)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/serve.sh"
seconds="${1:-10}"
serve_start load_score
java -Dseconds="$seconds" "$root/bench/LoadScore.java" "http://127.0.0.1:$port"
# The same single-row phase from wrk (one event-loop thread, 32 connections), which takes far less of the two
# cores than 32 Java client threads do, so the latency is the server's own. Installed from Debian when missing.
if ! command -v wrk >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update >/dev/null 2>&1 && $sudo_cmd apt-get install -y --no-install-recommends wrk >/dev/null 2>&1; } \
    || echo "load_score: wrk is not installed and could not be; skipping its phase" >&2
fi
if command -v wrk >/dev/null 2>&1; then
  wrk -t1 -c32 -d"${seconds}s" --latency -s "$root/bench/score_single.lua" "http://127.0.0.1:$port/v1/anomaly/score" \
    | grep '^wrk single-row'
fi
serve_stop
echo "server stopped"
