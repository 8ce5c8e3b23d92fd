#!/usr/bin/env bash
# Single-core timing of the mel spectrogram and gtzan58 on the 30 s golden clip (no decoding).
# Usage: bench/features-dsp.sh [SHARED_DIR]   (default ../shared beside the project root)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
. "$here/bench/lib/java.sh"
# One core: taskset when available, and JIT/GC threads kept small.
BENCH_CPUS=0 BENCH_JAVA_OPTS="-XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx2g" \
  bench_java org.genrekit.bench.DspBench "${1:-$here/../shared}" "${2:-}"
