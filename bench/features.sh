#!/usr/bin/env bash
# Feature benchmark (issue 2 item 7): seconds per 30 s clip for decode / + mel / + gtzan58 / + fma518,
# one core and all cores, beside librosa's figures (../shared/golden/librosa-timings.json).
# Usage: bench/features.sh [--runs N] [--warmup N] [--clips N] [--threads N] [--out docs/bench-features.table.md]
# Don't run it while other builds use the machine if you want figures to quote.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export JAVA_HOME="${GENREKIT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cp_file="$here/genrekit-cli/target/classpath.txt"
stamp="$here/genrekit-cli/target/.genrekit-built"
# Same build rule as the genrekit launcher: build when never built or when sources changed.
if [ ! -f "$cp_file" ] || [ ! -f "$stamp" ] || \
   [ -n "$(find "$here" -path "$here/*/target" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$stamp" -print -quit)" ]; then
  "$here/bin/setup"
  echo "bench: building ..." >&2
  (cd "$here" && mvn -B -q -o -DskipTests -pl genrekit-cli -am package >&2 2>/dev/null) || \
  (cd "$here" && mvn -B -q -DskipTests -pl genrekit-cli -am package >&2)
  touch "$stamp"
fi
cp="$(cat "$cp_file")"
for m in audio features data evaluation models deep serve batch cli; do
  cp="$here/genrekit-$m/target/classes:$cp"
done
exec "$JAVA_HOME/bin/java" ${GENREKIT_BENCH_JAVA_OPTS:--Xmx4g} -Xss8m --enable-native-access=ALL-UNNAMED \
  -Djava.awt.headless=true -Dgenrekit.home="$here" \
  -cp "$cp" org.genrekit.apps.bench.FeatureBench --shared "${GENREKIT_SHARED:-$here/../shared}" "$@"
