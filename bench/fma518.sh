#!/usr/bin/env bash
# Single-core timings of the CQT, chroma_cqt and fma518 (with and without MP3 decoding) on the
# 30 s golden clip. Compare with ../shared/golden/librosa-timings.json (fma518 full pipeline from
# MP3 at 44.1 kHz: 0.94 s). Usage: bench/fma518.sh [SHARED_DIR]  (default ../shared)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/java.sh"
BENCH_CPUS=0 BENCH_JAVA_OPTS="-XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx2g" \
  bench_java org.genrekit.bench.Fma518Bench "${1:-$here/../shared}"
