#!/usr/bin/env bash
# The Spark job in local[2] against `genrekit batch --threads 2` on the same real MP3s with the
# same model: seconds each and the ratio (Spark / batch). Both decode, compute GTZAN-58 and run
# the model for every file of ../shared/data/gtzan-3genres (195 clips).
#   bench/spark.sh [--model M.gkm] [--data DIR] [--master local[2]]
# Writes bench/out/spark.txt.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
data="$shared/data/gtzan-3genres"
model=""
master="local[2]"
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --master) master="$2"; shift 2 ;;
    *) echo "usage: bench/spark.sh [--model M.gkm] [--data DIR] [--master local[N]]" >&2; exit 2 ;;
  esac
done
[ -d "$data" ] || { echo "bench/spark.sh: $data not found" >&2; exit 1; }
threads="${master//[^0-9]/}"; threads="${threads:-2}"
work="$(mktemp -d "${TMPDIR:-/tmp}/genrekit-bench-spark.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ -z "$model" ]; then
  model="$work/logreg.gkm"
  "$root/genrekit" train --data "$shared/data/gtzan-features/features_30_sec.csv" --model logreg \
    --holdout 0 --out "$model" >/dev/null 2>&1
fi
"$root/bin/genrekit-spark" --help >/dev/null 2>&1 # build once, outside the timing
files=$(find "$data" -name '*.mp3' | wc -l)
now() { date +%s.%N; }

TIMEFORMAT='%U %S'
t0=$(now)
{ time GENREKIT_PROGRESS=never "$root/genrekit" batch --model "$model" --threads "$threads" "$data" --out "$work/batch.csv" 2> "$work/batch.log" \
  || { cat "$work/batch.log" >&2; exit 1; } ; } 2> "$work/batch.cpu"
t1=$(now)
{ time "$root/bin/genrekit-spark" --master "$master" --model "$model" --input "$data" --out "$work/spark.parquet" 2> "$work/spark.log" \
  || { tail -50 "$work/spark.log" >&2; exit 1; } ; } 2> "$work/spark.cpu"
t2=$(now)
batch_job=$(sed -n 's/^batch: .* in \([0-9.]*\) s.*/\1/p' "$work/batch.log")
spark_job=$(sed -n 's/^genrekit-spark: done: .* in \([0-9.]*\) s.*/\1/p' "$work/spark.log")
mkdir -p "$root/bench/out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (shared machine: compare the ratio, not the absolute figures)"
  echo "data: $data ($files MP3), model $(basename "$model"), $threads worker threads each"
  echo "batch: $(grep '^batch: [0-9]' "$work/batch.log")"
  echo "spark: $(grep '^genrekit-spark: done' "$work/spark.log")"
  awk -v t="$threads" -v f="$files" -v b="$batch_job" -v s="$spark_job" -v B="$(echo "$t1 - $t0" | bc)" -v S="$(echo "$t2 - $t1" | bc)" 'BEGIN {
    printf "job time:        batch %.1f s (%.1f tracks/min), spark %.1f s (%.1f tracks/min), spark/batch = %.2f\n", b, f*60/b, s, f*60/s, s/b
    printf "end-to-end:      batch %.1f s, spark %.1f s (incl. JVM + Spark start), spark/batch = %.2f\n", B, S, S/B
    printf "per-track cost:  batch %.3f s, spark %.3f s of %d-slot wall time -> %.2f / %.2f slot-seconds per track\n", b/f, s/f, t, b*t/f, s*t/f
  }'
  read -r bu bs < "$work/batch.cpu"; read -r su ss < "$work/spark.cpu"
  awk -v f="$files" -v bu="$bu" -v bs="$bs" -v su="$su" -v ss="$ss" 'BEGIN {
    printf "CPU (user+sys):  batch %.1f s = %.3f core-s/track, spark %.1f s = %.3f core-s/track (incl. JVM/Spark start), spark/batch = %.2f\n", bu+bs, (bu+bs)/f, su+ss, (su+ss)/f, (su+ss)/(bu+bs)
  }'
} | tee "$root/bench/out/spark.txt"
