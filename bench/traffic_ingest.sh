#!/usr/bin/env bash
# Ingest load test of the REST server: starts `./vigil serve` on a free loopback port over a temporary data
# directory, runs bench/TrafficIngest.java against it (realistic traffic records, JSON arrays of 5,000, posted to
# POST /v1/traffic from 3 keep-alive connections after a 5 s warm-up), prints records stored per second, then stops
# the server with SIGTERM.
# Usage: bench/traffic_ingest.sh [SECONDS] [CONNECTIONS]   (defaults 20 and 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
clients="${2:-3}"
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
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; echo "traffic_ingest: the server did not start" >&2; exit 1; fi
  sleep 0.2
done
grep -q "listening on" "$log" || { cat "$log" >&2; echo "traffic_ingest: the server did not start in time" >&2; exit 1; }
echo "server         $(grep 'listening on' "$log")"
echo "cores          $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Dseconds="$seconds" -Dclients="$clients" -DserverPid="$pid" "$root/bench/TrafficIngest.java" "http://127.0.0.1:$port"
kill -TERM "$pid"
wait "$pid" 2>/dev/null || true
pid=""
echo "server stopped; database $(du -sh "$data" | cut -f1)"
