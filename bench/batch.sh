#!/usr/bin/env bash
# Tracks per minute of `genrekit batch` on real MP3s (../shared/data/gtzan-3genres: 195 GTZAN clips,
# 30 s each, LAME VBR, 22050 Hz mono): decode + GTZAN-58 features + model, all cores, CSV results.
#   bench/batch.sh [--model M.gkm] [--threads N] [--data DIR]
# Without --model a logistic-regression bundle is trained on the Kaggle GTZAN-58 table first
# (seconds), so the figure includes a real model's inference. Prints one summary line and writes
# bench/out/batch.txt.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
shared="$(cd "$root/.." && pwd)/shared"
data="$shared/data/gtzan-3genres"
model=""
threads=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "usage: bench/batch.sh [--model M.gkm] [--threads N] [--data DIR]" >&2; exit 2 ;;
  esac
done
[ -d "$data" ] || { echo "bench/batch.sh: $data not found" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/genrekit-bench-batch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [ -z "$model" ]; then
  model="$work/logreg.gkm"
  "$root/genrekit" train --data "$shared/data/gtzan-features/features_30_sec.csv" --algo logreg \
    --holdout 0 --out "$model" >/dev/null 2>&1
fi
files=$(find "$data" -name '*.mp3' | wc -l)
args=(batch --model "$model" "$data" --out "$work/results.csv")
[ -n "$threads" ] && args+=(--threads "$threads")
start=$(date +%s.%N)
TIMEFORMAT='%U %S'
{ time GENREKIT_PROGRESS=never "$root/genrekit" "${args[@]}" 2> "$work/log" || { cat "$work/log" >&2; exit 1; } ; } 2> "$work/cpu"
end=$(date +%s.%N)
summary=$(grep '^batch: [0-9]' "$work/log")
rows=$(( $(wc -l < "$work/results.csv") - 1 ))
mkdir -p "$root/bench/out"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (shared machine: figures are lower bounds)"
  echo "data: $data ($files MP3)"
  echo "threads: ${threads:-all ($(nproc))}"
  echo "run: $summary"
  echo "results rows: $rows"
  awk -v f="$files" -v s="$start" -v e="$end" 'BEGIN { printf "end-to-end incl. JVM start: %.1f s, %.1f tracks/min\n", e - s, f * 60 / (e - s) }'
  read -r u sy < "$work/cpu"
  awk -v f="$files" -v u="$u" -v s="$sy" 'BEGIN { printf "CPU: %.1f s user + %.1f s system = %.3f core-seconds per track (incl. JVM start and JIT)\n", u, s, (u + s) / f }'
} | tee "$root/bench/out/batch.txt"
