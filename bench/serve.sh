# Sourced by the load scripts in bench/: starts `./vigil serve` on a free loopback port over a temporary data
# directory and stops it with SIGTERM (also on exit). After `serve_start NAME`: $root, $data, $port, $pid.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$(mktemp -d)"
pid=""

serve_cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap serve_cleanup EXIT

# serve_start NAME: NAME prefixes the error messages.
serve_start() {
  local name="$1" log="$data/server.log"
  # A free port: bind port 0 and read back what the kernel chose.
  port="$(java "$root/bench/FreePort.java")"
  "$root/vigil" serve --host 127.0.0.1 --port "$port" --data-dir "$data" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if grep -q "listening on" "$log" 2>/dev/null; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; echo "$name: the server did not start" >&2; exit 1; fi
    sleep 0.2
  done
  grep -q "listening on" "$log" || { cat "$log" >&2; echo "$name: the server did not start in time" >&2; exit 1; }
  echo "server         $(grep 'listening on' "$log")"
  echo "cores          $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

serve_stop() {
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}
