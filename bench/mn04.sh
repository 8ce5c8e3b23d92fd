#!/usr/bin/env bash
# mn04 speed (issue 10 item 2): front end + network per 30 s track on one core (target <= 40 ms).
# Usage: bench/mn04.sh [--threads N] [--runs N] [--warmup N] [--installed]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/java.sh"
BENCH_JAVA_OPTS="${GENREKIT_BENCH_JAVA_OPTS:--Xmx2g}" bench_java org.genrekit.bench.Mn04Bench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
