#!/usr/bin/env bash
# Model benchmark (issue 4 item 7): train and predict time of every model on the 640-row Kaggle
# GTZAN table and on synthetic 10-class tables of 518 columns up to 100,000 rows. Sizes whose
# training would exceed the budget (seconds) are extrapolated from the measured growth, and marked.
# Usage: bench/models.sh [--sizes 1000,10000,30000,100000] [--budget 120] [--models a,b] [--out docs/bench-models.table.md]
# The figures are only quotable when nothing else runs on the machine.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
# Built and run by bench/lib/java.sh (genrekit-bench); GENREKIT_BENCH_JAVA_OPTS sets the heap.
. "$here/bench/lib/java.sh"
BENCH_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx8g}" bench_java org.genrekit.bench.ModelBench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
