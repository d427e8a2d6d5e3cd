#!/usr/bin/env bash
# Ingest load test of the REST server: starts `./vigil serve` on a free loopback port over a temporary data
# directory, runs bench/TrafficIngest.java against it (realistic traffic records, JSON arrays of 5,000, posted to
# POST /v1/traffic from 3 keep-alive connections after a 5 s warm-up), prints records stored per second, then stops
# the server with SIGTERM.
# Usage: bench/traffic_ingest.sh [SECONDS] [CONNECTIONS]   (defaults 20 and 3)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/serve.sh"
seconds="${1:-20}"
clients="${2:-3}"
serve_start traffic_ingest
java -Dseconds="$seconds" -Dclients="$clients" -DserverPid="$pid" "$root/bench/TrafficIngest.java" "http://127.0.0.1:$port"
serve_stop
echo "server stopped; database $(du -sh "$data" | cut -f1)"
