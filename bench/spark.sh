#!/usr/bin/env bash
# The same job three ways on the same real MP3s with the same model file, all with 2 cores:
#   genrekit batch --threads 2            (one JVM, 2 worker threads)
#   bin/genrekit-spark --master local[2]  (one JVM, 2 task threads)
#   bin/genrekit-spark --master local-cluster[2,1,1024]
#                                         (spark-submit from the project's Spark home: driver JVM +
#                                          two executor JVMs of 1 core, 1 GB, jars shipped with --jars)
# Each decodes, computes GTZAN-58 and runs the model for every file of ../shared/data/gtzan-3genres
# (195 clips). Prints job and end-to-end seconds, CPU, and checks that the three outputs agree line
# by line (JSON Lines; Spark's extra columns and millis aside).
#   bench/spark.sh [--model M.gkm] [--data DIR]
# Writes bench/out/spark.txt. Needs jq for the comparison.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
data="$shared/data/gtzan-3genres"
model=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "usage: bench/spark.sh [--model M.gkm] [--data DIR]" >&2; exit 2 ;;
  esac
done
[ -d "$data" ] || { echo "bench/spark.sh: $data not found" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/genrekit-bench-spark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ -z "$model" ]; then
  model="$work/logreg.gkm"
  "$root/genrekit" train --data "$shared/data/gtzan-features/features_30_sec.csv" --algo logreg \
    --holdout 0 --out "$model" >/dev/null 2>&1
fi
# build everything once, outside the timings (the Spark home and application jars too)
"$root/bin/genrekit-spark" --help >/dev/null 2>&1
"$root/bin/genrekit-spark-app" >/dev/null
[ -f "$root/genrekit-spark/target/spark-home/RELEASE" ] || "$root/bin/genrekit-spark-home" "$root/genrekit-spark/target/spark-home"
files=$(find "$data" -name '*.mp3' | wc -l)
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
now() { date +%s.%N; }
TIMEFORMAT='%U %S'

run() { # NAME COMMAND... : times COMMAND, its stderr to $work/NAME.log, wall to $work/NAME.wall, CPU to $work/NAME.cpu
  local name="$1"; shift
  local t0 t1 rc=0
  t0=$(now)
  { time "$@" 2> "$work/$name.log" || rc=$? ; } 2> "$work/$name.cpu"
  t1=$(now)
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then tail -40 "$work/$name.log" >&2; echo "bench/spark.sh: $name failed (exit $rc)" >&2; exit 1; fi
  echo "$t1 - $t0" | bc > "$work/$name.wall"
}
run batch env GENREKIT_PROGRESS=never "$root/genrekit" batch --model "$model" --threads 2 "$data" --out "$work/batch.jsonl"
run local "$root/bin/genrekit-spark" --master 'local[2]' --model "$model" --format jsonl --input "$data" --out "$work/local"
run cluster "$root/bin/genrekit-spark" --master 'local-cluster[2,1,1024]' --model "$model" --format jsonl --input "$data" --out "$work/cluster"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"

job() { # seconds of the job itself, from the tools' own summary lines
  case "$1" in
    batch) sed -n 's/^batch: .* in \([0-9.]*\) s.*/\1/p' "$work/batch.log" ;;
    *) sed -n 's/^genrekit-spark: done: .* in \([0-9.]*\) s.*/\1/p' "$work/$1.log" ;;
  esac
}
# one normalised line per file: batch's fields (Spark's extra columns, and millis, left out), sorted by path
norm() { jq -c 'del(.millis, .error_reason, .error, .model, .model_version, .model_sha256, .mp3_decoder, .resampler)' "$@" | sort; }
compare() {
  if ! command -v jq >/dev/null; then echo "not compared (no jq)"; return; fi
  norm "$work"/local/part-*.json > "$work/local.norm"
  norm "$work"/cluster/part-*.json > "$work/cluster.norm"
  jq -c 'select(.error_reason == null)' "$work"/local/part-*.json | norm > "$work/local.ok.norm"
  norm "$work/batch.jsonl" > "$work/batch.norm"
  local a b
  a=$(cmp -s "$work/local.norm" "$work/cluster.norm" && echo "identical ($(wc -l < "$work/cluster.norm") lines)" || echo "DIFFER: $(diff "$work/local.norm" "$work/cluster.norm" | grep -c '^[<>]') lines")
  b=$(cmp -s "$work/local.ok.norm" "$work/batch.norm" && echo "identical ($(wc -l < "$work/batch.norm") lines)" || echo "DIFFER: $(diff "$work/local.ok.norm" "$work/batch.norm" | grep -c '^[<>]') lines")
  echo "local[2] vs local-cluster: $a; Spark vs batch (results): $b"
}
mkdir -p "$root/bench/out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GB; load average $load_start at the start, $load_end at the end (shared machine: compare ratios, not absolute figures)"
  echo "data: $data ($files MP3), model $(basename "$model")"
  for r in batch local cluster; do
    read -r u s < "$work/$r.cpu"
    awk -v r="$r" -v f="$files" -v j="$(job "$r")" -v w="$(cat "$work/$r.wall")" -v u="$u" -v s="$s" 'BEGIN {
      name = (r == "batch") ? "batch --threads 2" : (r == "local") ? "spark local[2]" : "spark local-cluster[2,1,1024]"
      printf "%-31s job %6.1f s (%5.1f tracks/min), end-to-end %6.1f s, CPU %6.1f s = %.3f core-s/track\n", name, j, f*60/j, w, u+s, (u+s)/f
    }'
  done
  echo "outputs: $(compare)"
  grep -h 'rows decoded/resampled' "$work/cluster.log" | sed 's/^/cluster: /'
} | tee "$root/bench/out/spark.txt"
