#!/usr/bin/env bash
# Log ingest benchmark: starts `./vigil serve` on a free loopback port over a temporary data directory, runs
# bench/LogIngest.java against it (a warm-up history of 24 days of generated licence traffic, posted two days at a
# time, waiting after each until no fit is running, so the log-group model is full-grown; then DAYS days of traffic
# posted to /v1/logs in NDJSON batches of 5,000 by 3 clients; entries/s includes storage and the scoring of every
# group the batches complete, and the server's CPU time is read from /proc), then stops the server with SIGTERM.
# Usage: bench/log_ingest.sh [DAYS]   (default 20: about 350,000 entries; LOG_INGEST_CLIENTS=N clients, default 3)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/serve.sh"
days="${1:-20}"
serve_start log_ingest
java -Ddays="$days" -Dclients="${LOG_INGEST_CLIENTS:-3}" -Dserver.pid="$pid" -cp "$root/vigil-cli/target/vigil.jar" "$root/bench/LogIngest.java" "http://127.0.0.1:$port"
serve_stop
echo "server stopped"
