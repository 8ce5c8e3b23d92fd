#!/usr/bin/env bash
# Load and fault benchmark for `genrekit serve` (not a test: it takes minutes and wants a quiet machine).
# Starts the service on loopback, then C concurrent clients post real 30 s GTZAN MP3s:
#   1. one client (latency when not saturated), 2. as many clients as workers,
#   3. 4 x workers clients (saturation: 503 + Retry-After allowed, no other 5xx),
#   4. workers clients with 20% damaged uploads (the good ones must be unaffected).
# Prints throughput, p50/p95/p99, status counts, transport errors and the server's peak RSS.
#
# Environment: WORKERS (2), QUEUE (2 x WORKERS), REQUESTS per run (200), PORT (18080),
#   MODEL (bundle file; default the built-in model), DATA (dir of .mp3; default ../shared/data/gtzan-3genres)
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
WORKERS="${WORKERS:-2}"
QUEUE="${QUEUE:-$((2 * WORKERS))}"
REQUESTS="${REQUESTS:-200}"
PORT="${PORT:-18080}"
DATA="${DATA:-$root/../shared/data/gtzan-3genres}"
. "$root/bench/lib/java.sh"
[ -d "$DATA" ] || { echo "load.sh: no audio directory $DATA (set DATA)" >&2; exit 2; }

"$root/genrekit" --version >/dev/null   # builds the project when sources changed
bench_build                              # and the load client (genrekit-bench)
log="$(mktemp -t genrekit-load-XXXXXX.log)"
model_args=()
[ -n "${MODEL:-}" ] && model_args=(--model "$MODEL")
"$root/genrekit" serve --port "$PORT" --workers "$WORKERS" --queue "$QUEUE" "${model_args[@]}" 2>"$log" &
pid=$!   # the launcher execs java, so this is the server's JVM
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "load.sh: server did not start:" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "load.sh: server not healthy" >&2; cat "$log" >&2; exit 1; }

client() { BENCH_JAVA_OPTS=-Xmx512m bench_java org.genrekit.bench.LoadClient "http://127.0.0.1:$PORT" "$DATA" "$@"; }
echo "genrekit serve load benchmark: $(nproc) cores, workers $WORKERS, queue $QUEUE, $(ls "$DATA"/*/*.mp3 | wc -l) MP3s from $DATA"
grep "model " "$log" || true
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"
client 1 10 0 "warm-up (not counted)" >/dev/null
client 1 "$REQUESTS" 0 "1 client, not saturated"
client "$WORKERS" "$REQUESTS" 0 "clients = workers"
client "$((4 * WORKERS))" "$REQUESTS" 0 "clients = 4 x workers (saturated)"
client "$WORKERS" "$REQUESTS" 0.2 "clients = workers, 20% bad uploads"
echo "server peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status"), now (VmRSS): $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status")"
echo "server-side mean time per stage over all runs (from /metrics):"
curl -fsS "http://127.0.0.1:$PORT/metrics" | awk -F'[{}" ]+' '
  /^genrekit_stage_seconds_sum/   { sum[$3] = $NF }
  /^genrekit_stage_seconds_count/ { cnt[$3] = $NF }
  END { n = split("receive queue decode features inference total", st, " ");
        for (i = 1; i <= n; i++) if (cnt[st[i]] > 0) printf "   %-10s %8.1f ms  (%d observations)\n", st[i], 1000 * sum[st[i]] / cnt[st[i]], cnt[st[i]] }'
echo "server-side 5xx answers (from /metrics):"
curl -fsS "http://127.0.0.1:$PORT/metrics" | grep -E '^genrekit_http_errors_total\{code="5' || echo "   none"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
