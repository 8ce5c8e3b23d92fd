#!/usr/bin/env bash
# Feature benchmark (issue 2 item 7): seconds per 30 s clip for decode / + mel / + gtzan58 / + fma518,
# one core and all cores, beside librosa's figures (../shared/golden/librosa-timings.json).
# Usage: bench/features.sh [--runs N] [--warmup N] [--clips N] [--threads N] [--out docs/bench-features.table.md]
# Don't run it while other builds use the machine if you want figures to quote.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# Built and run by bench/lib/java.sh (genrekit-bench); GENREKIT_BENCH_JAVA_OPTS sets the heap.
. "$here/bench/lib/java.sh"
BENCH_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx4g}" bench_java org.genrekit.bench.FeatureBench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
