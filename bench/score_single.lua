-- wrk script for bench/load_score.sh: single-row scores against the model LoadScore.java fitted ("load", 10
-- features), then p50/p99 latency in the same words as LoadScore's own phase.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model": "load", "data": [[0.12, -1.4, 0.8, 2.1, -0.3, 0.05, 1.7, -0.9, 0.44, -2.2]]}'

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout
  io.write(string.format("wrk single-row %d requests, %.1f s: p50 %.2f ms, p99 %.2f ms, %.0f requests/s, "
      .. "%d errors\n", summary.requests, seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      summary.requests / seconds, bad))
end
