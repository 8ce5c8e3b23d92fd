#!/usr/bin/env bash
# Single-core timings of the CQT, chroma_cqt and fma518 (with and without MP3 decoding) on the
# 30 s golden clip. Compare with ../shared/golden/librosa-timings.json (fma518 full pipeline from
# MP3 at 44.1 kHz: 0.94 s). Usage: bench/fma518.sh [SHARED_DIR]  (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
mvn -B -q -o -pl genrekit-features -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="genrekit-features/target/classes:genrekit-features/target/test-classes:genrekit-audio/target/classes:$(cat genrekit-features/target/bench-cp.txt)"
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"
$PIN "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx2g --enable-native-access=ALL-UNNAMED \
  -cp "$CP" org.genrekit.features.sets.Fma518Bench "${1:-../shared}"
