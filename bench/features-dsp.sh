#!/usr/bin/env bash
# Single-core timing of the mel spectrogram and gtzan58 on the 30 s golden clip (no decoding).
# Usage: bench/features-dsp.sh [SHARED_DIR]   (default ../shared beside the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
# One reactor run: compiles, and resolves genrekit-audio to its target/classes; each module
# writes its own target/bench-cp.txt.
mvn -B -q -o -pl genrekit-features -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
CP="genrekit-features/target/classes:genrekit-features/target/test-classes:genrekit-audio/target/classes:$(cat genrekit-features/target/bench-cp.txt)"
# One core: taskset when available, and JIT/GC threads kept small.
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"
$PIN "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx2g -cp "$CP" \
  org.genrekit.features.bench.FeatureBench "${1:-../shared}" "${2:-}"
