#!/usr/bin/env bash
# Feature store benchmark (issue 3 item 4): writes 100,000 x 518 float rows into a Parquet feature
# store in 256-row batches (as an extraction commits them; closing the store merges them into
# 32768-row parts), then times reading them all back.
# Usage: bench/store.sh [ROWS [COLUMNS [BATCH [RUNS]]]]   (defaults 100000 518 256 3)
# Writes under ${TMPDIR:-/tmp}; needs ~250 MB of disk and a 3 GB heap. Figures depend on the
# disk and on what else runs: don't run it beside builds if you want figures to quote.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/java.sh"
bench_build
dir="$(mktemp -d "${TMPDIR:-/tmp}/genrekit-store-bench.XXXXXX")"
trap 'rm -rf "$dir"' EXIT
BENCH_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx3g}" bench_java org.genrekit.bench.StoreBench "$dir/store" "$@"
