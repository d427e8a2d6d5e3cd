#!/usr/bin/env bash
# Log ingest benchmark: starts `./vigil serve` on a free loopback port over a temporary data directory, runs
# bench/LogIngest.java against it (a warm-up history of 10 days of generated licence traffic, waiting until the
# log-group model is fitted and no fit is running, then DAYS days of traffic posted to /v1/logs in NDJSON batches of 5,000 by 2 clients; entries/s
# includes storage and the scoring of every group the batches complete), then stops the server with SIGTERM.
# Usage: bench/log_ingest.sh [DAYS]   (default 20: about 400,000 entries)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
days="${1:-20}"
data="$(mktemp -d)"
log="$data/server.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

# A free port: bind port 0 and read back what the kernel chose.
port="$(java "$root/bench/FreePort.java")"
"$root/vigil" serve --host 127.0.0.1 --port "$port" --data-dir "$data" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  if grep -q "listening on" "$log" 2>/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; echo "log_ingest: the server did not start" >&2; exit 1; fi
  sleep 0.2
done
grep -q "listening on" "$log" || { cat "$log" >&2; echo "log_ingest: the server did not start in time" >&2; exit 1; }
echo "server         $(grep 'listening on' "$log")"
echo "cores          $(nproc)"
java -Ddays="$days" -Dserver.pid="$pid" -cp "$root/vigil-cli/target/vigil.jar" "$root/bench/LogIngest.java" "http://127.0.0.1:$port"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""
echo "server stopped"
