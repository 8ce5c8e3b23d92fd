#!/usr/bin/env bash
# Speed of every deep architecture: training steps/s (batch 32), and prediction of a 30 s track
# (log-mel + network, one engine thread) as tracks/s and ms/track, wall and CPU time.
# Usage: bench/deep.sh [--arch a,b] [--batch N] [--steps N] [--tracks N] [--threads N] [--device cpu|gpu]
#        (defaults here: --threads 1 --steps 10 --tracks 20; --help lists all options)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/java.sh"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
BENCH_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx4g}" bench_java org.genrekit.bench.DeepBench --threads 1 --steps 10 --tracks 20 "$@"
