#!/usr/bin/env bash
# Feature benchmark (issue 2 item 7): seconds per 30 s clip for decode / + mel / + gtzan58 / + fma518,
# one core and all cores, beside librosa's figures (../shared/golden/librosa-timings.json).
# Usage: bench/features.sh [--runs N] [--warmup N] [--clips N] [--threads N] [--out docs/bench-features.table.md]
# Don't run it while other builds use the machine if you want figures to quote.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# Built and run like the genrekit launcher (bin/genrekit-java); GENREKIT_BENCH_JAVA_OPTS sets the heap.
export GENREKIT_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx4g}"
exec "$here/bin/genrekit-java" org.genrekit.apps.bench.FeatureBench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
